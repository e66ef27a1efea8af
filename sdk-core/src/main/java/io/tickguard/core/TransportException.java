package io.tickguard.core;

/**
 * The call failed below HTTP: connection refused or reset, TLS handshake failure, timeout, a body
 * cut short. For a request that is not idempotent, {@link #outcomeUnknown()} says whether the server
 * may have acted on it: treat such a call as possibly done and check before repeating it.
 */
public class TransportException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final boolean outcomeUnknown;

  /** A failure that did not reach the server, or of an idempotent call. */
  public TransportException(String message, Throwable cause) {
    this(message, false, cause);
  }

  /** A failure whose effect on the server may be unknown when {@code outcomeUnknown}. */
  public TransportException(String message, boolean outcomeUnknown, Throwable cause) {
    super(message, cause);
    this.outcomeUnknown = outcomeUnknown;
  }

  /** {@code true} when the request may have reached the server and taken effect. */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
