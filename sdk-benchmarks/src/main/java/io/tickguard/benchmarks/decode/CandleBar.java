package io.tickguard.benchmarks.decode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV candle (scaffolding, see the package note); {@code low <= open, close <= high}.
 *
 * @param openTime start of the interval
 * @param closeTime end of the interval
 * @param open first trade price
 * @param high highest trade price
 * @param low lowest trade price
 * @param close last trade price
 * @param volume base-asset volume
 * @param trades number of trades
 */
public record CandleBar(
    Instant openTime, Instant closeTime, BigDecimal open, BigDecimal high, BigDecimal low,
    BigDecimal close, BigDecimal volume, long trades) {
  public CandleBar {
    Objects.requireNonNull(openTime, "openTime");
    Objects.requireNonNull(closeTime, "closeTime");
    if (!closeTime.isAfter(openTime)) {
      throw new IllegalArgumentException("closeTime must be after openTime");
    }
    if (low.compareTo(high) > 0 || open.compareTo(low) < 0 || open.compareTo(high) > 0
        || close.compareTo(low) < 0 || close.compareTo(high) > 0) {
      throw new IllegalArgumentException("OHLC out of order: need low <= open, close <= high");
    }
    if (low.signum() <= 0 || volume.signum() < 0 || trades < 0) {
      throw new IllegalArgumentException("prices must be positive, volume and trades not negative");
    }
  }
}
