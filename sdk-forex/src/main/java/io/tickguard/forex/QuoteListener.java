package io.tickguard.forex;

import io.tickguard.core.TickGuardException;
import java.util.Optional;

/**
 * Receives a quote stream's events. Called on one dispatch thread, in order, never concurrently and
 * never on the socket's reader thread: a slow listener fills the stream's bounded buffer (see {@link
 * Backpressure}) and never stalls the connection.
 */
public interface QuoteListener {

  /** A new quote. */
  void onQuote(Quote quote);

  /** The stream was dead for {@code gap} and has resumed; quotes during the gap were not seen. */
  default void onGap(StreamGap gap) {}

  /** The stream ended: {@code cause} is empty when the caller closed it. Called exactly once. */
  default void onClosed(Optional<TickGuardException> cause) {}
}
