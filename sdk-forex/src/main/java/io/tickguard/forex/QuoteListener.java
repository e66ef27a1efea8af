package io.tickguard.forex;

import io.tickguard.core.stream.StreamListener;

/**
 * Receives a quote stream's quotes and gaps. It is a {@link StreamListener} of {@link QuoteEvent}s:
 * the stream session calls it on its own delivery thread, in order, never concurrently and never on
 * the socket's reader thread, so a slow listener fills the bounded buffer (see {@link
 * QuoteStreamOptions}) and never stalls the connection. Connection changes and the end of the stream
 * arrive through {@link #onSignal(io.tickguard.core.stream.StreamSignal)}.
 */
public interface QuoteListener extends StreamListener<QuoteEvent> {

  /** A new quote. */
  void onQuote(Quote quote);

  /** The stream was dead for {@code gap} and has resumed; quotes during the gap were not seen. */
  default void onGap(StreamGap gap) {}

  /** Routes {@code event} to {@link #onQuote} or {@link #onGap}. */
  @Override
  default void onEvent(QuoteEvent event) {
    if (event instanceof QuoteEvent.Price p) {
      onQuote(p.quote());
    } else if (event instanceof QuoteEvent.Gap g) {
      onGap(g.gap());
    }
  }
}
