package io.tickguard.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Model records print what a person reads: plain decimals as the wire wrote them, no Optional noise. */
class ModelToStringTest {

  @Test
  void zeroWithEightDecimalsPrintsPlainNotScientific() {
    Balance b = new Balance("BTC", new BigDecimal("0E-8"), new BigDecimal("1.50000000"), "XXBT");

    assertThat(b).hasToString("Balance[asset=BTC, free=0.00000000, locked=1.50000000, providerAsset=XXBT]");
  }

  @Test
  void balanceUnderItsUnifiedCodeDoesNotRepeatIt() {
    assertThat(new Balance("USDT", BigDecimal.ONE, BigDecimal.ZERO)).hasToString("Balance[asset=USDT, free=1, locked=0]");
  }

  @Test
  void absentOptionalsAreLeftOutAndPresentOnesUnwrapped() {
    Ticker t = new Ticker(Symbol.of("BTC", "USDT"), new BigDecimal("1E+2"), new BigDecimal("99.5"), new BigDecimal("100.5"),
        Optional.empty(), Optional.of(new BigDecimal("101.00")), Optional.empty(), Optional.empty(),
        Optional.of(Instant.parse("2026-01-02T03:04:05Z")));

    assertThat(t.toString()).isEqualTo(
        "Ticker[symbol=BTC/USDT, last=100, bid=99.5, ask=100.5, high24h=101.00, time=2026-01-02T03:04:05Z]")
        .doesNotContain("Optional");
  }

  @Test
  void bookLevelsReadAsPriceTimesSize() {
    OrderBook book = new OrderBook(Symbol.of("BTC", "USDT"), List.of(new PriceLevel(new BigDecimal("99.50"), new BigDecimal("2"))),
        List.of(new PriceLevel(new BigDecimal("100.0"), new BigDecimal("0.001"))), Optional.empty());

    assertThat(book).hasToString("OrderBook[symbol=BTC/USDT, bids=[99.50 x 2], asks=[100.0 x 0.001]]");
  }
}
