package io.tickguard.testkit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature verification hooks for provider routes. Every comparison is constant-time
 * ({@link MessageDigest#isEqual}): a sandbox that leaks timing would teach clients nothing, but a
 * provider route copied from here into a real service must not leak either.
 */
public final class Signatures {
  private Signatures() {}

  /** HMAC of {@code message} with {@code secret}; {@code algorithm} is a JCA name like {@code HmacSHA256}. */
  public static byte[] hmac(String algorithm, byte[] secret, byte[] message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret, algorithm));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("JCA lacks " + algorithm, e);
    }
  }

  /** HMAC-SHA256 of the UTF-8 {@code message}, lower-case hex. */
  public static String hmacSha256Hex(byte[] secret, String message) {
    return HexFormat.of().formatHex(hmac("HmacSHA256", secret, message.getBytes(StandardCharsets.UTF_8)));
  }

  /** HMAC-SHA256 of the UTF-8 {@code message}, standard base64. */
  public static String hmacSha256Base64(byte[] secret, String message) {
    return Base64.getEncoder().encodeToString(hmac("HmacSHA256", secret, message.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Whether the presented signature text equals the expected one, compared in constant time over
   * their bytes; {@code false} when {@code presented} is {@code null}.
   */
  public static boolean matches(String expected, String presented) {
    if (presented == null) {
      return false;
    }
    return MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
