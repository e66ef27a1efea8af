package io.tickguard.forex;

import io.tickguard.market.internal.Checks;

/** What a quote stream delivers, in order: quotes, and the gaps a dead connection left. */
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
   * The stream was dead for a while and resumed; quotes that changed meanwhile were not seen.
   *
   * @param gap the gap
   */
  record Gap(StreamGap gap) implements QuoteEvent {
    /** Validates the gap is present. */
    public Gap {
      Checks.present(gap, "gap");
    }
  }
}
