package io.tickguard.examples.cli;

import io.tickguard.testkit.providers.ProviderSandbox;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The providers the command line can query and the environment variables their keys come from.
 * Keys never come from arguments: those land in shell history and process lists.
 */
enum Provider {
  BINANCE("BINANCE_API_KEY", "BINANCE_API_SECRET", "HMAC secret", "BTC/USDT"),
  KRAKEN("KRAKEN_API_KEY", "KRAKEN_PRIVATE_KEY", "private key (base64, as issued)", "BTC/USD"),
  COINBASE("COINBASE_KEY_NAME", "COINBASE_PRIVATE_KEY_FILE", "EC private key PEM file (owner-readable only)", "BTC/USD"),
  INSIGHTEASE(null, "INSIGHTEASE_API_KEY", "api_key (required for every call)", "BTC/USD");

  private final String keyVariable;
  private final String secretVariable;
  private final String secretDescription;
  private final String exampleSymbol;

  Provider(String keyVariable, String secretVariable, String secretDescription, String exampleSymbol) {
    this.keyVariable = keyVariable;
    this.secretVariable = secretVariable;
    this.secretDescription = secretDescription;
    this.exampleSymbol = exampleSymbol;
  }

  static List<String> ids() {
    return Arrays.stream(values()).map(Provider::id).toList();
  }

  /** The lower-case name used on the command line. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The variable holding the key id, or {@code null} for a provider whose key is only a secret. */
  String keyVariable() {
    return keyVariable;
  }

  /** The variable holding the secret (for Coinbase: naming the PEM file). */
  String secretVariable() {
    return secretVariable;
  }

  /** Whether {@link #secretVariable()} names a file rather than holding the secret. */
  boolean secretVariableIsFile() {
    return secretVariable.endsWith("_FILE");
  }

  /** Whether even public data needs a key. */
  boolean keyRequiredForEveryCall() {
    return keyVariable == null;
  }

  String secretDescription() {
    return secretDescription;
  }

  /** A symbol both the provider and the sandbox list, for examples in hints. */
  String exampleSymbol() {
    return exampleSymbol;
  }

  /** The sandbox speaking this provider's wire format. */
  ProviderSandbox sandbox() {
    return ProviderSandbox.valueOf(name());
  }

  /** One line of help: which variables to set. */
  String credentialHelp() {
    String vars = keyVariable == null ? secretVariable : keyVariable + " and " + secretVariable;
    return String.format("%-12s %s (%s)", id(), vars, secretDescription);
  }
}
