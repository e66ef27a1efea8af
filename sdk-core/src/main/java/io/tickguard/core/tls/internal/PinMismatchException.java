package io.tickguard.core.tls.internal;

import java.security.cert.CertificateException;
import java.util.List;

/**
 * Thrown by {@link PinningTrustManager} inside the TLS handshake. It is a
 * {@link CertificateException} so that the JDK aborts the handshake with a certificate alert and
 * OkHttp does not retry; {@code TlsFailures} finds it in the cause chain and turns it into a
 * {@code CertificatePinningException}.
 */
public final class PinMismatchException extends CertificateException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final List<String> presentedPins;

  PinMismatchException(String message, String host, List<String> presentedPins) {
    super(message);
    this.host = host;
    this.presentedPins = List.copyOf(presentedPins);
  }

  /** The host whose certificate was refused. */
  public String host() {
    return host;
  }

  /** The pins of the verified chain the server presented, leaf first. */
  public List<String> presentedPins() {
    return presentedPins;
  }
}
