package io.tickguard.forex;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A currency pair a provider quotes, with its price conventions.
 *
 * @param pair the pair
 * @param providerSymbol the provider's own name for it ({@code EUR_USD}, a Saxo Uic, {@code EUR/USD})
 * @param pipLocation the power of ten of one pip: the provider's when it publishes one, else {@link
 *     CurrencyPair#conventionalPipLocation()}
 * @param displayPrecision the number of decimals the provider prices it in, when published
 * @param minimumSize the smallest tradeable amount in the base currency, when published
 */
public record FxInstrument(
    CurrencyPair pair, String providerSymbol, int pipLocation, OptionalInt displayPrecision,
    Optional<BigDecimal> minimumSize) {
  private static final int MAX_PRECISION = 12;

  /** Validates every field. */
  public FxInstrument {
    Checks.present(pair, "pair");
    Checks.text(providerSymbol, "providerSymbol");
    Pips.checkLocation(pipLocation, "pipLocation");
    Checks.present(displayPrecision, "displayPrecision").ifPresent(p -> {
      if (p < 0 || p > MAX_PRECISION) {
        throw new InvalidValueException("displayPrecision", "must be 0-" + MAX_PRECISION + ", was " + p);
      }
    });
    Checks.present(minimumSize, "minimumSize").ifPresent(v -> Checks.positive(v, "minimumSize"));
  }

  /** The size of one pip: {@code 0.0001} for EUR/USD, {@code 0.01} for USD/JPY. */
  public BigDecimal pipSize() {
    return Pips.size(pipLocation);
  }

  /** Pair, provider symbol, pip location, and the precision and minimum size when published. */
  @Override
  public String toString() {
    return ModelText.of("FxInstrument").add("pair", pair).add("providerSymbol", providerSymbol)
        .add("pipLocation", pipLocation).add("displayPrecision", displayPrecision).add("minimumSize", minimumSize).toString();
  }
}
