package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.forex.insightease.InsighteaseForexTicker;
import io.tickguard.forex.oanda.OandaAccountSummary;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Test;

/**
 * The forex models print what a person reading a log needs: every key field, decimals in plain
 * notation as the wire wrote them (never {@code 1E-8} or {@code 1E+3}), values a provider did not
 * send left out (never {@code Optional.empty} or {@code Optional[...]}). The decimals here are built
 * so that {@link BigDecimal#toString()} would use exponent notation: a default record toString fails.
 */
class ForexModelToStringTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");
  /** {@code toString()} prints {@code 1E-8}. */
  private static final BigDecimal TINY = new BigDecimal("0.00000001");
  /** {@code toString()} prints {@code 1.2E+3}. */
  private static final BigDecimal HUGE = new BigDecimal("1.2E+3");

  private static AbstractStringAssert<?> assertReadable(Object model) {
    return assertThat(model.toString())
        .doesNotContain("Optional")
        .doesNotContainPattern("[0-9]E[-+]?[0-9]");
  }

  @Test
  void quotePrintsPairPricesAsSentTimeStatusAndStale() {
    Quote q = new Quote(EUR_USD, new BigDecimal("1.08650"), new BigDecimal("1.08662"), T, QuoteStatus.INDICATIVE, -4, true);
    assertReadable(q).isEqualTo("Quote[pair=EUR/USD, bid=1.08650, ask=1.08662, time=2026-11-30T10:00:00Z,"
        + " status=INDICATIVE, pipLocation=-4, stale=true]");
    assertReadable(new Quote(EUR_USD, TINY, HUGE, T, QuoteStatus.TRADEABLE, -4, false))
        .contains("bid=0.00000001", "ask=1200");
  }

  @Test
  void candleLeavesOutTheSidesAndVolumeNotSent() {
    Ohlc mid = new Ohlc(TINY, HUGE, TINY, new BigDecimal("0.000010"));
    FxCandle c = new FxCandle(EUR_USD, Granularity.M1, T, Optional.empty(), Optional.empty(), Optional.of(mid),
        Optional.empty(), true);
    assertReadable(c).isEqualTo("FxCandle[pair=EUR/USD, granularity=M1, time=2026-11-30T10:00:00Z,"
        + " mid=Ohlc[open=0.00000001, high=1200, low=0.00000001, close=0.000010], complete=true]");
    FxCandle withVolume = new FxCandle(EUR_USD, Granularity.H1, T, Optional.of(mid), Optional.empty(), Optional.empty(),
        Optional.of(HUGE), false);
    assertReadable(withVolume).contains("bid=Ohlc[", "volume=1200", "complete=false").doesNotContain("ask=", "mid=");
  }

  @Test
  void instrumentPrintsPublishedPrecisionAndSizeOnly() {
    assertReadable(new FxInstrument(EUR_USD, "EUR_USD", -4, OptionalInt.of(5), Optional.of(TINY)))
        .isEqualTo("FxInstrument[pair=EUR/USD, providerSymbol=EUR_USD, pipLocation=-4, displayPrecision=5,"
            + " minimumSize=0.00000001]");
    assertReadable(new FxInstrument(EUR_USD, "21", -4, OptionalInt.empty(), Optional.empty()))
        .isEqualTo("FxInstrument[pair=EUR/USD, providerSymbol=21, pipLocation=-4]");
  }

  @Test
  void conversionPrintsAmountRateResultPathAndRounding() {
    Quote q = Quote.of(EUR_USD, new BigDecimal("1.08650"), new BigDecimal("1.08670"), T, QuoteStatus.TRADEABLE);
    Conversion c = Conversion.of(HUGE, ConversionPath.atMid(Currency.of("EUR"), List.of(q)), Rounding.of(2, RoundingMode.DOWN));
    assertReadable(c).startsWith("Conversion[amount=1200, from=EUR, to=USD, rate=1.08660, result=1303.92, path=ConversionPath[")
        .contains("kind=DIRECT", "ConversionLeg[pair=EUR/USD, price=1.08660, inverted=false, time=2026-11-30T10:00:00Z]",
            "rounding=" + Rounding.of(2, RoundingMode.DOWN));
    ConversionLeg leg = new ConversionLeg(EUR_USD, TINY, true, T);
    assertReadable(leg).isEqualTo("ConversionLeg[pair=EUR/USD, price=0.00000001, inverted=true, time=2026-11-30T10:00:00Z]");
  }

  @Test
  void insighteaseTickerLeavesOutWhatThePlanDoesNotSend() {
    InsighteaseForexTicker t = new InsighteaseForexTicker(EUR_USD, Optional.empty(), Optional.empty(), Optional.empty(),
        new BigDecimal("1.08655"), Optional.empty(), Optional.empty(), Optional.empty(), new BigDecimal("+0.00235"),
        TINY, T);
    assertReadable(t).isEqualTo("InsighteaseForexTicker[pair=EUR/USD, close=1.08655, change=0.00235,"
        + " changePercent=0.00000001, time=2026-11-30T10:00:00Z]");
  }

  @Test
  void oandaAccountSummaryPrintsItsFiguresPlainly() {
    OandaAccountSummary s = new OandaAccountSummary("101-004-1435156-001", Currency.of("USD"), HUGE,
        new BigDecimal("100000.0000"), TINY, BigDecimal.ZERO, HUGE, 1, 2, 3, "6356");
    assertReadable(s).isEqualTo("OandaAccountSummary[id=101-004-1435156-001, currency=USD, balance=1200,"
        + " nav=100000.0000, unrealizedPl=0.00000001, marginUsed=0, marginAvailable=1200, openTradeCount=1,"
        + " openPositionCount=2, pendingOrderCount=3, lastTransactionId=6356]");
  }
}
