package io.tickguard.core.tls.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Computes and checks {@code sha256/BASE64} pins: the SHA-256 of a certificate's
 * SubjectPublicKeyInfo, the same value OkHttp's {@code CertificatePinner} and HPKP use. Pinning the
 * key rather than the certificate survives a renewal that keeps the key.
 */
public final class SpkiPins {
  private static final String PREFIX = "sha256/";
  private static final int SHA256_BYTES = 32;

  private SpkiPins() {}

  /** The pin of {@code certificate}'s public key. */
  public static String of(X509Certificate certificate) {
    try {
      byte[] spki = certificate.getPublicKey().getEncoded();
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(spki);
      return PREFIX + Base64.getEncoder().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform must support SHA-256", e);
    }
  }

  /** The pins of {@code chain}, in the same order. */
  public static List<String> of(List<X509Certificate> chain) {
    List<String> pins = new ArrayList<>(chain.size());
    for (X509Certificate certificate : chain) {
      pins.add(of(certificate));
    }
    return List.copyOf(pins);
  }

  /** Why {@code pin} is not a well-formed SHA-256 pin, or {@code null} when it is. */
  public static String problemWith(String pin) {
    if (pin == null || !pin.startsWith(PREFIX)) {
      return "it must start with '" + PREFIX + "' (SHA-1 pins are not accepted)";
    }
    byte[] hash;
    try {
      hash = Base64.getDecoder().decode(pin.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      return "what follows '" + PREFIX + "' is not standard Base64";
    }
    if (hash.length != SHA256_BYTES) {
      return "it decodes to " + hash.length + " bytes where a SHA-256 hash has " + SHA256_BYTES;
    }
    return null;
  }
}
