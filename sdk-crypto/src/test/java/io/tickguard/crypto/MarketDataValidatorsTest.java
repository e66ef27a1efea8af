package io.tickguard.crypto;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The context rules: the injected clock with its tolerance, and list order. */
class MarketDataValidatorsTest {
  static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  static Trade trade(Instant t) {
    return new Trade("1", BigDecimal.ONE, BigDecimal.ONE, Side.BUY, t);
  }

  static Candle candle(Instant t, Interval i) {
    return new Candle(t, i, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ZERO);
  }

  @Test
  void timestampWithinTheToleranceIsAccepted() {
    MarketDataValidators v = MarketDataValidators.of(CLOCK, Duration.ofSeconds(5));
    assertThatCode(() -> v.serverTime().validate(NOW.plusSeconds(5))).doesNotThrowAnyException();
  }

  @Test
  void timestampBeyondTheToleranceIsRefusedNamingTheField() {
    MarketDataValidators v = MarketDataValidators.of(CLOCK, Duration.ofSeconds(5));
    assertThatThrownBy(() -> v.trades().validate(List.of(trade(NOW), trade(NOW.plusSeconds(6)))))
        .isInstanceOfSatisfying(InvalidResponseException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("[1].time"));
  }

  @Test
  void serverClockAheadBeyondTheToleranceIsReportedNotRefused() {
    MarketDataValidators v = MarketDataValidators.of(CLOCK, Duration.ofSeconds(5));
    assertThatCode(() -> v.serverTime().validate(NOW.plusSeconds(90))).doesNotThrowAnyException();
  }

  @Test
  void serverTimeMoreThanADayAheadIsNotAClock() {
    MarketDataValidators v = MarketDataValidators.of(CLOCK, Duration.ofSeconds(5));
    assertThatThrownBy(() -> v.serverTime().validate(NOW.plus(Duration.ofDays(2))))
        .isInstanceOfSatisfying(InvalidResponseException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("serverTime"));
  }

  @Test
  void toleranceIsConfigurable() {
    MarketDataValidators lenient = MarketDataValidators.of(CLOCK, Duration.ofMinutes(10));
    assertThatCode(() -> lenient.serverTime().validate(NOW.plusSeconds(300))).doesNotThrowAnyException();
    assertThatThrownBy(() -> MarketDataValidators.of(CLOCK, Duration.ofSeconds(-1)))
        .isInstanceOfSatisfying(io.tickguard.core.InvalidRequestException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.field()).isEqualTo("futureTolerance"));
  }

  @Test
  void tradesNewestFirstAreRefused() {
    MarketDataValidators v = MarketDataValidators.of(CLOCK, Duration.ZERO);
    assertThatThrownBy(() -> v.trades().validate(List.of(trade(NOW), trade(NOW.minusSeconds(1)))))
        .isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void candlesOfAnotherWidthThanAskedAreRefused() {
    MarketDataValidators v = MarketDataValidators.of(CLOCK, Duration.ZERO);
    assertThatThrownBy(() -> v.candles(Interval.ONE_HOUR).validate(List.of(candle(NOW, Interval.ONE_MINUTE))))
        .isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void bookWithoutTimeHasNothingToCheck() {
    MarketDataValidators v = MarketDataValidators.of(CLOCK, Duration.ZERO);
    assertThatCode(() -> v.orderBook().validate(
        new OrderBook(Symbol.of("BTC", "USD"), List.of(), List.of(), Optional.empty()))).doesNotThrowAnyException();
  }
}
