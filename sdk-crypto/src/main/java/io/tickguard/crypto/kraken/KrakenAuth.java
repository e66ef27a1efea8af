package io.tickguard.crypto.kraken;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.time.NonceSource;
import java.time.Clock;
import java.util.Objects;

/**
 * Kraken's request authentication as a public building block, for endpoints TickGuard does not
 * wrap: a {@code nonce} form field, the {@code API-Key} header and {@code API-Sign} =
 * base64(HMAC-SHA512(base64decode(private key), path + SHA256(nonce + body))). It is the one {@link
 * KrakenClient} uses; run such endpoints through {@link KrakenClient#call} to keep the client's
 * throttle.
 *
 * <pre>{@code
 * RequestAuthenticator auth = KrakenAuth.apiSign(ApiCredentials.hmac("key", privateKey), Clock.systemUTC());
 * // Kraken's published example, nonce and all:
 * RequestAuthenticator fixed = KrakenAuth.apiSign(credentials, key -> 1616492376594L);
 * }</pre>
 */
public final class KrakenAuth {
  private KrakenAuth() {}

  /** Millisecond nonces from {@code clock}, strictly increasing per key. */
  public static SigningAuthenticator apiSign(ApiCredentials credentials, Clock clock) {
    return KrakenClient.signingAuthenticator(CredentialsProvider.of(requireHmac(credentials)), clock, null);
  }

  /** Nonces from {@code nonces} (see {@link NonceSource} for what they must satisfy). */
  public static SigningAuthenticator apiSign(ApiCredentials credentials, NonceSource nonces) {
    Objects.requireNonNull(nonces, "nonces");
    return KrakenClient.signingAuthenticator(CredentialsProvider.of(requireHmac(credentials)), Clock.systemUTC(), nonces);
  }

  private static ApiCredentials requireHmac(ApiCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    if (credentials.keyType() != KeyType.HMAC) {
      throw new InvalidRequestException("credentials", "Kraken spot keys are HMAC keys (ApiCredentials.hmac with the"
          + " base64 private key as issued), not " + credentials.keyType());
    }
    return credentials;
  }
}
