package io.tickguard.forex;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;

/**
 * Open, high, low and close of one price component (bid, ask or mid) over a candle. The low is at
 * most the open and the close, the high at least both; every price is positive.
 *
 * @param open first price
 * @param high highest price
 * @param low lowest price
 * @param close last price
 */
public record Ohlc(BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close) {

  /** Validates positive prices and the OHLC ordering. */
  public Ohlc {
    Checks.positive(open, "open");
    Checks.positive(high, "high");
    Checks.positive(low, "low");
    Checks.positive(close, "close");
    Checks.ordered(low, open, "low", "open");
    Checks.ordered(low, close, "low", "close");
    Checks.ordered(open, high, "open", "high");
    Checks.ordered(close, high, "close", "high");
  }

  /** The four prices in plain notation. */
  @Override
  public String toString() {
    return ModelText.of("Ohlc").add("open", open).add("high", high).add("low", low).add("close", close).toString();
  }
}
