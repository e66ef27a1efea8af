package io.tickguard.crypto.coinbase.stream;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.internal.EcdsaSignatures;
import io.tickguard.core.auth.internal.Signatures;
import io.tickguard.core.stream.MessageSigner;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Adds a fresh CDP JWT to every Coinbase {@code subscribe}/{@code unsubscribe} message, as Coinbase
 * requires for WebSocket messages: ES256 for an EC P-256 CDP key, EdDSA for an Ed25519 one (header
 * {@code alg} {@code EdDSA}, the raw 64-byte Ed25519 signature), {@code kid} and {@code sub} the key
 * name, {@code iss} {@code cdp}, valid 120 seconds from now on {@code clock}, and, unlike a REST JWT,
 * no {@code uri} claim. The token is never logged.
 */
public final class CoinbaseWsJwt implements MessageSigner {
  /** How long each JWT is valid. */
  public static final long LIFETIME_SECONDS = 120;
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

  private final ApiCredentials credentials;
  private final Clock clock;
  private final boolean eddsa;
  private final Signatures signatures;
  private final SecureRandom random = new SecureRandom();

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
    this.eddsa = credentials.keyType() == KeyType.ED25519;
    this.signatures = new Signatures(eddsa ? "Ed25519" : "SHA256withECDSA");
  }

  @Override
  public String sign(String message) {
    if (!message.startsWith("{\"type\":\"subscribe\"") && !message.startsWith("{\"type\":\"unsubscribe\"")) {
      return message;
    }
    return message.substring(0, message.length() - 1) + ",\"jwt\":\"" + jwt() + "\"}";
  }

  private String jwt() {
    byte[] nonce = new byte[16];
    random.nextBytes(nonce);
    long now = clock.instant().getEpochSecond();
    String kid = json(credentials.apiKey());
    String header = "{\"alg\":\"" + (eddsa ? "EdDSA" : "ES256") + "\",\"kid\":" + kid + ",\"nonce\":\"" + HexFormat.of().formatHex(nonce) + "\",\"typ\":\"JWT\"}";
    String claims = "{\"sub\":" + kid + ",\"iss\":\"cdp\",\"nbf\":" + now + ",\"exp\":" + (now + LIFETIME_SECONDS) + "}";
    String input = B64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
        + B64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    byte[] signature = signatures.sign(credentials, input.getBytes(StandardCharsets.US_ASCII));
    // Ed25519 signatures are already the raw 64 bytes a JWS carries; ECDSA's DER becomes R || S.
    return input + "." + B64URL.encodeToString(eddsa ? signature : EcdsaSignatures.derToJose(signature, 32));
  }

  /** A JSON string of a key name (CDP names are {@code organizations/{org}/apiKeys/{key}}). */
  private static String json(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      if (c < 0x20) {
        throw new IllegalArgumentException("A CDP key name has no control characters");
      }
      out.append(c);
    }
    return out.append('"').toString();
  }
}
