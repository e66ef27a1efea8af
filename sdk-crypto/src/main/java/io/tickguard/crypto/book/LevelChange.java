package io.tickguard.crypto.book;

import io.tickguard.market.internal.Checks;
import java.math.BigDecimal;

/**
 * One price level set to a new total size, as a provider's book diff states it. A size of zero
 * removes the level. The size is the new total resting at the price, never a delta.
 *
 * @param side the side the level is on
 * @param price the level's price, strictly positive
 * @param size the new total size at the price, zero to remove the level
 */
public record LevelChange(BookSide side, BigDecimal price, BigDecimal size) {

  /** Validates every field. */
  public LevelChange {
    Checks.present(side, "side");
    Checks.positive(price, "price");
    Checks.notNegative(size, "size");
  }

  /** True when this change removes the level. */
  public boolean removes() {
    return size.signum() == 0;
  }
}
