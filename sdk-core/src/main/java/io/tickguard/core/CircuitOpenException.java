package io.tickguard.core;

import java.time.Duration;
import java.util.Optional;

/**
 * The circuit breaker of a host is open: recent calls to it failed or were too slow, so this call
 * was refused without sending anything. Retry after {@link #retryAfter()}, when the breaker lets a
 * few probe calls through again.
 */
public class CircuitOpenException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final String host;
  private final Duration retryAfter;

  /**
   * Creates the exception.
   *
   * @param host the host whose breaker is open
   * @param retryAfter how long until the breaker lets probe calls through, or {@code null}
   */
  public CircuitOpenException(String host, Duration retryAfter) {
    super("Circuit breaker for " + host + " is open after repeated failures; nothing was sent."
        + (retryAfter == null ? "" : " Probe calls are let through in " + retryAfter.toMillis() + " ms."));
    this.host = host;
    this.retryAfter = retryAfter;
  }

  /** The host whose breaker is open. */
  public String host() {
    return host;
  }

  /** How long until the breaker lets probe calls through, when known. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
