package io.tickguard.crypto.stream;

/** What a subscription of a {@code MarketStream} delivers for one symbol. */
public enum StreamChannel {
  /** Every public trade ({@link TradeEvent}). */
  TRADES,
  /** The rolling 24-hour ticker ({@link TickerEvent}). */
  TICKER,
  /** The best bid and ask with sizes ({@link BestBidAskEvent}; Kraken and Coinbase deliver a {@link TickerEvent}). */
  BEST_BID_ASK,
  /** A local order book kept from the provider's snapshot and diffs ({@link BookSnapshotEvent}, {@link BookUpdateEvent}, {@link BookInvalidated}). */
  BOOK,
  /**
   * Every resting order of the book, order by order (level 3: {@link OrdersSnapshotEvent}, then
   * {@link OrderEvent}s, {@link BookInvalidated} when a check fails), readable as a verified book
   * through {@code MarketStream.level3Book(symbol)}. Kraken only, and authenticated: the stream
   * fetches the WebSocket token itself; other providers refuse it.
   */
  ORDERS
}
