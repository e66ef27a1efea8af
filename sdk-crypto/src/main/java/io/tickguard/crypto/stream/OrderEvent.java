package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookOrder;
import io.tickguard.market.internal.Checks;

/**
 * One change to an order-level (level 3) book, delivered after the {@link OrdersSnapshotEvent} of
 * its symbol, in the provider's order.
 *
 * @param symbol the pair
 * @param action what happened to the order
 * @param order the order as it is after the change (for {@link Action#DELETE}: as it was last)
 */
public record OrderEvent(Symbol symbol, Action action, BookOrder order) implements MarketEvent {

  /** Validates the fields. */
  public OrderEvent {
    Checks.present(symbol, "symbol");
    Checks.present(action, "action");
    Checks.present(order, "order");
  }

  /** What happened to an order. */
  public enum Action {
    /** A new order rests in the book (or came into the subscribed depth). */
    ADD,
    /** The order's visible quantity changed, for example after a partial fill. */
    MODIFY,
    /** The order left the book: filled or cancelled. */
    DELETE
  }
}
