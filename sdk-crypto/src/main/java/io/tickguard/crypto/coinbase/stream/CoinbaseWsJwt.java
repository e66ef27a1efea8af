package io.tickguard.crypto.coinbase.stream;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.internal.JwtSigner;
import io.tickguard.core.stream.MessageSigner;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;

/**
 * Adds a fresh CDP JWT to every Coinbase {@code subscribe}/{@code unsubscribe} message, as Coinbase
 * requires for WebSocket messages: ES256 for an EC P-256 CDP key, EdDSA for an Ed25519 one (header
 * {@code alg} {@code EdDSA}, the raw 64-byte Ed25519 signature), {@code kid} and {@code sub} the key
 * name, {@code iss} {@code cdp}, valid 120 seconds from now on {@code clock}, and, unlike a REST JWT,
 * no {@code uri} claim. The tokens come from the same signer as REST's ({@code CoinbaseSigners.cdpJwt()}).
 * The token is never logged.
 */
public final class CoinbaseWsJwt implements MessageSigner {
  /** How long each JWT is valid. */
  public static final long LIFETIME_SECONDS = 120;

  private final ApiCredentials credentials;
  private final Clock clock;
  private final JwtSigner signer;

  /**
   * Signs with {@code credentials} (an EC P-256 or Ed25519 CDP key) on {@code clock} (Coinbase's
   * clock when known).
   *
   * @throws IllegalArgumentException for any other kind of key
   */
  public CoinbaseWsJwt(ApiCredentials credentials, Clock clock) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (credentials.keyType() != KeyType.EC_P256 && credentials.keyType() != KeyType.ED25519) {
      throw new IllegalArgumentException(
          "Coinbase WebSocket JWTs need an EC P-256 or Ed25519 CDP key, not " + credentials.keyType());
    }
    this.signer = new JwtSigner(JsonMapper.builder().build(), "cdp", Duration.ofSeconds(LIFETIME_SECONDS),
        JwtSigner.randomNonces(), EnumSet.of(KeyType.EC_P256, KeyType.ED25519));
  }

  @Override
  public String sign(String message) {
    if (!message.startsWith("{\"type\":\"subscribe\"") && !message.startsWith("{\"type\":\"unsubscribe\"")) {
      return message;
    }
    String jwt = signer.token(credentials, clock.instant().getEpochSecond(), null).jwt();
    return message.substring(0, message.length() - 1) + ",\"jwt\":\"" + jwt + "\"}";
  }
}
