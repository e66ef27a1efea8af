package io.tickguard.crypto.stream;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.market.internal.Checks;

/**
 * A local order book became valid: after the first synchronisation, or after a resync that
 * followed a {@link BookInvalidated}. The book passed every provider check.
 *
 * @param symbol the pair
 * @param book the whole verified book at this moment
 * @param version the provider's update id the book is at (Binance {@code lastUpdateId}/{@code u},
 *     Coinbase {@code sequence_num}, Kraken: the count of verified messages)
 */
public record BookSnapshotEvent(Symbol symbol, OrderBook book, long version) implements MarketEvent {

  /** Validates the fields. */
  public BookSnapshotEvent {
    Checks.present(symbol, "symbol");
    Checks.present(book, "book");
  }
}
