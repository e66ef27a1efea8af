package io.tickguard.crypto.book;

import io.tickguard.market.internal.Checks;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One resting order of an order-level (level 3) book, exactly as the provider reported it.
 *
 * @param orderId the provider's order id (Kraken: {@code OXXXXX-XXXXX-XXXXXX})
 * @param side which side of the book the order rests on
 * @param limitPrice the order's limit price, exact
 * @param quantity the remaining visible quantity, exact
 * @param timestamp when the order was inserted or last amended
 */
public record BookOrder(String orderId, BookSide side, BigDecimal limitPrice, BigDecimal quantity, Instant timestamp) {

  /** Validates the fields: a positive price, a quantity of zero or more. */
  public BookOrder {
    Checks.text(orderId, "orderId");
    Checks.present(side, "side");
    Checks.positive(limitPrice, "limitPrice");
    Checks.notNegative(quantity, "quantity");
    Checks.present(timestamp, "timestamp");
  }
}
