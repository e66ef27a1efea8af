package io.tickguard.testkit.internal;

import io.tickguard.testkit.ServedCertificate;
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
 */
public final class SandboxCertificates {
  private final HeldCertificate ca;
  private final HeldCertificate leaf;
  private final HeldCertificate backup;
  private final Map<ServedCertificate, SSLSocketFactory> factories = new EnumMap<>(ServedCertificate.class);

  /** Generates everything; takes a few milliseconds with EC keys. */
  public SandboxCertificates() {
    this.ca = new HeldCertificate.Builder()
        .certificateAuthority(0).commonName("TickGuard Sandbox CA").duration(2, TimeUnit.DAYS).build();
    this.leaf = leafSignedBy(ca, "sandbox");
    HeldCertificate impostor = leafSignedBy(ca, "impostor");
    HeldCertificate rogueCa = new HeldCertificate.Builder()
        .certificateAuthority(0).commonName("Rogue CA").duration(2, TimeUnit.DAYS).build();
    HeldCertificate untrusted = leafSignedBy(rogueCa, "untrusted");
    this.backup = new HeldCertificate.Builder().commonName("TickGuard Sandbox backup key").build();
    factories.put(ServedCertificate.GENUINE, serverFactory(leaf, ca));
    factories.put(ServedCertificate.IMPOSTOR, serverFactory(impostor, ca));
    factories.put(ServedCertificate.UNTRUSTED, serverFactory(untrusted, rogueCa));
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
    return CertificatePinner.pin(backup.certificate());
  }

  /** The server socket factory presenting {@code which}. */
  public SSLSocketFactory factory(ServedCertificate which) {
    return factories.get(which);
  }
}
