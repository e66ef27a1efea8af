package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ForexValidatorsTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");

  private final MutableClock clock = new MutableClock(T);
  private final ForexValidators validators = ForexValidators.of(clock, Duration.ofSeconds(10), Duration.ofSeconds(5));

  private static Quote quoteAt(Instant time) {
    return Quote.of(EUR_USD, new BigDecimal("1.1"), new BigDecimal("1.2"), time, QuoteStatus.TRADEABLE);
  }

  private static FxCandle candleAt(Instant time, Granularity g) {
    Ohlc o = new Ohlc(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE);
    return new FxCandle(EUR_USD, g, time, Optional.empty(), Optional.empty(), Optional.of(o), Optional.empty(), true);
  }

  @Test
  void quoteOlderThanMaxAgeIsFlaggedStaleNotRefused() {
    Quote q = quoteAt(T.minusSeconds(10));
    assertThat(validators.flagStale(q).stale()).isFalse();
    clock.advance(Duration.ofMillis(1));
    assertThat(validators.isStale(q)).isTrue();
    Quote flagged = validators.flagStale(q);
    assertThat(flagged.stale()).isTrue();
    validators.quote().validate(flagged);
  }

  @Test
  void quoteBeyondTheFutureToleranceIsRefusedNamingTime() {
    validators.quote().validate(quoteAt(T.plusSeconds(5)));
    assertThatThrownBy(() -> validators.quote().validate(quoteAt(T.plusSeconds(6))))
        .isInstanceOf(InvalidResponseException.class)
        .extracting(e -> ((InvalidResponseException) e).field()).isEqualTo("time");
    assertThatThrownBy(() -> validators.quotes().validate(List.of(quoteAt(T), quoteAt(T.plusSeconds(60)))))
        .isInstanceOf(InvalidResponseException.class)
        .extracting(e -> ((InvalidResponseException) e).field()).isEqualTo("[1].time");
  }

  @Test
  void candlesOutOfOrderRepeatedOrOfAnotherWidthAreRefused() {
    var check = validators.candles(EUR_USD, Granularity.M1);
    check.validate(List.of(candleAt(T.minusSeconds(120), Granularity.M1), candleAt(T.minusSeconds(60), Granularity.M1)));
    assertThatThrownBy(() -> check.validate(List.of(candleAt(T.minusSeconds(60), Granularity.M1),
        candleAt(T.minusSeconds(120), Granularity.M1))))
        .isInstanceOf(InvalidResponseException.class).hasMessageContaining("oldest first");
    assertThatThrownBy(() -> check.validate(List.of(candleAt(T.minusSeconds(60), Granularity.M1),
        candleAt(T.minusSeconds(60), Granularity.M1))))
        .isInstanceOf(InvalidResponseException.class);
    assertThatThrownBy(() -> check.validate(List.of(candleAt(T.minusSeconds(60), Granularity.M5))))
        .isInstanceOf(InvalidResponseException.class)
        .extracting(e -> ((InvalidResponseException) e).field()).isEqualTo("[0].granularity");
  }

  @Test
  void candlesOfAnotherPairAreRefused() {
    assertThatThrownBy(() -> validators.candles(CurrencyPair.parse("GBP/USD"), Granularity.M1)
        .validate(List.of(candleAt(T, Granularity.M1))))
        .isInstanceOf(InvalidResponseException.class)
        .extracting(e -> ((InvalidResponseException) e).field()).isEqualTo("[0].pair");
  }
}
