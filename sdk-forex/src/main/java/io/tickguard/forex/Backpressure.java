package io.tickguard.forex;

import io.tickguard.forex.internal.Checks;
import io.tickguard.forex.internal.InvalidValueException;

/**
 * What a quote stream does when its consumer falls behind: the buffer between the socket and the
 * consumer holds at most {@link #capacity()} events, never more.
 *
 * @param capacity the most events buffered, 1-1,000,000
 * @param policy what happens when a new event finds the buffer full
 */
public record Backpressure(int capacity, Policy policy) {
  private static final int MAX_CAPACITY = 1_000_000;

  /** What happens when a new event finds the buffer full. */
  public enum Policy {
    /**
     * The oldest buffered quote is dropped to make room and {@link QuoteQueue#dropped()} counts it:
     * for consumers that want the latest prices and can lose intermediate ones.
     */
    DROP_OLDEST,
    /**
     * The stream fails: the consumer receives what was buffered, then a {@link
     * QuoteStreamOverflowException}, and the connection is closed. For consumers that must see every
     * quote or know they did not.
     */
    FAIL
  }

  /** Validates the capacity and the policy. */
  public Backpressure {
    if (capacity < 1 || capacity > MAX_CAPACITY) {
      throw new InvalidValueException("capacity", "must be 1-" + MAX_CAPACITY + ", was " + capacity);
    }
    Checks.present(policy, "policy");
  }

  /** Up to {@code capacity} events, dropping the oldest quote when full. */
  public static Backpressure dropOldest(int capacity) {
    return new Backpressure(capacity, Policy.DROP_OLDEST);
  }

  /** Up to {@code capacity} events, failing the stream when full. */
  public static Backpressure fail(int capacity) {
    return new Backpressure(capacity, Policy.FAIL);
  }
}
