package io.tickguard.core.stream;

/**
 * What a session does when its bounded buffer is full because the consumer is slower than the
 * stream. The socket's reader never waits for the consumer, whatever the policy.
 */
public enum Backpressure {
  /**
   * Drop the oldest buffered event to make room, and count it in {@link
   * StreamSession#droppedEvents()}. Signals ({@link StreamSignal}) are never dropped. Right for
   * snapshots where only the latest value matters (tickers, quotes).
   */
  DROP_OLDEST,
  /**
   * Fail the session with {@link StreamOverflowException}: nothing is silently lost. Right for
   * streams where every message matters (order-book deltas, trades). The default.
   */
  FAIL
}
