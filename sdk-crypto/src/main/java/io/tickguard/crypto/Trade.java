package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One public trade.
 *
 * @param id the provider's trade id (Kraken has none per trade; its decoder derives one from time and index)
 * @param price the price, strictly positive
 * @param size the size, strictly positive
 * @param side the taker side
 * @param time when the trade happened
 */
public record Trade(String id, BigDecimal price, BigDecimal size, Side side, Instant time) {

  /** Validates every field. */
  public Trade {
    Checks.text(id, "id");
    Checks.positive(price, "price");
    Checks.positive(size, "size");
    Checks.present(side, "side");
    Checks.present(time, "time");
  }

  /** Plain decimals. */
  @Override
  public String toString() {
    return ModelText.of("Trade").add("id", id).add("price", price).add("size", size).add("side", side)
        .add("time", time).toString();
  }
}
