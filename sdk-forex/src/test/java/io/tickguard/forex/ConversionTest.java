package io.tickguard.forex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversionTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
  private static final Currency EUR = Currency.of("EUR");
  private static final Currency USD = Currency.of("USD");
  private static final Currency JPY = Currency.of("JPY");
  private static final Currency GBP = Currency.of("GBP");
  private static final Currency KWD = Currency.of("KWD");

  private static Quote quote(String pair, String bid, String ask) {
    return Quote.of(CurrencyPair.parse(pair), new BigDecimal(bid), new BigDecimal(ask), T, QuoteStatus.TRADEABLE);
  }

  private static Conversion convert(String amount, Currency from, List<Quote> quotes, Rounding rounding) {
    return Conversion.of(new BigDecimal(amount), ConversionPath.atMid(from, quotes), rounding);
  }

  @Test
  void directConversionMultipliesByTheMidAndRoundsToTargetMinorUnits() {
    Conversion c = convert("1000", EUR, List.of(quote("EUR/USD", "1.08650", "1.08662")), Rounding.MINOR_UNITS);
    assertThat(c.path().kind()).isEqualTo(ConversionPath.Kind.DIRECT);
    assertThat(c.rate()).isEqualByComparingTo("1.08656");
    assertThat(c.result().toPlainString()).isEqualTo("1086.56");
    assertThat(c.rounding()).isEqualTo(Rounding.of(2, RoundingMode.HALF_EVEN));
  }

  @Test
  void intoJpyRoundsToWholeYen() {
    Conversion c = convert("123.45", USD, List.of(quote("USD/JPY", "149.512", "149.530")), Rounding.MINOR_UNITS);
    // 123.45 * 149.521 = 18458.36745 -> 0 decimals
    assertThat(c.result().toPlainString()).isEqualTo("18458");
    assertThat(c.rounding().scale()).hasValue(0);
  }

  @Test
  void inverseConversionDividesByThePairPrice() {
    Conversion c = convert("10000", JPY, List.of(quote("USD/JPY", "149.512", "149.530")), Rounding.MINOR_UNITS);
    assertThat(c.path().kind()).isEqualTo(ConversionPath.Kind.INVERSE);
    assertThat(c.path().legs().get(0).inverted()).isTrue();
    // 10000 / 149.521 = 66.8802375...
    assertThat(c.result().toPlainString()).isEqualTo("66.88");
    assertThat(c.rate().precision()).isLessThanOrEqualTo(34);
    assertThat(c.rate()).isEqualByComparingTo(BigDecimal.ONE.divide(new BigDecimal("149.521"), Conversion.INTERMEDIATE));
  }

  @Test
  void crossThroughUsdChainsBothLegs() {
    Conversion c = convert("250", EUR,
        List.of(quote("EUR/USD", "1.08650", "1.08662"), quote("USD/JPY", "149.512", "149.530")), Rounding.MINOR_UNITS);
    assertThat(c.path().kind()).isEqualTo(ConversionPath.Kind.CROSS);
    assertThat(c.from()).isEqualTo(EUR);
    assertThat(c.to()).isEqualTo(JPY);
    // 250 * 1.08656 * 149.521 = 40615.88444 -> 40616 (whole yen)
    assertThat(c.result().toPlainString()).isEqualTo("40616");
  }

  @Test
  void crossWithAnInverseLegDividesOnlyThatLeg() {
    // JPY -> USD (inverse of USD/JPY), USD -> GBP (inverse of GBP/USD)
    Conversion c = convert("1000000", JPY,
        List.of(quote("USD/JPY", "149.512", "149.530"), quote("GBP/USD", "1.27000", "1.27010")), Rounding.MINOR_UNITS);
    assertThat(c.path().legs()).extracting(ConversionLeg::inverted).containsExactly(true, true);
    BigDecimal expected = new BigDecimal("1000000").divide(new BigDecimal("149.521"), Conversion.INTERMEDIATE)
        .divide(new BigDecimal("1.27005"), Conversion.INTERMEDIATE).setScale(2, RoundingMode.HALF_EVEN);
    assertThat(c.result()).isEqualTo(expected);
    assertThat(c.result().toPlainString()).isEqualTo("5265.95");
  }

  @Test
  void roundingModeAndScaleAreTheCallersChoice() {
    List<Quote> q = List.of(quote("EUR/USD", "1.08650", "1.08662"));
    assertThat(convert("0.005", EUR, q, Rounding.minorUnits(RoundingMode.DOWN)).result().toPlainString()).isEqualTo("0.00");
    assertThat(convert("0.005", EUR, q, Rounding.minorUnits(RoundingMode.UP)).result().toPlainString()).isEqualTo("0.01");
    assertThat(convert("1000", EUR, q, Rounding.of(5, RoundingMode.HALF_UP)).result().toPlainString()).isEqualTo("1086.56000");
    // an exact half: 1 EUR at mid 1.025 is 1.025 USD; half-even keeps the even 1.02, half-up gives 1.03
    Conversion half = convert("1", EUR, List.of(quote("EUR/USD", "1.025", "1.025")), Rounding.MINOR_UNITS);
    assertThat(half.result().toPlainString()).isEqualTo("1.02");
    Conversion halfUp = convert("1", EUR, List.of(quote("EUR/USD", "1.025", "1.025")), Rounding.minorUnits(RoundingMode.HALF_UP));
    assertThat(halfUp.result().toPlainString()).isEqualTo("1.03");
  }

  @Test
  void threeDecimalCurrencyKeepsThreeDecimals() {
    Conversion c = convert("100", USD, List.of(quote("USD/KWD", "0.30710", "0.30720")), Rounding.MINOR_UNITS);
    assertThat(c.to()).isEqualTo(KWD);
    assertThat(c.result().toPlainString()).isEqualTo("30.715");
  }

  @Test
  void unnecessaryRoundingThatWouldRoundIsRefusedNamingRounding() {
    assertThatThrownBy(() -> convert("10000", JPY, List.of(quote("USD/JPY", "149.512", "149.530")),
        Rounding.minorUnits(RoundingMode.UNNECESSARY)))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("rounding");
  }

  @Test
  void intoAMetalWithoutMinorUnitsNeedsAStatedScale() {
    List<Quote> q = List.of(quote("XAU/USD", "2650.10", "2650.50"));
    assertThatThrownBy(() -> convert("1000", USD, q, Rounding.MINOR_UNITS))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("rounding.scale");
    assertThat(convert("1000", USD, q, Rounding.of(6, RoundingMode.HALF_EVEN)).result().toPlainString())
        .isEqualTo("0.377316");
  }

  @Test
  void constructorRefusesAResultThatDoesNotFollowFromThePath() {
    Conversion good = convert("1000", EUR, List.of(quote("EUR/USD", "1.08650", "1.08662")), Rounding.MINOR_UNITS);
    assertThatThrownBy(() -> new Conversion(good.amount(), EUR, USD, good.rate(), new BigDecimal("1086.57"),
        good.path(), good.rounding())).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("result");
    assertThatThrownBy(() -> new Conversion(good.amount(), EUR, USD, new BigDecimal("1.1"), good.result(),
        good.path(), good.rounding())).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("rate");
    assertThatThrownBy(() -> new Conversion(good.amount(), EUR, JPY, good.rate(), good.result(),
        good.path(), good.rounding())).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("path");
    assertThatThrownBy(() -> new Conversion(new BigDecimal("-1"), EUR, USD, good.rate(), good.result(),
        good.path(), good.rounding())).isInstanceOf(InvalidValueException.class).hasMessageStartingWith("amount");
  }

  @Test
  void quotesThatDoNotChainAreRefused() {
    assertThatThrownBy(() -> ConversionPath.atMid(EUR, List.of(quote("GBP/USD", "1.27", "1.28"))))
        .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("quotes[0]");
    assertThatThrownBy(() -> ConversionPath.atMid(EUR,
        List.of(quote("EUR/USD", "1.08", "1.09"), quote("EUR/USD", "1.08", "1.09"))))
        .isInstanceOf(InvalidValueException.class);
  }

  @Test
  void routePrefersDirectThenInverseThenCrossThroughTheFirstLinkingVia() {
    Set<CurrencyPair> quoted = Set.of(CurrencyPair.parse("EUR/USD"), CurrencyPair.parse("USD/JPY"),
        CurrencyPair.parse("GBP/USD"), CurrencyPair.parse("EUR/GBP"));
    List<Currency> vias = List.of(USD, EUR);
    assertThat(ConversionPath.route(EUR, USD, quoted, vias)).contains(List.of(CurrencyPair.parse("EUR/USD")));
    assertThat(ConversionPath.route(USD, EUR, quoted, vias)).contains(List.of(CurrencyPair.parse("EUR/USD")));
    assertThat(ConversionPath.route(GBP, JPY, quoted, vias))
        .contains(List.of(CurrencyPair.parse("GBP/USD"), CurrencyPair.parse("USD/JPY")));
    assertThat(ConversionPath.route(GBP, KWD, quoted, vias)).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> ConversionPath.route(EUR, EUR, quoted, vias)).isInstanceOf(InvalidValueException.class)
        .hasMessageStartingWith("to");
  }
}
