package io.tickguard.examples.cli;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where an {@code fx} command connects: the embedded sandbox by default, the real provider with
 * {@code --live}, or an endpoint of the provider's format with {@code --base-url}, trusted through
 * {@code --ca-file} and pinned with {@code --pin}; checked like {@link ConnectionOptions}.
 */
final class FxConnectionOptions {
  @Option(names = {"-p", "--provider"}, paramLabel = "NAME", defaultValue = "oanda", completionCandidates = FxProvider.Names.class,
      description = "Forex provider and wire format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String provider;

  @Option(names = "--live", description = "Talk to the real provider (OANDA practice, Saxo SIM, Insightease) instead of the embedded sandbox.")
  boolean live;

  @Option(names = "--base-url", paramLabel = "URL",
      description = "Talk to this https endpoint of the provider's format (the standalone sandbox, a proxy).")
  String baseUrl;

  @Option(names = "--ca-file", paramLabel = "FILE", description = "Trust only the CA certificates in this PEM file (with --live or --base-url).")
  Path caFile;

  @Option(names = "--pin", paramLabel = "sha256/BASE64",
      description = "Pin the server's public key (repeatable: add a backup pin); with --live or --base-url.")
  List<String> pins = new ArrayList<>();

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "Read the OANDA token or Insightease api_key from this owner-only file instead of the environment variable.")
  Path keyFile;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Saxo: the owner-only file holding the session `tickguard login saxo` stored (default: ~/.tickguard/saxo.token).")
  Path tokenFile;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
      description = "Give up on a call after this long, retries and throttle waits included (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Market seed of the embedded sandbox (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The provider, after {@link #validate}. */
  FxProvider provider() {
    return FxProvider.valueOf(provider.toUpperCase(Locale.ROOT));
  }

  /** Whether the command talks to the embedded sandbox. */
  boolean embedded() {
    return !live && baseUrl == null;
  }

  Optional<Path> keyFile() {
    return Optional.ofNullable(keyFile);
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
    ConnectionOptions.validateEndpoint(spec, live, baseUrl, caFile, pins, keyFile, timeout);
    if (keyFile != null && provider() == FxProvider.SAXO) {
      throw new ParameterException(spec.commandLine(), "--key-file is for OANDA and Insightease; Saxo's session is in --token-file");
    }
    if (tokenFile != null && provider() != FxProvider.SAXO) {
      throw new ParameterException(spec.commandLine(), "--token-file is Saxo's session; OANDA and Insightease take --key-file");
    }
  }

  /** The host of {@code url}, for pins. */
  static String host(String url) {
    return URI.create(url).getHost();
  }
}
