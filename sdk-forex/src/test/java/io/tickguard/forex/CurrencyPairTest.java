package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CurrencyPairTest {

  @ParameterizedTest
  @ValueSource(strings = {"EUR/USD", "EUR_USD", "EURUSD", "eur/usd", "eur_Usd", "eurusd"})
  void theThreeSpellingsParseToOnePair(String text) {
    CurrencyPair pair = CurrencyPair.parse(text);
    assertThat(pair.base().code()).isEqualTo("EUR");
    assertThat(pair.quote().code()).isEqualTo("USD");
    assertThat(pair).isEqualTo(CurrencyPair.of("EUR", "USD"));
    assertThat(pair).hasToString("EUR/USD");
    assertThat(pair.underscored()).isEqualTo("EUR_USD");
    assertThat(pair.concatenated()).isEqualTo("EURUSD");
  }

  @ParameterizedTest
  @ValueSource(strings = {"EUR-USD", "EURUSDX", "EUR/US", "EUR/USD ", " EURUSD", "EU/RUSD", "EUR/1SD", "EUR//SD", "", "EUREUR"})
  void otherSpellingsAreRefusedNamingThePair(String text) {
    assertThatThrownBy(() -> CurrencyPair.parse(text)).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith(text.equals("EUREUR") ? "quote" : "pair");
  }

  @Test
  void jpyQuotedPairsHaveTwoDecimalPipsAndOthersFour() {
    assertThat(CurrencyPair.parse("USD/JPY").conventionalPipLocation()).isEqualTo(-2);
    assertThat(CurrencyPair.parse("EUR/JPY").conventionalPipLocation()).isEqualTo(-2);
    assertThat(CurrencyPair.parse("JPY/USD").conventionalPipLocation()).isEqualTo(-4);
    assertThat(CurrencyPair.parse("EUR/USD").conventionalPipLocation()).isEqualTo(-4);
  }

  @Test
  void inverseSwapsAndJoinsIgnoresOrder() {
    CurrencyPair eurUsd = CurrencyPair.parse("EUR/USD");
    assertThat(eurUsd.inverse()).isEqualTo(CurrencyPair.parse("USD/EUR"));
    assertThat(eurUsd.joins(Currency.of("USD"), Currency.of("EUR"))).isTrue();
    assertThat(eurUsd.joins(Currency.of("USD"), Currency.of("JPY"))).isFalse();
  }
}
