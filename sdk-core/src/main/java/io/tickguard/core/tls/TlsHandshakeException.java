package io.tickguard.core.tls;

import io.tickguard.core.TransportException;

/**
 * The TLS handshake with {@link #host()} failed for a reason other than certificate pinning. Nothing
 * was processed by the server, so {@link #outcomeUnknown()} is {@code false}; retrying will fail the
 * same way until the configuration or the server changes.
 */
public class TlsHandshakeException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** Why the handshake failed. */
  public enum Reason {
    /**
     * The server's certificate is not trusted for the host: unknown or private CA, expired, or issued
     * for another name. Check {@link TlsConfig.Builder#trustRoots}; never disable verification.
     */
    CERTIFICATE_NOT_TRUSTED,
    /**
     * No agreement on protocol or cipher suite (TickGuard speaks only TLS 1.3 and 1.2 with strong
     * suites), or the server refused the client certificate.
     */
    HANDSHAKE_FAILED
  }

  private final String host;
  private final Reason reason;

  /** Usually created by the pipeline's TLS failure translation, which keeps OkHttp's exception as the cause. */
  public TlsHandshakeException(String message, String host, Reason reason, Throwable cause) {
    super(message, false, cause);
    this.host = host;
    this.reason = reason;
  }

  /** The host the client tried to reach. */
  public String host() {
    return host;
  }

  /** Why the handshake failed. */
  public Reason reason() {
    return reason;
  }
}
