package io.tickguard.testkit.internal;

import io.tickguard.testkit.ServedCertificate;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The sandbox's freshly generated PKI: a CA, the genuine leaf (SAN 127.0.0.1 and localhost), an
 * impostor leaf from the same CA with another key, an untrusted leaf from a rogue CA, and a backup
 * key that is never served (what an operator keeps offline as a second pin).
 *
 * <p>Only the CA, the genuine leaf and the backup key are made at construction; the impostor and the
 * untrusted leaf (three more key pairs and two signatures) are made the first time a fault asks for
 * them. On a cold JVM each EC key pair and signature runs interpreted, so generating all of them up
 * front was most of a sandbox's start time, paid by every client that never serves a hostile
 * certificate.
 */
public final class SandboxCertificates {
  private final HeldCertificate ca;
  private final HeldCertificate leaf;
  /** The backup pin: only a key pair is needed for it, no certificate (it is never served). */
  private final String backupPin;
  private final Map<ServedCertificate, SSLSocketFactory> factories = new EnumMap<>(ServedCertificate.class);

  /** Generates the CA, the genuine leaf and the backup key; the hostile leaves come on demand. */
  public SandboxCertificates() {
    this.ca = new HeldCertificate.Builder()
        .certificateAuthority(0).commonName("TickGuard Sandbox CA").duration(2, TimeUnit.DAYS).build();
    this.leaf = leafSignedBy(ca, "sandbox");
    this.backupPin = pinOf(backupKey().getPublic());
    factories.put(ServedCertificate.GENUINE, serverFactory(leaf, ca));
  }

  private SSLSocketFactory generate(ServedCertificate which) {
    return switch (which) {
      case GENUINE -> serverFactory(leaf, ca);
      case IMPOSTOR -> serverFactory(leafSignedBy(ca, "impostor"), ca);
      case UNTRUSTED -> {
        HeldCertificate rogueCa = new HeldCertificate.Builder()
            .certificateAuthority(0).commonName("Rogue CA").duration(2, TimeUnit.DAYS).build();
        yield serverFactory(leafSignedBy(rogueCa, "untrusted"), rogueCa);
      }
    };
  }

  private static HeldCertificate leafSignedBy(HeldCertificate issuer, String name) {
    return new HeldCertificate.Builder()
        .commonName(name)
        .addSubjectAlternativeName("127.0.0.1")
        .addSubjectAlternativeName("localhost")
        .duration(1, TimeUnit.DAYS)
        .signedBy(issuer)
        .build();
  }

  private static SSLSocketFactory serverFactory(HeldCertificate served, HeldCertificate issuer) {
    return new HandshakeCertificates.Builder()
        .heldCertificate(served, issuer.certificate())
        .build()
        .sslSocketFactory();
  }

  /** The CA that issued the genuine and the impostor leaf. */
  public HeldCertificate ca() {
    return ca;
  }

  /** The genuine leaf. */
  public HeldCertificate leaf() {
    return leaf;
  }

  /** {@code sha256/...} of the genuine leaf's key. */
  public String leafPin() {
    return CertificatePinner.pin(leaf.certificate());
  }

  /** {@code sha256/...} of a key that is never served: a backup pin. */
  public String backupPin() {
    return backupPin;
  }

  /** A P-256 key pair, as HeldCertificate makes by default. */
  private static KeyPair backupKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate the sandbox's backup key (P-256)", e);
    }
  }

  /** {@code sha256/} and the base64 SHA-256 of the key's SubjectPublicKeyInfo: what {@link CertificatePinner#pin} gives for a certificate of that key. */
  static String pinOf(PublicKey key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
      return "sha256/" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** The server socket factory presenting {@code which}, generated the first time it is asked for. */
  public synchronized SSLSocketFactory factory(ServedCertificate which) {
    return factories.computeIfAbsent(which, this::generate);
  }
}
