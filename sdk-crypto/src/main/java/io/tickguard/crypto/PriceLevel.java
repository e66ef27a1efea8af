package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;

/**
 * One level of an order book: a price and the total size resting at it.
 *
 * @param price the price, strictly positive
 * @param size the size, strictly positive (a snapshot never lists an empty level)
 */
public record PriceLevel(BigDecimal price, BigDecimal size) {

  /** Validates both values. */
  public PriceLevel {
    Checks.positive(price, "price");
    Checks.positive(size, "size");
  }

  /** {@code price x size}, in plain notation. */
  @Override
  public String toString() {
    return ModelText.plain(price) + " x " + ModelText.plain(size);
  }
}
