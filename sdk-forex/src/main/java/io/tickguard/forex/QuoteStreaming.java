package io.tickguard.forex;

import java.util.Collection;

/**
 * A forex client that streams quotes. Events reach the caller either through a {@link QuoteListener}
 * called on the stream's delivery thread, or through {@link QuoteStream#poll}; in both cases a
 * bounded buffer with an explicit {@link io.tickguard.core.stream.Backpressure} (see {@link
 * QuoteStreamOptions}) sits between the socket and the consumer, and the socket's reader never waits
 * for the consumer.
 *
 * <p>Bad arguments (no pairs, a pair the provider does not quote) are refused with an {@link
 * io.tickguard.core.InvalidRequestException} before any connection is made.
 */
public interface QuoteStreaming {

  /** Opens a stream of {@code pairs} whose quotes and gaps go to {@code listener}. */
  QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteStreamOptions options, QuoteListener listener);

  /** Opens a stream of {@code pairs} whose quotes and gaps wait for {@link QuoteStream#poll}. */
  QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteStreamOptions options);
}
