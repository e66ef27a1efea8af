package io.tickguard.core.tls;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.pem.Pem;
import java.io.InputStream;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * Which certificate authorities the client trusts. The choice between replacing and adding to the
 * JDK's roots is explicit on purpose: {@link #only} is the safe setting for a provider behind a
 * private CA (a public CA can then not issue a certificate the client would accept), while
 * {@link #systemPlus} suits a network that inspects TLS with its own CA but also reaches public
 * hosts.
 */
public final class TrustRoots {
  private static final TrustRoots SYSTEM = new TrustRoots(List.of(), true);

  private final List<X509Certificate> certificates;
  private final boolean includesSystemRoots;

  private TrustRoots(List<X509Certificate> certificates, boolean includesSystemRoots) {
    this.certificates = List.copyOf(certificates);
    this.includesSystemRoots = includesSystemRoots;
  }

  /** The JDK's default trust store (the default). */
  public static TrustRoots system() {
    return SYSTEM;
  }

  /** Trusts {@code roots} and nothing else: the JDK's roots are replaced. */
  public static TrustRoots only(List<X509Certificate> roots) {
    return new TrustRoots(requireSome(roots), false);
  }

  /** Trusts the JDK's roots and {@code roots} as well. */
  public static TrustRoots systemPlus(List<X509Certificate> roots) {
    return new TrustRoots(requireSome(roots), true);
  }

  /** Trusts only the certificates of a PEM file (one or more {@code BEGIN CERTIFICATE} blocks). */
  public static TrustRoots onlyPem(byte[] pem) {
    return only(Pem.certificates(pem));
  }

  /**
   * Trusts only the certificates of a PKCS#12 trust store. The stream is read, not closed; the caller
   * keeps ownership of {@code password} and may clear it afterwards.
   */
  public static TrustRoots onlyPkcs12(InputStream trustStore, char[] password) {
    return only(Pem.pkcs12Certificates(trustStore, password));
  }

  /** The certificates trusted on top of (or instead of) the JDK's roots. */
  public List<X509Certificate> certificates() {
    return certificates;
  }

  /** {@code true} when the JDK's default roots are trusted too. */
  public boolean includesSystemRoots() {
    return includesSystemRoots;
  }

  private static List<X509Certificate> requireSome(List<X509Certificate> roots) {
    Objects.requireNonNull(roots, "roots");
    if (roots.isEmpty()) {
      throw new InvalidRequestException("roots", "Give at least one trusted root certificate");
    }
    return roots;
  }

  /** Names the roots by subject; certificates are public, so nothing here is secret. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(includesSystemRoots ? "TrustRoots{system" : "TrustRoots{");
    for (X509Certificate certificate : certificates) {
      out.append(out.charAt(out.length() - 1) == '{' ? "" : ", ")
          .append(certificate.getSubjectX500Principal().getName());
    }
    return out.append('}').toString();
  }
}
