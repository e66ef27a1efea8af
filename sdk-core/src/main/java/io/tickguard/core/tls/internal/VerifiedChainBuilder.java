package io.tickguard.core.tls.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds the chain from the server's leaf to one of our trust anchors with the JDK's PKIX path
 * builder. Pins are matched against this chain, never against the raw list the server sent: an
 * attacker can append any public certificate (including a pinned one) to that list, but cannot put
 * it on a valid path to its own key (the flaw OkHttp fixed in CVE-2016-2402).
 */
final class VerifiedChainBuilder {
  private final Set<TrustAnchor> anchors;
  private final Set<X509Certificate> anchorCertificates;

  VerifiedChainBuilder(X509Certificate[] trusted) {
    this.anchorCertificates = Set.of(trusted);
    Set<TrustAnchor> set = new HashSet<>();
    for (X509Certificate certificate : trusted) {
      set.add(new TrustAnchor(certificate, null));
    }
    this.anchors = Set.copyOf(set);
  }

  /** Leaf first, ending with the trust anchor's certificate. */
  List<X509Certificate> build(X509Certificate[] presented) throws CertificateException {
    X509Certificate leaf = presented[0];
    if (anchorCertificates.contains(leaf)) {
      return List.of(leaf);
    }
    try {
      X509CertSelector target = new X509CertSelector();
      target.setCertificate(leaf);
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
      // The JDK's trust manager already checked revocation policy; here we only need the path.
      parameters.setRevocationEnabled(false);
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(List.of(presented))));
      PKIXCertPathBuilderResult result =
          (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : result.getCertPath().getCertificates()) {
        chain.add((X509Certificate) certificate);
      }
      chain.add(result.getTrustAnchor().getTrustedCert());
      return List.copyOf(chain);
    } catch (GeneralSecurityException e) {
      throw new CertificateException(
          "Cannot rebuild a verified chain to check certificate pins: " + e.getMessage(), e);
    }
  }
}
