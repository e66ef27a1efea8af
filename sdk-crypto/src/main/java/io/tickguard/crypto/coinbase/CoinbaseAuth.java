package io.tickguard.crypto.coinbase;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.time.ServerClock;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

/**
 * Coinbase's request authentication as a public building block, for endpoints TickGuard does not
 * wrap.
 *
 * <ul>
 *   <li>{@link #cdpJwt}: Advanced Trade with a CDP key ({@link CoinbaseKeys#cdp} or {@link
 *       CoinbaseKeys#cdpEd25519}), a fresh two-minute JWT per request (ES256 or EdDSA by key kind,
 *       issuer {@code cdp}, {@code uri} claim naming the method, host and path) as a bearer token.
 *       It is the one {@link CoinbaseClient} uses; run such endpoints through {@link
 *       CoinbaseClient#call} to keep the client's throttle and clock.
 *   <li>{@link #exchangeHmac}: Coinbase Exchange keys, the {@code CB-ACCESS-*} headers. Give the
 *       {@code ApiClient} these headers as secrets: {@code
 *       .secretHeaders(CoinbaseAuth.EXCHANGE_SECRET_HEADERS.toArray(String[]::new))}.
 * </ul>
 *
 * <pre>{@code
 * ApiCredentials key = ApiCredentials.hmac("exchange-key", Secret.fromEnv("CB_EXCHANGE_SECRET"))
 *     .withPassphrase(Secret.fromEnv("CB_EXCHANGE_PASSPHRASE"));
 * ApiClient exchange = ApiClient.builder(config)
 *     .authenticator(CoinbaseAuth.exchangeHmac(key, Clock.systemUTC()))
 *     .secretHeaders(CoinbaseAuth.EXCHANGE_SECRET_HEADERS.toArray(String[]::new))
 *     .build();
 * }</pre>
 */
public final class CoinbaseAuth {
  /**
   * The Coinbase Exchange headers whose values are secrets or identify the key: {@code CB-ACCESS-KEY},
   * {@code CB-ACCESS-SIGN} and {@code CB-ACCESS-PASSPHRASE} (the timestamp is not secret). Register
   * them with {@code ApiClient.Builder.secretHeaders} so that they are redacted from messages and
   * scrubbed when an answer echoes them.
   */
  public static final List<String> EXCHANGE_SECRET_HEADERS =
      List.of("CB-ACCESS-KEY", "CB-ACCESS-SIGN", "CB-ACCESS-PASSPHRASE");

  private CoinbaseAuth() {}

  /**
   * CDP JWT signing with times from {@code clock} (a {@code ServerClock} is used as is); {@code
   * credentials} must be an EC P-256 or Ed25519 CDP key.
   *
   * @throws InvalidRequestException on {@code credentials} for any other kind of key
   */
  public static SigningAuthenticator cdpJwt(ApiCredentials credentials, Clock clock) {
    return CoinbaseClient.cdpAuthenticator(credentials, clock);
  }

  /**
   * Coinbase Exchange's HMAC signing ({@link CoinbaseSigners#exchangeHmac()}): headers {@code
   * CB-ACCESS-KEY} (the key), {@code CB-ACCESS-TIMESTAMP} (epoch seconds from {@code clock}; a
   * {@code ServerClock} is used as is), {@code CB-ACCESS-PASSPHRASE} (the key's passphrase) and
   * {@code CB-ACCESS-SIGN}, the base64 HMAC-SHA256, keyed with the base64-decoded secret, of {@code
   * timestamp + METHOD + requestPath (with its query) + body}.
   *
   * @param credentials an HMAC key whose secret is the base64 secret as Coinbase Exchange issues it,
   *     with its passphrase ({@code ApiCredentials.withPassphrase})
   * @throws InvalidRequestException on {@code credentials}: not an HMAC key, no passphrase, or a
   *     secret that is not base64
   */
  public static SigningAuthenticator exchangeHmac(ApiCredentials credentials, Clock clock) {
    Objects.requireNonNull(credentials, "credentials");
    if (credentials.keyType() != KeyType.HMAC) {
      throw new InvalidRequestException("credentials", "Coinbase Exchange keys are HMAC keys (ApiCredentials.hmac"
          + " with the base64 secret as issued), not " + credentials.keyType());
    }
    if (credentials.passphrase().isEmpty()) {
      throw new InvalidRequestException("credentials", "Coinbase Exchange keys need their passphrase: add it with"
          + " ApiCredentials.withPassphrase(...)");
    }
    boolean base64 = credentials.secret().orElseThrow().withBytes(CoinbaseAuth::isBase64);
    if (!base64) {
      throw new InvalidRequestException("credentials", "The Coinbase Exchange secret is not base64; pass it exactly"
          + " as Coinbase issued it");
    }
    ServerClock signingClock = CoinbaseClient.signingClock(clock);
    return SigningAuthenticator.builder()
        .credentials(CredentialsProvider.of(credentials))
        .signer(CoinbaseSigners.exchangeHmac())
        .placement(AttachRule.builder()
            .apiKeyHeader("CB-ACCESS-KEY")
            .passphraseHeader("CB-ACCESS-PASSPHRASE")
            .timestampHeader("CB-ACCESS-TIMESTAMP")
            .timestampFormat(AttachRule.TimestampFormat.EPOCH_SECONDS)
            .signatureHeader("CB-ACCESS-SIGN")
            .build())
        .serverClock(signingClock)
        .build();
  }

  private static boolean isBase64(byte[] text) {
    if (text.length == 0) {
      return false;
    }
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      java.util.Arrays.fill(decoded, (byte) 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
