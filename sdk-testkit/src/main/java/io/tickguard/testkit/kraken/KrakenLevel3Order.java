package io.tickguard.testkit.kraken;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One resting order of the sandbox's Kraken {@code level3} book, as the sandbox last sent it: the
 * truth a client's order-level book is compared with.
 *
 * @param side {@code bid} or {@code ask}
 * @param orderId the order id (Kraken's {@code OXXXXX-XXXXX-XXXXXX} shape)
 * @param limitPrice the limit price, with the instrument's price precision as on the wire
 * @param quantity the visible quantity, with the instrument's quantity precision as on the wire
 */
public record KrakenLevel3Order(String side, String orderId, BigDecimal limitPrice, BigDecimal quantity) {

  /** Checks that every field is present. */
  public KrakenLevel3Order {
    Objects.requireNonNull(side, "side");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(limitPrice, "limitPrice");
    Objects.requireNonNull(quantity, "quantity");
  }
}
