package io.tickguard.forex;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.InvalidValueException;

/**
 * How a quote stream buffers and reconnects. The buffer between the socket and the consumer holds
 * at most {@link #bufferCapacity()} events, never more; when it is full, {@link #backpressure()}
 * decides: {@link Backpressure#DROP_OLDEST} drops the oldest quote and counts it (the session's
 * {@code droppedEvents()}), {@link Backpressure#FAIL} ends the stream with a {@link
 * io.tickguard.core.stream.StreamOverflowException} so nothing is lost silently.
 *
 * @param bufferCapacity the most events buffered, 1-1,000,000
 * @param backpressure what a full buffer does
 * @param reconnect when to reconnect after a dead connection (full-jitter backoff)
 */
public record QuoteStreamOptions(int bufferCapacity, Backpressure backpressure, ReconnectPolicy reconnect) {
  private static final int MAX_CAPACITY = 1_000_000;
  private static final int DEFAULT_CAPACITY = 1024;

  /** Validates the capacity, policy and reconnect policy. */
  public QuoteStreamOptions {
    if (bufferCapacity < 1 || bufferCapacity > MAX_CAPACITY) {
      throw new InvalidValueException("bufferCapacity", "must be 1-" + MAX_CAPACITY + ", was " + bufferCapacity);
    }
    Checks.present(backpressure, "backpressure");
    Checks.present(reconnect, "reconnect");
  }

  /**
   * 1024 events, dropping the oldest quote when full (a quote is a snapshot: the newest is what
   * matters), {@link ReconnectPolicy#defaults()}.
   */
  public static QuoteStreamOptions defaults() {
    return new QuoteStreamOptions(DEFAULT_CAPACITY, Backpressure.DROP_OLDEST, ReconnectPolicy.defaults());
  }

  /** These options with a buffer of {@code capacity} events and {@code policy} when full. */
  public QuoteStreamOptions withBuffer(int capacity, Backpressure policy) {
    return new QuoteStreamOptions(capacity, policy, reconnect);
  }

  /** These options with {@code policy} for reconnects. */
  public QuoteStreamOptions withReconnect(ReconnectPolicy policy) {
    return new QuoteStreamOptions(bufferCapacity, backpressure, policy);
  }
}
