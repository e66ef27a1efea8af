package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The latest price, best bid and ask, and the rolling 24-hour statistics of a pair. Statistics a
 * provider does not publish are empty, never zero.
 *
 * @param symbol the pair
 * @param last the last traded price
 * @param bid the best bid
 * @param ask the best ask, at least the bid
 * @param open24h the price 24 hours ago (Kraken: today's opening price)
 * @param high24h the 24-hour high
 * @param low24h the 24-hour low
 * @param volume24h the 24-hour volume in the base asset
 * @param time when the provider computed the values, if it said
 */
public record Ticker(
    Symbol symbol,
    BigDecimal last,
    BigDecimal bid,
    BigDecimal ask,
    Optional<BigDecimal> open24h,
    Optional<BigDecimal> high24h,
    Optional<BigDecimal> low24h,
    Optional<BigDecimal> volume24h,
    Optional<Instant> time) {

  /** Validates every field and {@code bid <= ask}. */
  public Ticker {
    Checks.present(symbol, "symbol");
    Checks.positive(last, "last");
    Checks.positive(bid, "bid");
    Checks.positive(ask, "ask");
    Checks.ordered(bid, ask, "bid", "ask");
    Checks.present(open24h, "open24h").ifPresent(v -> Checks.positive(v, "open24h"));
    Checks.present(high24h, "high24h").ifPresent(v -> Checks.positive(v, "high24h"));
    Checks.present(low24h, "low24h").ifPresent(v -> Checks.positive(v, "low24h"));
    Checks.present(volume24h, "volume24h").ifPresent(v -> Checks.notNegative(v, "volume24h"));
    if (low24h.isPresent() && high24h.isPresent()) {
      Checks.ordered(low24h.get(), high24h.get(), "low24h", "high24h");
    }
    Checks.present(time, "time");
  }

  /** Plain decimals, absent values left out. */
  @Override
  public String toString() {
    return ModelText.of("Ticker").add("symbol", symbol).add("last", last).add("bid", bid).add("ask", ask)
        .add("open24h", open24h).add("high24h", high24h).add("low24h", low24h).add("volume24h", volume24h)
        .add("time", time).toString();
  }
}
