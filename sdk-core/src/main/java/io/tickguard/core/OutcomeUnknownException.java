package io.tickguard.core;

import java.util.Optional;

/**
 * A call that is not safe to repeat (a write without idempotency key) may or may not have taken
 * effect: the server answered 5xx, or the connection failed after the request may have been sent.
 * TickGuard does not retry it. Check the state on the provider (open orders, balances) before
 * repeating it, or send writes with an idempotency key so they can be retried safely.
 *
 * <p>A {@link TransportException} with {@link #outcomeUnknown()} {@code true}, so code that already
 * checks that flag keeps working; this type lets a caller catch exactly this case.
 */
public class OutcomeUnknownException extends TransportException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /**
   * Creates the exception.
   *
   * @param endpoint the endpoint's name
   * @param status the HTTP status received, or 0 when the connection failed
   * @param cause the transport failure, or {@code null} for a 5xx answer
   */
  public OutcomeUnknownException(String endpoint, int status, Throwable cause) {
    super("Outcome of " + endpoint + " is unknown ("
        + (status == 0 ? "connection failed after the request may have been sent" : "server answered HTTP " + status)
        + "); it was not retried because it is not idempotent. Check its effect on the provider before"
        + " repeating it, or give it an idempotency key", true, cause);
    this.status = status;
  }

  /** The 5xx status the server answered, or empty when the connection failed. */
  public Optional<Integer> status() {
    return status == 0 ? Optional.empty() : Optional.of(status);
  }
}
