package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QuoteTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  private static Quote quote(String pair, String bid, String ask) {
    return Quote.of(CurrencyPair.parse(pair), new BigDecimal(bid), new BigDecimal(ask), T, QuoteStatus.TRADEABLE);
  }

  @Test
  void pricesKeepTheWireDigitsIncludingTrailingZeros() {
    Quote q = quote("EUR/USD", "1.08650", "1.08662");
    assertThat(q.bid().toPlainString()).isEqualTo("1.08650");
    assertThat(q.ask().toPlainString()).isEqualTo("1.08662");
  }

  @Test
  void midIsExactAndSpreadIsInPipsOfThePair() {
    Quote eurUsd = quote("EUR/USD", "1.08650", "1.08662");
    assertThat(eurUsd.mid()).isEqualByComparingTo("1.08656");
    assertThat(eurUsd.spreadPips()).isEqualByComparingTo("1.2");

    Quote usdJpy = quote("USD/JPY", "149.512", "149.530");
    assertThat(usdJpy.pipLocation()).isEqualTo(-2);
    assertThat(usdJpy.spreadPips()).isEqualByComparingTo("1.8");
    assertThat(usdJpy.mid()).isEqualByComparingTo("149.521");

    Quote odd = quote("EUR/USD", "1.00001", "1.00002");
    assertThat(odd.mid().toPlainString()).isEqualTo("1.000015");
  }

  @Test
  void providerPipLocationOverridesTheConvention() {
    Quote gold = new Quote(CurrencyPair.parse("XAU/USD"), new BigDecimal("2650.10"), new BigDecimal("2650.45"), T,
        QuoteStatus.TRADEABLE, -2, false);
    assertThat(gold.spreadPips()).isEqualByComparingTo("35");
  }

  @Test
  void crossedOrNonPositivePricesAreRefused() {
    assertThatThrownBy(() -> quote("EUR/USD", "1.0867", "1.0866")).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("bid");
    assertThatThrownBy(() -> quote("EUR/USD", "0", "1.0866")).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("bid");
    assertThatThrownBy(() -> quote("EUR/USD", "-1", "1.0866")).isInstanceOf(InvalidValueException.class);
    assertThat(quote("EUR/USD", "1.0866", "1.0866").spreadPips()).isEqualByComparingTo("0");
  }

  @Test
  void outOfRangePipLocationIsRefused() {
    assertThatThrownBy(() -> new Quote(CurrencyPair.parse("EUR/USD"), BigDecimal.ONE, BigDecimal.ONE, T,
        QuoteStatus.TRADEABLE, -11, false)).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("pipLocation");
  }

  @Test
  void indicativeQuotesAreMarkedAndStaleFlagIsCarried() {
    Quote indicative = Quote.of(CurrencyPair.parse("EUR/USD"), BigDecimal.ONE, BigDecimal.TEN, T, QuoteStatus.INDICATIVE);
    assertThat(indicative.isTradeable()).isFalse();
    assertThat(indicative.stale()).isFalse();
    assertThat(indicative.withStale(true).stale()).isTrue();
    assertThat(indicative.ageAt(T.plusSeconds(7))).isEqualTo(Duration.ofSeconds(7));
  }
}
