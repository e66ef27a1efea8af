package io.tickguard.forex;

import io.tickguard.core.TickGuardException;

/**
 * A quote stream with the {@link Backpressure.Policy#FAIL} policy was closed because its consumer
 * fell {@code capacity} events behind. Consume faster, raise the capacity, or choose {@link
 * Backpressure.Policy#DROP_OLDEST} if intermediate quotes may be lost.
 */
public final class QuoteStreamOverflowException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final int capacity;

  /** The buffer of {@code capacity} events was full. */
  public QuoteStreamOverflowException(int capacity) {
    super("Quote stream buffer full (" + capacity + " events): the consumer fell behind; consume faster,"
        + " raise Backpressure capacity, or use Backpressure.dropOldest");
    this.capacity = capacity;
  }

  /** The capacity that was exceeded. */
  public int capacity() {
    return capacity;
  }
}
