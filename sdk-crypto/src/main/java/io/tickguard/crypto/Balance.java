package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;
import java.math.BigDecimal;

/**
 * The holding of one asset in the account.
 *
 * @param asset the provider's asset code, such as {@code BTC} or Kraken's {@code XXBT}
 * @param free the amount available to trade or withdraw
 * @param locked the amount held by open orders or other holds
 */
public record Balance(String asset, BigDecimal free, BigDecimal locked) {

  /** Validates every field; amounts must not be negative. */
  public Balance {
    Checks.text(asset, "asset");
    Checks.notNegative(free, "free");
    Checks.notNegative(locked, "locked");
  }

  /** {@code free + locked}. */
  public BigDecimal total() {
    return free.add(locked);
  }
}
