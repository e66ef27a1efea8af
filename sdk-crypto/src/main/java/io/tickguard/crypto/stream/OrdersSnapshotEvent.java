package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookOrder;
import io.tickguard.market.internal.Checks;
import java.util.List;

/**
 * The orders of an order-level (level 3) book at subscription (and after every resubscription):
 * bids best first, asks best first, orders of one price level in queue priority. {@link
 * OrderEvent}s follow.
 *
 * @param symbol the pair
 * @param bids the buy orders
 * @param asks the sell orders
 */
public record OrdersSnapshotEvent(Symbol symbol, List<BookOrder> bids, List<BookOrder> asks) implements MarketEvent {

  /** Validates and copies the fields. */
  public OrdersSnapshotEvent {
    Checks.present(symbol, "symbol");
    bids = List.copyOf(Checks.present(bids, "bids"));
    asks = List.copyOf(Checks.present(asks, "asks"));
  }
}
