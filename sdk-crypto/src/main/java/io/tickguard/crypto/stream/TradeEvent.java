package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Trade;
import io.tickguard.market.internal.Checks;

/**
 * A public trade from the stream.
 *
 * @param symbol the pair
 * @param trade the trade
 */
public record TradeEvent(Symbol symbol, Trade trade) implements MarketEvent {

  /** Validates both fields. */
  public TradeEvent {
    Checks.present(symbol, "symbol");
    Checks.present(trade, "trade");
  }
}
