package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class CurrencyTest {

  @Test
  void isoMinorUnitsComeFromIso4217() {
    assertThat(Currency.of("EUR").minorUnits()).hasValue(2);
    assertThat(Currency.of("jpy").minorUnits()).hasValue(0);
    assertThat(Currency.of("KWD").minorUnits()).hasValue(3);
    assertThat(Currency.of("jpy").code()).isEqualTo("JPY");
  }

  @Test
  void metalsHaveNoMinorUnitAndRoundingIntoThemNeedsAScale() {
    Currency gold = Currency.of("XAU");
    assertThat(gold.isIsoListed()).isTrue();
    assertThat(gold.minorUnits()).isEmpty();
    assertThatThrownBy(() -> gold.requireMinorUnits("rounding.scale"))
        .isInstanceOf(InvalidValueException.class)
        .hasMessageContaining("rounding.scale")
        .hasMessageContaining("Rounding.of");
  }

  @Test
  void offshoreYuanIsAMarketCodeWithTwoDecimals() {
    Currency cnh = Currency.of("CNH");
    assertThat(cnh.isIsoListed()).isFalse();
    assertThat(cnh.minorUnits()).hasValue(2);
  }

  @Test
  void malformedCodesAndMinorUnitsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> Currency.of("EURO")).isInstanceOf(InvalidValueException.class)
        .extracting(e -> ((InvalidValueException) e).field()).isEqualTo("currency");
    assertThatThrownBy(() -> Currency.of("E1R")).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> Currency.of(null)).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Currency("eur", OptionalInt.of(2))).isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new Currency("EUR", OptionalInt.of(5)))
        .isInstanceOf(InvalidValueException.class).hasMessageContaining("minorUnits");
  }
}
