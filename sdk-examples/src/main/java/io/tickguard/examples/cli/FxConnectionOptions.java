package io.tickguard.examples.cli;

import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where an {@code fx} command connects: the forex {@code --provider} and Saxo's {@code
 * --token-file}, plus the {@link EndpointOptions} every command shares.
 */
final class FxConnectionOptions extends EndpointOptions {
  @Option(names = {"-p", "--provider"}, paramLabel = "NAME", defaultValue = "oanda", completionCandidates = FxProvider.Names.class,
      description = "Forex provider and wire format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String provider;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Saxo: the owner-only file holding the session `tickguard login saxo` stored (default: ~/.tickguard/saxo.token).")
  Path tokenFile;

  /** The provider, after {@link #validate}. */
  FxProvider provider() {
    return FxProvider.valueOf(provider.toUpperCase(Locale.ROOT));
  }

  /** The Saxo session file: {@code --token-file}, else {@code ~/.tickguard/saxo.token}. */
  Path tokenFile() {
    return tokenFile != null ? tokenFile : defaultTokenFile();
  }

  static Path defaultTokenFile() {
    return Path.of(System.getProperty("user.home"), ".tickguard", "saxo.token");
  }

  /** Checks every option against the others; nothing has started yet. */
  void validate(CommandSpec spec) {
    if (!FxProvider.ids().contains(provider.toLowerCase(Locale.ROOT))) {
      throw new ParameterException(spec.commandLine(),
          "unknown forex provider '" + Text.clean(provider) + "'; choose one of " + String.join(", ", FxProvider.ids()));
    }
    validateEndpoint(spec);
    if (keyFile != null && provider() == FxProvider.SAXO) {
      throw new ParameterException(spec.commandLine(), "--key-file is for OANDA and Insightease; Saxo's session is in --token-file");
    }
    if (tokenFile != null && provider() != FxProvider.SAXO) {
      throw new ParameterException(spec.commandLine(), "--token-file is Saxo's session; OANDA and Insightease take --key-file");
    }
  }
}
