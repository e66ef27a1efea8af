package io.tickguard.examples.cli;

import io.tickguard.core.auth.Secret;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A provider key read from the environment or from a file named by {@code --key-file}, never from
 * an argument. A half-set pair of variables or an unreadable file is a {@link
 * ConfigurationException} naming the variable or the option to fix.
 *
 * @param keyId the key's public id ({@code BINANCE_API_KEY} ...), absent for a provider whose key is only a secret
 * @param secret the secret (for Coinbase: the PEM document)
 */
record ProviderKey(Optional<String> keyId, Secret secret) {

  /**
   * Reads {@code provider}'s key, if configured.
   *
   * @throws ConfigurationException when it is half configured or its file cannot be used
   */
  static Optional<ProviderKey> read(Provider provider, Map<String, String> env, Optional<Path> keyFile) {
    Optional<String> keyId = provider.keyVariable() == null ? Optional.empty() : set(env, provider.keyVariable());
    Optional<Secret> secret;
    if (keyFile.isPresent()) {
      secret = Optional.of(file(keyFile.get(), "--key-file"));
    } else if (provider.secretVariableIsFile()) {
      secret = set(env, provider.secretVariable()).map(f -> file(Path.of(f), provider.secretVariable()));
    } else {
      secret = set(env, provider.secretVariable()).map(v -> Secret.fromEnv(provider.secretVariable(), env));
    }
    if (provider.keyVariable() != null && keyId.isPresent() != secret.isPresent()) {
      throw new ConfigurationException(keyId.isPresent()
          ? provider.keyVariable() + " is set but the secret is missing: export " + provider.secretVariable()
              + (provider.secretVariableIsFile() ? "=PATH" : "=...") + " or pass --key-file FILE"
          : "the secret is set but " + provider.keyVariable() + " is not: export " + provider.keyVariable()
              + "=... (the key the secret belongs to)");
    }
    return secret.map(s -> new ProviderKey(keyId, s));
  }

  /** The error when a command needs a key and none is configured. */
  static ConfigurationException missing(Provider provider, String why) {
    String vars = provider.keyVariable() == null
        ? "export " + provider.secretVariable() + "=..."
        : "export " + provider.keyVariable() + "=... and " + provider.secretVariable() + (provider.secretVariableIsFile() ? "=PATH" : "=...");
    return new ConfigurationException(why + ": " + vars + " (or pass --key-file FILE for the secret), or drop --live/--base-url to use the sandbox's demo keys");
  }

  private static Optional<String> set(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
  }

  private static Secret file(Path path, String source) {
    try {
      return Secret.fromFile(path);
    } catch (io.tickguard.core.ConfigurationException e) {
      // Core names the file and what is wrong with it; the command line adds which option gave it.
      throw new ConfigurationException(source + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "ProviderKey{" + keyId.orElse("-") + ", secret=" + secret + "}";
  }
}
