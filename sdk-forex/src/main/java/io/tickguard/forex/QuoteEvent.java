package io.tickguard.forex;

import io.tickguard.core.TickGuardException;
import io.tickguard.forex.internal.Checks;
import java.util.Optional;

/** What a {@link QuoteQueue} hands its consumer: a quote, a gap, or the end of the stream. */
public sealed interface QuoteEvent {

  /**
   * A new quote.
   *
   * @param quote the quote
   */
  record Price(Quote quote) implements QuoteEvent {
    /** Validates the quote is present. */
    public Price {
      Checks.present(quote, "quote");
    }
  }

  /**
   * The stream was dead for a while and resumed.
   *
   * @param gap the gap
   */
  record Gap(StreamGap gap) implements QuoteEvent {
    /** Validates the gap is present. */
    public Gap {
      Checks.present(gap, "gap");
    }
  }

  /**
   * The stream ended: closed by the caller (no cause) or given up on (the cause).
   *
   * @param cause why the stream ended, empty when the caller closed it
   */
  record End(Optional<TickGuardException> cause) implements QuoteEvent {
    /** Validates the cause is present (possibly empty). */
    public End {
      Checks.present(cause, "cause");
    }
  }
}
