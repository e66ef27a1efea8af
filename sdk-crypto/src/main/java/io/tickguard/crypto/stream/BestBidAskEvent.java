package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.market.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The best bid and ask with their sizes (Binance {@code @bookTicker}).
 *
 * @param symbol the pair
 * @param bid the best bid price
 * @param bidSize the size at the best bid
 * @param ask the best ask price, at least the bid
 * @param askSize the size at the best ask
 * @param time when the provider produced it, if it said
 */
public record BestBidAskEvent(
    Symbol symbol, BigDecimal bid, BigDecimal bidSize, BigDecimal ask, BigDecimal askSize, Optional<Instant> time)
    implements MarketEvent {

  /** Validates every field and {@code bid <= ask}. */
  public BestBidAskEvent {
    Checks.present(symbol, "symbol");
    Checks.positive(bid, "bid");
    Checks.notNegative(bidSize, "bidSize");
    Checks.positive(ask, "ask");
    Checks.notNegative(askSize, "askSize");
    Checks.ordered(bid, ask, "bid", "ask");
    Checks.present(time, "time");
  }
}
