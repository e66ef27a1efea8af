package io.tickguard.core.resilience;

import io.tickguard.core.TickGuardException;
import java.time.Duration;

/**
 * The client already runs its maximum number of concurrent calls (its bulkhead is full) and no slot
 * freed within the allowed wait. Nothing was sent. Lower your concurrency, or raise the policy's
 * {@code maxConcurrentCalls}.
 */
public class TooManyConcurrentCallsException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param maxConcurrentCalls the bulkhead's bound
   * @param waited how long the caller waited for a slot
   */
  public TooManyConcurrentCallsException(int maxConcurrentCalls, Duration waited) {
    super("Client already runs " + maxConcurrentCalls + " concurrent calls (maxConcurrentCalls) and none"
        + " finished within " + waited.toMillis() + " ms; nothing was sent. Lower your concurrency or raise"
        + " maxConcurrentCalls");
  }
}
