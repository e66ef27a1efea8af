package io.tickguard.core.tls.internal;

import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.tls.TlsHandshakeException;
import java.security.cert.CertificateException;
import java.util.Optional;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Turns the {@link java.io.IOException} OkHttp reports for a failed TLS connection into a typed
 * TickGuard exception. The transport calls it in its {@code catch (IOException e)} (and a WebSocket
 * listener in {@code onFailure}) before falling back to its generic mapping.
 */
public final class TlsFailures {
  private static final int MAX_CAUSE_DEPTH = 16;

  private TlsFailures() {}

  /**
   * The typed exception for {@code failure}, or empty when it is not a TLS failure (a reset, a
   * timeout...). Pinning failures become {@link CertificatePinningException}; other handshake
   * failures become {@link TlsHandshakeException}. Neither was processed by the server.
   *
   * @param host the host of the request, used in messages
   */
  public static Optional<TickGuardException> translate(Throwable failure, String host) {
    PinMismatchException pinning = find(failure, PinMismatchException.class);
    if (pinning != null) {
      return Optional.of(new CertificatePinningException(
          pinning.getMessage(), pinning.host(), pinning.presentedPins(), failure));
    }
    if (find(failure, CertificateException.class) != null || failure instanceof SSLPeerUnverifiedException) {
      return Optional.of(new TlsHandshakeException(
          "The certificate of host '" + host + "' is not trusted: " + failure.getMessage()
              + ". If the provider uses a private CA, configure TlsConfig.Builder.trustRoots.",
          host,
          TlsHandshakeException.Reason.CERTIFICATE_NOT_TRUSTED,
          failure));
    }
    if (find(failure, SSLException.class) != null) {
      return Optional.of(new TlsHandshakeException(
          "TLS handshake with host '" + host + "' failed: " + failure.getMessage()
              + ". TickGuard accepts only TLS 1.3 and 1.2 with OkHttp's restricted cipher suites;"
              + " if the server requires a client certificate, configure"
              + " TlsConfig.Builder.clientCertificate.",
          host,
          TlsHandshakeException.Reason.HANDSHAKE_FAILED,
          failure));
    }
    return Optional.empty();
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    Throwable current = failure;
    for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
      if (type.isInstance(current)) {
        return type.cast(current);
      }
      current = current.getCause();
    }
    return null;
  }
}
