package io.tickguard.core.stream;

import io.tickguard.core.TickGuardException;

/**
 * The consumer fell behind a stream with {@link Backpressure#FAIL}: the session's buffer of {@link
 * #capacity()} events was full when another event arrived, so the session failed rather than lose
 * it. Consume faster (hand events to your own executor), raise the buffer, or choose {@link
 * Backpressure#DROP_OLDEST} for streams where only the latest value matters.
 */
public class StreamOverflowException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final int capacity;

  /** The buffer of {@code capacity} events overflowed. */
  public StreamOverflowException(String message, int capacity) {
    super(message);
    this.capacity = capacity;
  }

  /** The buffer's capacity in events. */
  public int capacity() {
    return capacity;
  }
}
