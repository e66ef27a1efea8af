package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;

/**
 * One typed event of a {@code MarketStream}: a trade, a ticker, a best bid/ask, a change of a
 * local order book, or an order of an order-level (level 3) book. Every value is in the unified model, every price an exact {@code BigDecimal}.
 */
public sealed interface MarketEvent
    permits TradeEvent, TickerEvent, BestBidAskEvent, BookSnapshotEvent, BookUpdateEvent, BookInvalidated,
        OrdersSnapshotEvent, OrderEvent {

  /** The pair the event is about. */
  Symbol symbol();
}
