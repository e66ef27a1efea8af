package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FxCandleTest {
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");

  private static Ohlc ohlc(String o, String h, String l, String c) {
    return new Ohlc(new BigDecimal(o), new BigDecimal(h), new BigDecimal(l), new BigDecimal(c));
  }

  private static FxCandle candle(Optional<Ohlc> bid, Optional<Ohlc> ask, Optional<Ohlc> mid) {
    return new FxCandle(EUR_USD, Granularity.M1, T, bid, ask, mid, Optional.of(BigDecimal.TEN), true);
  }

  @Test
  void bidMidAskCandleWithConsistentComponentsIsAccepted() {
    FxCandle c = candle(Optional.of(ohlc("1.0860", "1.0870", "1.0850", "1.0865")),
        Optional.of(ohlc("1.0862", "1.0872", "1.0852", "1.0867")),
        Optional.of(ohlc("1.0861", "1.0871", "1.0851", "1.0866")));
    assertThat(c.mid()).isPresent();
    assertThat(c.bid().get().open().toPlainString()).isEqualTo("1.0860");
  }

  @Test
  void ohlcOrderingIsEnforced() {
    assertThatThrownBy(() -> ohlc("1.2", "1.1", "1.0", "1.05")).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("open");
    assertThatThrownBy(() -> ohlc("1.05", "1.1", "1.06", "1.07")).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("low");
  }

  @Test
  void bidAboveAskAtOpenOrCloseIsRefused() {
    assertThatThrownBy(() -> candle(Optional.of(ohlc("1.0870", "1.0880", "1.0850", "1.0865")),
        Optional.of(ohlc("1.0862", "1.0872", "1.0852", "1.0867")), Optional.empty()))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("bid.open");
    assertThatThrownBy(() -> candle(Optional.of(ohlc("1.0860", "1.0880", "1.0850", "1.0869")),
        Optional.of(ohlc("1.0862", "1.0872", "1.0852", "1.0867")), Optional.empty()))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("bid.close");
  }

  @Test
  void midOutsideBidAskIsRefused() {
    assertThatThrownBy(() -> candle(Optional.of(ohlc("1.0860", "1.0870", "1.0850", "1.0865")),
        Optional.of(ohlc("1.0862", "1.0872", "1.0852", "1.0867")),
        Optional.of(ohlc("1.0863", "1.0871", "1.0851", "1.0866"))))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("mid.open");
  }

  @Test
  void aCandleWithoutAnyComponentOrWithNegativeVolumeIsRefused() {
    assertThatThrownBy(() -> candle(Optional.empty(), Optional.empty(), Optional.empty()))
        .isInstanceOf(InvalidValueException.class);
    assertThatThrownBy(() -> new FxCandle(EUR_USD, Granularity.M1, T, Optional.empty(), Optional.empty(),
        Optional.of(ohlc("1", "1", "1", "1")), Optional.of(new BigDecimal("-1")), false))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("volume");
  }

  @Test
  void highsAndLowsAreNotComparedAcrossComponents() {
    FxCandle c = candle(Optional.of(ohlc("1.0860", "1.0890", "1.0850", "1.0865")),
        Optional.of(ohlc("1.0862", "1.0872", "1.0840", "1.0867")), Optional.empty());
    assertThat(c.bid().get().high()).isGreaterThan(c.ask().get().high());
  }
}
