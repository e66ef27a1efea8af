package io.tickguard.testkit.market;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One simulated instrument: its canonical symbol, its starting price, and the tick and lot sizes
 * every price and quantity it produces is a multiple of.
 *
 * @param symbol canonical symbol, {@code BASE-QUOTE} ({@code BTC-USDT}, {@code EUR-USD})
 * @param startPrice price at the start of the simulation day
 * @param tickSize price increment
 * @param lotSize quantity increment
 * @param maxLotsPerLevel largest quantity of one book level or trade, in lots
 * @param dailyVolatility standard deviation of one day's log return ({@code 0.03} is 3 %)
 */
public record Instrument(
    String symbol, BigDecimal startPrice, BigDecimal tickSize, BigDecimal lotSize, int maxLotsPerLevel,
    double dailyVolatility) {

  /** Validates the instrument. */
  public Instrument {
    Objects.requireNonNull(symbol, "symbol");
    if (!symbol.matches("[A-Z0-9]{2,10}-[A-Z0-9]{2,10}")) {
      throw new IllegalArgumentException("symbol must be BASE-QUOTE in upper case: " + symbol);
    }
    requirePositive(startPrice, "startPrice");
    requirePositive(tickSize, "tickSize");
    requirePositive(lotSize, "lotSize");
    if (maxLotsPerLevel < 1) {
      throw new IllegalArgumentException("maxLotsPerLevel must be >= 1");
    }
    if (!(dailyVolatility > 0 && dailyVolatility < 1)) {
      throw new IllegalArgumentException("dailyVolatility must be in (0, 1)");
    }
  }

  /** The base asset ({@code BTC} of {@code BTC-USDT}). */
  public String base() {
    return symbol.substring(0, symbol.indexOf('-'));
  }

  /** The quote asset ({@code USDT} of {@code BTC-USDT}). */
  public String quote() {
    return symbol.substring(symbol.indexOf('-') + 1);
  }

  private static void requirePositive(BigDecimal value, String name) {
    Objects.requireNonNull(value, name);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
