package io.tickguard.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Symbol#of} checks what the caller typed before any case mapping: letters that Java's
 * upper-casing turns into ASCII ({@code ſ} to {@code S}, {@code ı} to {@code I}, {@code ß} to {@code
 * SS}, the ligatures {@code ﬀ} and {@code ﬁ} to {@code FF} and {@code FI}) would otherwise name an
 * asset the caller never wrote.
 */
class SymbolConfusablesTest {
  @ParameterizedTest
  @ValueSource(strings = {"ſol", "ıbtc", "btcı", "uſdt", "ßtc", "ﬀ", "ﬁl", "BTC\u0301", "ＢＴＣ", "btc\u200b"})
  void confusableBaseIsRefusedNotRewrittenToAscii(String base) {
    assertThatThrownBy(() -> Symbol.of(base, "USDT"))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("base"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"uſd", "ıusd", "ßusd", "ﬁat"})
  void confusableQuoteIsRefusedNotRewrittenToAscii(String quote) {
    assertThatThrownBy(() -> Symbol.of("BTC", quote))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("quote"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ıbtc/usdt", "btc/uſdt", "ﬁl/usd"})
  void confusablesInParsedTextAreRefused(String text) {
    assertThatThrownBy(() -> Symbol.parse(text)).isInstanceOf(InvalidValueException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"btc", "Btc", "BTC"})
  void asciiLowerAndMixedCaseAreStillUpperCased(String base) {
    assertThat(Symbol.of(base, "usdt")).isEqualTo(new Symbol("BTC", "USDT"));
  }
}
