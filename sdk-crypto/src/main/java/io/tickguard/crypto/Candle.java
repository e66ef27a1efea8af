package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One OHLCV candle. The high is at least the open, the close and the low; the low at most the open
 * and the close; prices are positive and the volume is not negative.
 *
 * @param openTime the start of the candle
 * @param interval the candle width
 * @param open first price
 * @param high highest price
 * @param low lowest price
 * @param close last price
 * @param volume traded volume in the base asset
 */
public record Candle(
    Instant openTime, Interval interval, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
    BigDecimal volume) {

  /** Validates every field and the OHLC ordering. */
  public Candle {
    Checks.present(openTime, "openTime");
    Checks.present(interval, "interval");
    Checks.positive(open, "open");
    Checks.positive(high, "high");
    Checks.positive(low, "low");
    Checks.positive(close, "close");
    Checks.notNegative(volume, "volume");
    Checks.ordered(low, open, "low", "open");
    Checks.ordered(low, close, "low", "close");
    Checks.ordered(open, high, "open", "high");
    Checks.ordered(close, high, "close", "high");
  }

  /** Plain decimals. */
  @Override
  public String toString() {
    return ModelText.of("Candle").add("openTime", openTime).add("interval", interval).add("open", open)
        .add("high", high).add("low", low).add("close", close).add("volume", volume).toString();
  }
}
