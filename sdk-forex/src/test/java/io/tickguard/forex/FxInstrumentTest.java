package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FxInstrumentTest {

  @Test
  void jpyPipIsOneHundredthAndOthersOneTenThousandth() {
    FxInstrument usdJpy = new FxInstrument(CurrencyPair.parse("USD_JPY"), "USD_JPY", -2, OptionalInt.of(3),
        Optional.of(BigDecimal.ONE));
    FxInstrument eurUsd = new FxInstrument(CurrencyPair.parse("EUR_USD"), "EUR_USD", -4, OptionalInt.of(5),
        Optional.of(BigDecimal.ONE));
    assertThat(usdJpy.pipSize().toPlainString()).isEqualTo("0.01");
    assertThat(eurUsd.pipSize().toPlainString()).isEqualTo("0.0001");
    assertThat(Pips.of(new BigDecimal("0.018"), usdJpy.pipLocation())).isEqualByComparingTo("1.8");
  }

  @Test
  void invalidConventionsAreRefusedNamingTheField() {
    CurrencyPair pair = CurrencyPair.parse("EUR/USD");
    assertThatThrownBy(() -> new FxInstrument(pair, " ", -4, OptionalInt.empty(), Optional.empty()))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("providerSymbol");
    assertThatThrownBy(() -> new FxInstrument(pair, "EUR_USD", 3, OptionalInt.empty(), Optional.empty()))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("pipLocation");
    assertThatThrownBy(() -> new FxInstrument(pair, "EUR_USD", -4, OptionalInt.of(13), Optional.empty()))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("displayPrecision");
    assertThatThrownBy(() -> new FxInstrument(pair, "EUR_USD", -4, OptionalInt.empty(), Optional.of(BigDecimal.ZERO)))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("minimumSize");
  }
}
