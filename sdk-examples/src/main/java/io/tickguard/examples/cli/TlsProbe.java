package io.tickguard.examples.cli;

import io.tickguard.core.tls.TlsConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import okhttp3.CertificatePinner;

/**
 * One TLS handshake to an endpoint with the trust roots a client would use, reporting what was
 * negotiated and the served key's pin; for {@code doctor}, which must say what the pipeline would
 * otherwise only refuse.
 *
 * @param protocol the negotiated protocol ({@code TLSv1.3})
 * @param cipherSuite the negotiated cipher suite
 * @param leafPin {@code sha256/...} of the served leaf's public key
 */
record TlsProbe(String protocol, String cipherSuite, String leafPin) {

  /**
   * Handshakes with {@code url}'s host, trusting what {@code tls} trusts, hostname verified, from
   * {@code local} when given (a direct connection: callers with a proxy must not probe this way).
   */
  static TlsProbe handshake(String url, TlsConfig tls, Duration timeout, java.util.Optional<java.net.InetAddress> local)
      throws IOException, GeneralSecurityException {
    URI uri = URI.create(url);
    int port = uri.getPort() == -1 ? 443 : uri.getPort();
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trustManagers(tls), null);
    try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
      if (local.isPresent()) {
        socket.bind(new InetSocketAddress(local.get(), 0));
      }
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
      SSLParameters parameters = socket.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
      socket.setSSLParameters(parameters);
      socket.startHandshake();
      Certificate[] chain = socket.getSession().getPeerCertificates();
      return new TlsProbe(socket.getSession().getProtocol(), socket.getSession().getCipherSuite(),
          CertificatePinner.pin((X509Certificate) chain[0]));
    }
  }

  private static javax.net.ssl.TrustManager[] trustManagers(TlsConfig tls) throws IOException, GeneralSecurityException {
    TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    List<X509Certificate> roots = tls.trustRoots().certificates();
    if (roots.isEmpty()) {
      factory.init((KeyStore) null);
      return factory.getTrustManagers();
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (int i = 0; i < roots.size(); i++) {
      store.setCertificateEntry("root-" + i, roots.get(i));
    }
    if (tls.trustRoots().includesSystemRoots()) {
      TrustManagerFactory system = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      system.init((KeyStore) null);
      for (var tm : system.getTrustManagers()) {
        if (tm instanceof javax.net.ssl.X509TrustManager x) {
          for (X509Certificate c : x.getAcceptedIssuers()) {
            store.setCertificateEntry("system-" + c.getSubjectX500Principal().getName().hashCode() + "-" + c.getSerialNumber(), c);
          }
        }
      }
    }
    factory.init(store);
    return factory.getTrustManagers();
  }
}
