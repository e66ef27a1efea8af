package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;

/**
 * The holding of one asset in the account.
 *
 * @param asset the unified asset code, as in {@link Symbol}s ({@code BTC} also for Kraken, whose
 *     balances say {@code XXBT})
 * @param free the amount available to trade or withdraw
 * @param locked the amount held by open orders or other holds
 * @param providerAsset the provider's own code for the asset ({@code XXBT}), equal to {@code asset}
 *     where the provider uses the unified code
 */
public record Balance(String asset, BigDecimal free, BigDecimal locked, String providerAsset) {

  /** Validates every field; amounts must not be negative. */
  public Balance {
    Checks.text(asset, "asset");
    Checks.notNegative(free, "free");
    Checks.notNegative(locked, "locked");
    Checks.text(providerAsset, "providerAsset");
  }

  /** A balance of an asset the provider names by its unified code. */
  public Balance(String asset, BigDecimal free, BigDecimal locked) {
    this(asset, free, locked, asset);
  }

  /** {@code free + locked}. */
  public BigDecimal total() {
    return free.add(locked);
  }

  /** Plain decimals; the provider's code only when it differs. */
  @Override
  public String toString() {
    ModelText text = ModelText.of("Balance").add("asset", asset).add("free", free).add("locked", locked);
    return (providerAsset.equals(asset) ? text : text.add("providerAsset", providerAsset)).toString();
  }
}
