package io.tickguard.core.tls.internal;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Lets the JDK decide whether the server's chain is trusted (and, with endpoint identification on
 * the socket, issued for the host), then checks the certificate pins of that host, all inside the
 * handshake. A refused server therefore never receives a request byte, nor the client certificate,
 * and every connection of the client (HTTP and WebSocket alike) goes through this check.
 */
public final class PinningTrustManager extends X509ExtendedTrustManager {
  private final X509ExtendedTrustManager delegate;
  private final PinTable pins;
  private final boolean pinsRequired;
  private final VerifiedChainBuilder chains;

  /**
   * @param pinsRequired when {@code true}, a host without pins is refused instead of accepted
   *     unpinned
   */
  public PinningTrustManager(X509ExtendedTrustManager delegate, PinTable pins, boolean pinsRequired) {
    this.delegate = delegate;
    this.pins = pins;
    this.pinsRequired = pinsRequired;
    this.chains = new VerifiedChainBuilder(delegate.getAcceptedIssuers());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, socket);
    SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
    checkPins(chain, session);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkServerTrusted(chain, authType, engine);
    checkPins(chain, engine == null ? null : engine.getHandshakeSession());
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkServerTrusted(chain, authType);
    checkPins(chain, null);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, socket);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    delegate.checkClientTrusted(chain, authType, engine);
  }

  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
    delegate.checkClientTrusted(chain, authType);
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return delegate.getAcceptedIssuers();
  }

  private void checkPins(X509Certificate[] chain, SSLSession session) throws CertificateException {
    if (pins.isEmpty() && !pinsRequired) {
      return;
    }
    String host = session == null ? null : session.getPeerHost();
    if (host == null) {
      // Without the host we cannot choose pins; refusing is the only safe answer.
      throw new CertificateException("Certificate pins are configured but the TLS peer host is unknown");
    }
    host = host.toLowerCase(Locale.ROOT);
    Set<String> expected = pins.pinsFor(host);
    if (expected.isEmpty() && !pinsRequired) {
      return;
    }
    List<String> presented = SpkiPins.of(chains.build(chain));
    if (expected.isEmpty()) {
      throw new PinMismatchException(
          "Certificate pinning failure for host '" + host + "': it has no pins and pinning is required"
              + " for every host. The server presented " + presented
              + " (leaf first). Add the provider's pins with TlsConfig.Builder.pin(\"" + host + "\", ...).",
          host,
          presented);
    }
    for (String pin : presented) {
      if (expected.contains(pin)) {
        return;
      }
    }
    throw new PinMismatchException(
        "Certificate pinning failure for host '" + host + "': the server presented " + presented
            + " (leaf first), none of which matches the configured pins " + expected
            + ". If the provider rotated its key, add its new pin; otherwise the connection may be"
            + " intercepted.",
        host,
        presented);
  }
}
