package io.tickguard.core.token;

import io.tickguard.core.auth.Secret;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A PKCE pair (RFC 7636): a {@code code_verifier} made of 32 random bytes, base64url without
 * padding (43 characters, section 4.1), and its {@code S256} {@code code_challenge}, the base64url
 * SHA-256 of the verifier's ASCII bytes (section 4.2). The verifier is a {@link Secret}; it leaves
 * the process only in the token request, never in the browser's URL.
 */
public final class Pkce {
  /** The only challenge method this class produces; {@code plain} is never offered. */
  public static final String METHOD = "S256";

  private final Secret verifier;
  private final String challenge;

  private Pkce(Secret verifier, String challenge) {
    this.verifier = verifier;
    this.challenge = challenge;
  }

  /** A fresh pair from {@code random}. */
  public static Pkce generate(SecureRandom random) {
    byte[] bytes = new byte[32];
    Objects.requireNonNull(random, "random").nextBytes(bytes);
    byte[] encoded = Base64.getUrlEncoder().withoutPadding().encode(bytes);
    Arrays.fill(bytes, (byte) 0);
    try {
      return new Pkce(Secret.ofBytes(encoded), challengeOf(encoded));
    } finally {
      Arrays.fill(encoded, (byte) 0);
    }
  }

  /** The {@code S256} challenge of {@code verifier} (its ASCII bytes). */
  public static String challengeOf(String verifier) {
    return challengeOf(verifier.getBytes(StandardCharsets.US_ASCII));
  }

  private static String challengeOf(byte[] verifierAscii) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifierAscii);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }

  /** The {@code code_verifier}, sent only with the code exchange. */
  public Secret verifier() {
    return verifier;
  }

  /** The {@code code_challenge}, sent in the authorization request. */
  public String challenge() {
    return challenge;
  }

  @Override
  public String toString() {
    return "Pkce{verifier=(redacted), challenge=" + challenge + "}";
  }
}
