package io.tickguard.testkit.market;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One candle: {@code high >= max(open, close)}, {@code low <= min(open, close)}. The newest candle
 * of a series may still be open; its {@code close} is then the latest trade.
 *
 * @param openTime start of the interval
 * @param closeTime last millisecond of the interval
 * @param open first trade price
 * @param high highest trade price
 * @param low lowest trade price
 * @param close last trade price
 * @param volume traded base quantity
 * @param trades number of trades
 */
public record SimCandle(
    Instant openTime, Instant closeTime, BigDecimal open, BigDecimal high, BigDecimal low, BigDecimal close,
    BigDecimal volume, long trades) {}
