package io.tickguard.forex;

import java.util.Set;

/**
 * An open stream of quotes for a set of pairs. It reconnects by itself after a dropped connection
 * or missed heartbeats (reporting each {@link StreamGap}) until it is closed or gives up; either way
 * its consumer sees the end exactly once.
 */
public interface QuoteStream extends AutoCloseable {

  /** The pairs streamed. */
  Set<CurrencyPair> pairs();

  /** Whether the stream still runs (connected or reconnecting). */
  boolean isOpen();

  /** How many times the stream has reconnected after a dead connection. */
  long reconnects();

  /** Stops the stream and releases its connection; the consumer then sees the end. Idempotent. */
  @Override
  void close();
}
