package io.tickguard.core.auth;

import io.tickguard.core.ConfigurationException;
import io.tickguard.core.auth.internal.AsymmetricSigner;
import io.tickguard.core.auth.internal.HmacSigner;
import io.tickguard.core.auth.internal.JwtSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.json.JsonMapper;

/**
 * The generic building blocks of {@link RequestSigner}s: HMAC, Ed25519, RSA and ES256/EdDSA JWTs over an
 * input the caller describes. Core knows no provider: each provider package composes its own scheme
 * from these blocks (Binance's {@code BinanceSigners}, Kraken's {@code KrakenSigners}, Coinbase's
 * {@code CoinbaseSigners}) and tests it against its provider's published vectors; see {@code
 * docs/authentication.md}.
 */
public final class Signers {
  private Signers() {}

  /** The HMAC hash functions providers use. */
  public enum Hmac {
    /** HMAC-SHA256. */
    SHA256("HMAC-SHA256", "HmacSHA256"),
    /** HMAC-SHA512. */
    SHA512("HMAC-SHA512", "HmacSHA512");

    private final String label;
    private final String jcaName;

    Hmac(String label, String jcaName) {
      this.label = label;
      this.jcaName = jcaName;
    }
  }

  /** How a provider issues an HMAC secret: its text is the key, or it must be base64-decoded first. */
  public enum SecretEncoding {
    /** The secret's bytes are the key. */
    TEXT,
    /** The secret is base64 text; the decoded bytes are the key. */
    BASE64
  }

  /** How the signature bytes are written. */
  public enum SignatureEncoding {
    /** Lower-case hex. */
    HEX,
    /** Standard base64 with padding. */
    BASE64
  }

  /**
   * What is signed: the message bytes for a request, and the text a rejected signature reports
   * (which must name what was signed without containing a secret).
   */
  public interface Message {
    /** The bytes to sign for {@code in}. */
    byte[] bytes(SigningInput in);

    /** What {@link #bytes} signs, as text for error reports. */
    String describe(SigningInput in);

    /** The UTF-8 bytes of the text {@code canonical} builds; the text is also the description. */
    static Message text(Function<SigningInput, String> canonical) {
      return new TextMessage(Objects.requireNonNull(canonical, "canonical"));
    }
  }

  /** A {@link Message} that is text: built once per signature, its bytes signed, itself reported. */
  private static final class TextMessage implements Message {
    private final Function<SigningInput, String> canonical;

    private TextMessage(Function<SigningInput, String> canonical) {
      this.canonical = canonical;
    }

    @Override
    public byte[] bytes(SigningInput in) {
      return canonical.apply(in).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String describe(SigningInput in) {
      return canonical.apply(in);
    }

    HmacSigner.Canonical both(SigningInput in) {
      String text = canonical.apply(in);
      return new HmacSigner.Canonical(text.getBytes(StandardCharsets.UTF_8), text);
    }
  }

  /** An HMAC signer: {@code hash} over {@code message}, keyed as {@code secret} says, written as {@code encoding}. */
  public static RequestSigner hmac(Hmac hash, SecretEncoding secret, Message message, SignatureEncoding encoding) {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(message, "message");
    Function<byte[], byte[]> decoder = Objects.requireNonNull(secret, "secret") == SecretEncoding.BASE64
        ? Signers::base64Key : Function.identity();
    Function<byte[], String> writer = Objects.requireNonNull(encoding, "encoding") == SignatureEncoding.HEX
        ? HexFormat.of()::formatHex : Base64.getEncoder()::encodeToString;
    HmacSigner.Canonicalizer canonical = new HmacSigner.Canonicalizer() {
      @Override
      public byte[] bytes(SigningInput in) {
        return message.bytes(in);
      }

      @Override
      public String describe(SigningInput in) {
        return message.describe(in);
      }

      @Override
      public HmacSigner.Canonical canonical(SigningInput in) {
        return message instanceof TextMessage text ? text.both(in) : HmacSigner.Canonicalizer.super.canonical(in);
      }
    };
    return new HmacSigner(hash.label, hash.jcaName, decoder, canonical, writer);
  }

  /**
   * The key bytes of a base64 secret. Base64's own error is not passed on: it quotes the offending
   * character, a character of the secret.
   */
  private static byte[] base64Key(byte[] secret) {
    try {
      return Base64.getDecoder().decode(secret);
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException("credentials", "The credentials' secret is not base64 text, but this"
          + " signer keys its HMAC with the base64-decoded secret (as the provider issues it): pass the secret"
          + " exactly as issued, without quotes, spaces or line breaks");
    }
  }

  /**
   * A custom HMAC-SHA256 scheme, hex-encoded, over the UTF-8 text {@code canonical} builds from the
   * input: for providers (or sandboxes) whose string-to-sign is plain text. The text is also what a
   * rejected signature reports.
   */
  public static RequestSigner hmacSha256Hex(Function<SigningInput, String> canonical) {
    return hmac(Hmac.SHA256, SecretEncoding.TEXT, Message.text(canonical), SignatureEncoding.HEX);
  }

  /** Ed25519 over the UTF-8 text {@code canonical} builds, base64-encoded. */
  public static RequestSigner ed25519(Function<SigningInput, String> canonical) {
    return new AsymmetricSigner(KeyType.ED25519, Objects.requireNonNull(canonical, "canonical"));
  }

  /** RSASSA-PKCS1-v1_5 with SHA-256 over the UTF-8 text {@code canonical} builds, base64-encoded. */
  public static RequestSigner rsaSha256(Function<SigningInput, String> canonical) {
    return new AsymmetricSigner(KeyType.RSA, Objects.requireNonNull(canonical, "canonical"));
  }

  /** An ES256 JWT signer with its issuer, lifetime and nonce source chosen (tests fix the nonce). */
  public static RequestSigner es256Jwt(String issuer, Duration lifetime, Supplier<byte[]> nonceBytes) {
    return new JwtSigner(JsonMapper.builder().build(), issuer, lifetime, nonceBytes, EnumSet.of(KeyType.EC_P256));
  }

  /** An ES256 JWT signer whose header nonce is 16 random bytes per token. */
  public static RequestSigner es256Jwt(String issuer, Duration lifetime) {
    return es256Jwt(issuer, lifetime, JwtSigner.randomNonces());
  }

  /**
   * A JWT signer whose algorithm follows the key: {@code ES256} for an {@link KeyType#EC_P256} key,
   * {@code EdDSA} for an {@link KeyType#ED25519} key; the same header ({@code alg}, {@code kid},
   * {@code nonce}, {@code typ}) and claims ({@code sub}, {@code iss}, {@code nbf}, {@code exp},
   * {@code uri}) either way. Issuer, lifetime and nonce source chosen (tests fix the nonce).
   */
  public static RequestSigner jwt(String issuer, Duration lifetime, Supplier<byte[]> nonceBytes) {
    return new JwtSigner(JsonMapper.builder().build(), issuer, lifetime, nonceBytes,
        EnumSet.of(KeyType.EC_P256, KeyType.ED25519));
  }

  /** {@link #jwt(String, Duration, Supplier)} with 16 random bytes per token as the header nonce. */
  public static RequestSigner jwt(String issuer, Duration lifetime) {
    return jwt(issuer, lifetime, JwtSigner.randomNonces());
  }
}
