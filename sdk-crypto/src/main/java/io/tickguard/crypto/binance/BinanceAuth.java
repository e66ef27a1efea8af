package io.tickguard.crypto.binance;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.time.RecvWindow;
import io.tickguard.core.time.ServerClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Binance's request authentication as a public building block, for endpoints TickGuard does not
 * wrap: the {@code X-MBX-APIKEY} header, then {@code timestamp} and {@code signature} query
 * parameters, the signature covering the query string and body exactly as sent. It is the one
 * {@link BinanceClient} uses; give it to {@code ApiClient.builder(config).authenticator(...)}, or
 * run such endpoints through {@link BinanceClient#call} to keep the client's throttle and clock.
 *
 * <pre>{@code
 * RequestAuthenticator auth = BinanceAuth.hmac(ApiCredentials.hmac("key", secret), Clock.systemUTC());
 * }</pre>
 */
public final class BinanceAuth {
  private BinanceAuth() {}

  /**
   * Binance's acceptance window for signed requests when no {@code recvWindow} is sent: a timestamp
   * at most 5,000 ms old and less than one second ahead of Binance's clock.
   */
  public static RecvWindow defaultRecvWindow() {
    return new RecvWindow(Duration.ofMillis(5000), Duration.ofSeconds(1));
  }

  /** HMAC-SHA256 signing; {@code credentials} must be an HMAC key. */
  public static SigningAuthenticator hmac(ApiCredentials credentials, Clock clock) {
    return of(requireType(credentials, KeyType.HMAC), clock);
  }

  /** Ed25519 signing; {@code credentials} must be an Ed25519 key. */
  public static SigningAuthenticator ed25519(ApiCredentials credentials, Clock clock) {
    return of(requireType(credentials, KeyType.ED25519), clock);
  }

  /** RSA signing; {@code credentials} must be an RSA key. */
  public static SigningAuthenticator rsa(ApiCredentials credentials, Clock clock) {
    return of(requireType(credentials, KeyType.RSA), clock);
  }

  /**
   * The signing Binance documents for the key type of {@code credentials} (HMAC, Ed25519 or RSA),
   * with timestamps from {@code clock} (a {@link ServerClock} is used as is, so its offset corrects
   * them).
   */
  public static SigningAuthenticator of(ApiCredentials credentials, Clock clock) {
    Objects.requireNonNull(credentials, "credentials");
    return SigningAuthenticator.builder()
        .credentials(CredentialsProvider.of(credentials))
        .signer(BinanceSigners.forKeyType(credentials.keyType()))
        .placement(BinanceClient.attachRule(null))
        .serverClock(serverClock(clock))
        .build();
  }

  private static ApiCredentials requireType(ApiCredentials credentials, KeyType type) {
    Objects.requireNonNull(credentials, "credentials");
    if (credentials.keyType() != type) {
      throw new InvalidRequestException("credentials", "expected a Binance " + type + " key, got " + credentials.keyType()
          + "; use BinanceAuth.of(credentials, clock) to follow the key's type");
    }
    return credentials;
  }

  static ServerClock serverClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return clock instanceof ServerClock server ? server : ServerClock.uncorrected(clock);
  }
}
