package io.tickguard.crypto;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * A tradable pair and its trading rules.
 *
 * @param symbol the pair
 * @param providerSymbol the provider's spelling of the pair
 * @param tickSize the price increment, when the provider publishes one
 * @param lotSize the quantity increment, when the provider publishes one
 * @param minNotional the smallest order value in the quote asset, when the provider publishes one
 * @param status whether the pair trades
 */
public record Instrument(
    Symbol symbol,
    String providerSymbol,
    Optional<BigDecimal> tickSize,
    Optional<BigDecimal> lotSize,
    Optional<BigDecimal> minNotional,
    InstrumentStatus status) {

  /** Validates every field; increments must be positive, the minimum notional not negative. */
  public Instrument {
    Checks.present(symbol, "symbol");
    Checks.text(providerSymbol, "providerSymbol");
    Checks.present(tickSize, "tickSize").ifPresent(v -> Checks.positive(v, "tickSize"));
    Checks.present(lotSize, "lotSize").ifPresent(v -> Checks.positive(v, "lotSize"));
    Checks.present(minNotional, "minNotional").ifPresent(v -> Checks.notNegative(v, "minNotional"));
    Checks.present(status, "status");
  }

  /** Plain decimals, absent values left out. */
  @Override
  public String toString() {
    return ModelText.of("Instrument").add("symbol", symbol).add("providerSymbol", providerSymbol)
        .add("tickSize", tickSize).add("lotSize", lotSize).add("minNotional", minNotional).add("status", status)
        .toString();
  }
}
