package io.tickguard.examples.cli;

import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where a market command connects: the crypto {@code --provider} plus the {@link EndpointOptions}
 * every command shares.
 */
final class ConnectionOptions extends EndpointOptions {
  @Option(names = {"-p", "--provider"}, paramLabel = "NAME", defaultValue = "binance",
      completionCandidates = ProviderNames.class,
      description = "Wire format and provider: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String provider;

  /** The provider, after {@link #validate}. */
  Provider provider() {
    return Provider.valueOf(provider.toUpperCase(Locale.ROOT));
  }

  /** Checks every option against the others; nothing has started yet. */
  void validate(CommandSpec spec) {
    if (!Provider.ids().contains(provider.toLowerCase(Locale.ROOT))) {
      throw new ParameterException(spec.commandLine(),
          "unknown provider '" + provider + "'; choose one of " + String.join(", ", Provider.ids()));
    }
    validateEndpoint(spec);
  }

  /** Completion candidates and the names {@code --provider} accepts. */
  static final class ProviderNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return Provider.ids().iterator();
    }
  }
}
