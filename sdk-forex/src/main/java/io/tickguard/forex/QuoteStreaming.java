package io.tickguard.forex;

import io.tickguard.forex.internal.QuoteDispatcher;
import java.util.Collection;

/**
 * A forex client that can stream quotes. Events reach the caller either through a {@link QuoteQueue}
 * the caller drains, or through a {@link QuoteListener} called on a dispatch thread the stream owns;
 * in both cases a bounded buffer with an explicit {@link Backpressure} sits between the socket and
 * the consumer, and the socket's reader never waits for the consumer.
 */
public interface QuoteStreaming {

  /**
   * Opens a stream of {@code pairs} whose events go to {@code queue}. Bad arguments are refused with
   * an {@link io.tickguard.core.InvalidRequestException} before any connection is made.
   *
   * <p>Contract for implementations: every quote, gap and the single end go through {@code queue}'s
   * non-blocking {@link QuoteQueue#offer(QuoteEvent)}; a refused offer (the {@code FAIL} policy
   * overflowed) closes the connection; {@link QuoteStream#close()} and giving up both end the queue
   * exactly once.
   */
  QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteQueue queue);

  /**
   * Opens a stream of {@code pairs} whose events go to {@code listener} on a dispatch thread,
   * buffered as {@code backpressure} says.
   */
  default QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteListener listener, Backpressure backpressure) {
    return QuoteDispatcher.start(this, pairs, listener, backpressure);
  }
}
