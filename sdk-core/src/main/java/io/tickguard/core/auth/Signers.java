package io.tickguard.core.auth;

import io.tickguard.core.auth.internal.AsymmetricSigner;
import io.tickguard.core.auth.internal.Es256JwtSigner;
import io.tickguard.core.auth.internal.HmacSigner;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The standard {@link RequestSigner}s, one per signing scheme the supported providers use. Each is
 * tested against its provider's published example; see {@code docs/authentication.md}.
 */
public final class Signers {
  private Signers() {}

  /**
   * Binance HMAC keys: HMAC-SHA256 of the query string immediately followed by the body (no
   * separator), hex-encoded.
   */
  public static RequestSigner hmacSha256HexOfQueryAndBody() {
    return new HmacSigner(
        "HMAC-SHA256", "HmacSHA256", Function.identity(),
        text(Signers::queryAndBody), HexFormat.of()::formatHex);
  }

  /**
   * A custom HMAC-SHA256 scheme, hex-encoded, over the UTF-8 text {@code canonical} builds from the
   * input: for providers (or sandboxes) whose string-to-sign none of the standard signers match. The
   * text is also what a rejected signature reports.
   */
  public static RequestSigner hmacSha256Hex(Function<SigningInput, String> canonical) {
    return new HmacSigner("HMAC-SHA256", "HmacSHA256", Function.identity(), text(canonical), HexFormat.of()::formatHex);
  }

  /**
   * Kraken spot REST: HMAC-SHA512 of {@code path + SHA256(nonce + body)} keyed with the
   * base64-decoded secret, base64-encoded.
   */
  public static RequestSigner krakenHmacSha512() {
    HmacSigner.Canonicalizer canonical = new HmacSigner.Canonicalizer() {
      @Override
      public byte[] bytes(SigningInput in) {
        byte[] path = in.path().getBytes(StandardCharsets.UTF_8);
        byte[] digest = sha256((in.nonce() + in.body()).getBytes(StandardCharsets.UTF_8));
        byte[] message = new byte[path.length + digest.length];
        System.arraycopy(path, 0, message, 0, path.length);
        System.arraycopy(digest, 0, message, path.length, digest.length);
        return message;
      }

      @Override
      public String describe(SigningInput in) {
        return in.path() + " + SHA256(" + in.nonce() + in.body() + ")";
      }
    };
    return new HmacSigner(
        "HMAC-SHA512", "HmacSHA512", Base64.getDecoder()::decode, canonical,
        Base64.getEncoder()::encodeToString);
  }

  /**
   * Coinbase Exchange and OKX style: HMAC-SHA256 of {@code timestamp + METHOD + requestPath + body},
   * base64-encoded. {@code requestPath} includes the query string, when there is one.
   *
   * @param base64Secret {@code true} when the secret is issued base64-encoded and must be decoded
   *     to get the key (Coinbase Exchange), {@code false} when its text is the key (OKX)
   */
  public static RequestSigner hmacSha256Base64OfPrehash(boolean base64Secret) {
    Function<byte[], byte[]> decoder = base64Secret ? Base64.getDecoder()::decode : byte[]::clone;
    return new HmacSigner(
        "HMAC-SHA256", "HmacSHA256", decoder,
        text(in -> in.timestamp() + in.method() + in.pathAndQuery() + in.body()),
        Base64.getEncoder()::encodeToString);
  }

  /** Binance Ed25519 keys: Ed25519 of the query string followed by the body, base64-encoded. */
  public static RequestSigner ed25519OfQueryAndBody() {
    return new AsymmetricSigner(KeyType.ED25519, Signers::queryAndBody);
  }

  /** Binance RSA keys: RSASSA-PKCS1-v1_5 with SHA-256 of the query string followed by the body, base64. */
  public static RequestSigner rsaSha256OfQueryAndBody() {
    return new AsymmetricSigner(KeyType.RSA, Signers::queryAndBody);
  }

  /** Coinbase CDP keys: a two-minute ES256 JWT per request with a random header nonce. */
  public static RequestSigner coinbaseCdpJwt() {
    SecureRandom random = new SecureRandom();
    return es256Jwt("cdp", Duration.ofSeconds(120), () -> {
      byte[] nonce = new byte[16];
      random.nextBytes(nonce);
      return nonce;
    });
  }

  /** An ES256 JWT signer with its issuer, lifetime and nonce source chosen (tests fix the nonce). */
  public static RequestSigner es256Jwt(String issuer, Duration lifetime, Supplier<byte[]> nonceBytes) {
    return new Es256JwtSigner(JsonMapper.builder().build(), issuer, lifetime, nonceBytes);
  }

  private static String queryAndBody(SigningInput in) {
    return in.query() + in.body();
  }

  private static HmacSigner.Canonicalizer text(Function<SigningInput, String> canonical) {
    return new HmacSigner.Canonicalizer() {
      @Override
      public byte[] bytes(SigningInput in) {
        return canonical.apply(in).getBytes(StandardCharsets.UTF_8);
      }

      @Override
      public String describe(SigningInput in) {
        return canonical.apply(in);
      }
    };
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
