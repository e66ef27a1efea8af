package io.tickguard.crypto.coinbase;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import java.util.Objects;

/**
 * Coinbase's key kinds as {@link ApiCredentials}, for {@link CoinbaseClient.Builder#credentials(ApiCredentials)}.
 */
public final class CoinbaseKeys {
  private CoinbaseKeys() {}

  /**
   * A CDP API key: {@code keyName} is its {@code organizations/.../apiKeys/...} name, {@code
   * ecPrivateKeyPem} its EC P-256 private key (SEC1 {@code BEGIN EC PRIVATE KEY} or PKCS#8 PEM),
   * parsed once here. Requests then carry a fresh two-minute ES256 JWT as a bearer token.
   */
  public static ApiCredentials cdp(String keyName, Secret ecPrivateKeyPem) {
    Objects.requireNonNull(keyName, "keyName");
    if (keyName.isBlank()) {
      throw new InvalidRequestException("keyName", "The CDP key name is blank; pass organizations/.../apiKeys/...");
    }
    return ApiCredentials.ecP256(keyName, Objects.requireNonNull(ecPrivateKeyPem, "ecPrivateKeyPem"));
  }
}
