package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.ConversionPath;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Ohlc;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.forex.Rounding;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.SimCandle;
import io.tickguard.testkit.market.SimTicker;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every ForexMarketData call against the Saxo sandbox over pinned TLS, after a PKCE login played by the test. */
class SaxoClientSandboxTest {
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");
  private static final CurrencyPair USDJPY = CurrencyPair.of("USD", "JPY");

  private final SaxoSandbox sandbox = new SaxoSandbox();
  private final SaxoClient saxo = sandbox.client(new InMemoryTokenStore());

  @AfterEach
  void close() {
    saxo.close();
    sandbox.close();
  }

  @Test
  void pkceLoginThenEveryForexMarketDataCallOverPinnedTlsAnswersTheSimulatorsTruth() throws Exception {
    assertThat(saxo.hasSession()).isFalse();
    saxo.login(sandbox.browser());
    assertThat(saxo.hasSession()).isTrue();
    SimTicker eurTruth = sandbox.server.market().ticker("EUR-USD");
    SimTicker jpyTruth = sandbox.server.market().ticker("USD-JPY");

    Quote eurusd = saxo.quote(EURUSD);
    assertThat(eurusd.bid()).as("Saxo's JSON number, digit for digit").isEqualTo(eurTruth.bid());
    assertThat(eurusd.ask()).isEqualTo(eurTruth.ask());
    assertThat(eurusd.bid().scale()).as("Saxo's JSON number digits kept").isEqualTo(5);
    assertThat(eurusd.status()).isEqualTo(QuoteStatus.TRADEABLE);
    assertThat(eurusd.pipLocation()).isEqualTo(-4);
    assertThat(eurusd.stale()).isFalse();

    List<Quote> both = saxo.quotes(USDJPY, EURUSD);
    assertThat(both).extracting(Quote::pair).containsExactly(USDJPY, EURUSD);
    assertThat(both.get(0).bid()).isEqualTo(jpyTruth.bid());
    assertThat(both.get(0).ask()).isEqualTo(jpyTruth.ask());
    assertThat(both.get(1)).isEqualTo(eurusd);
    assertThat(both.get(0).pipLocation()).as("JPY pairs pip at 0.01").isEqualTo(-2);
    assertThat(both.get(0).bid().scale()).isEqualTo(3);

    Instant to = sandbox.clock.instant();
    Instant from = to.minus(Duration.ofMinutes(9));
    List<FxCandle> candles = saxo.candles(EURUSD, Granularity.M1, from, to);
    List<SimCandle> truth = sandbox.server.market().candles("EUR-USD", CandleInterval.M1, 30).stream()
        .filter(c -> !c.openTime().isBefore(from) && !c.openTime().isAfter(to)).toList();
    assertThat(truth).hasSizeGreaterThanOrEqualTo(9);
    assertThat(candles).extracting(FxCandle::time).containsExactlyElementsOf(truth.stream().map(SimCandle::openTime).toList());
    BigDecimal spread = new BigDecimal("0.00002"); // the sandbox's ask candles: bid + two ticks of 0.00001
    for (int i = 0; i < candles.size(); i++) {
      SimCandle t = truth.get(i);
      FxCandle c = candles.get(i);
      assertThat(c.bid()).as("bid candle %s", t.openTime()).contains(new Ohlc(t.open(), t.high(), t.low(), t.close()));
      assertThat(c.ask()).as("ask candle %s", t.openTime())
          .contains(new Ohlc(t.open().add(spread), t.high().add(spread), t.low().add(spread), t.close().add(spread)));
      assertThat(c.mid()).isEmpty();
    }

    List<FxInstrument> instruments = saxo.instruments();
    assertThat(instruments).extracting(FxInstrument::pair).contains(EURUSD, USDJPY, CurrencyPair.of("GBP", "USD"));
    assertThat(instruments).filteredOn(i -> i.pair().equals(EURUSD)).singleElement()
        .satisfies(i -> assertThat(i.providerSymbol()).isEqualTo("21"));

    BigDecimal eurMid = eurTruth.bid().add(eurTruth.ask()).divide(BigDecimal.valueOf(2));
    BigDecimal jpyMid = jpyTruth.bid().add(jpyTruth.ask()).divide(BigDecimal.valueOf(2));
    Conversion direct = saxo.convert(new BigDecimal("1000"), Currency.of("EUR"), Currency.of("USD"));
    assertThat(direct.path().kind()).isEqualTo(ConversionPath.Kind.DIRECT);
    assertThat(direct.path().legs()).singleElement().satisfies(leg -> {
      assertThat(leg.pair()).isEqualTo(EURUSD);
      assertThat(leg.inverted()).isFalse();
    });
    assertThat(direct.rate()).as("the EUR/USD mid").isEqualTo(eurMid);
    assertThat(direct.result()).isEqualTo(new BigDecimal("1000").multiply(eurMid).setScale(2, RoundingMode.HALF_EVEN));

    Conversion euroToYen = saxo.convert(new BigDecimal("1000"), Currency.of("EUR"), Currency.of("JPY"));
    assertThat(euroToYen.path().kind()).isEqualTo(ConversionPath.Kind.CROSS);
    assertThat(euroToYen.amount().scale()).as("JPY has no minor unit").isZero();
    assertThat(euroToYen.result()).isEqualTo(
        new BigDecimal("1000").multiply(eurMid).multiply(jpyMid).setScale(0, RoundingMode.HALF_EVEN));
    Conversion dollars = saxo.convert(new BigDecimal("100"), Currency.of("USD"), Currency.of("EUR"), Rounding.of(4, RoundingMode.DOWN));
    assertThat(dollars.path().kind()).isEqualTo(ConversionPath.Kind.INVERSE);
    assertThat(dollars.result()).isEqualTo(new BigDecimal("100").divide(eurMid, MathContext.DECIMAL128).setScale(4, RoundingMode.DOWN));

    assertThat(saxo.quoteAsync(EURUSD).get()).isEqualTo(eurusd);
    assertThat(saxo.search("USD")).extracting(FxInstrument::pair).contains(EURUSD, USDJPY);
  }

  @Test
  void everyAsyncVariantAnswersWhatItsSyncCallAnswers() throws Exception {
    saxo.login(sandbox.browser());
    Instant to = sandbox.clock.instant();
    Instant from = to.minus(Duration.ofMinutes(5));
    Currency eur = Currency.of("EUR");
    Currency jpy = Currency.of("JPY");

    assertThat(saxo.quotesAsync(USDJPY, EURUSD).get()).isEqualTo(saxo.quotes(USDJPY, EURUSD)).hasSize(2);
    assertThat(saxo.candlesAsync(EURUSD, Granularity.M1, from, to).get())
        .isEqualTo(saxo.candles(EURUSD, Granularity.M1, from, to)).isNotEmpty();
    assertThat(saxo.instrumentsAsync().get()).isEqualTo(saxo.instruments()).isNotEmpty();
    assertThat(saxo.convertAsync(new BigDecimal("250"), eur, jpy).get())
        .isEqualTo(saxo.convert(new BigDecimal("250"), eur, jpy));
    Rounding down = Rounding.of(3, RoundingMode.DOWN);
    assertThat(saxo.convertAsync(new BigDecimal("250"), jpy, eur, down).get())
        .isEqualTo(saxo.convert(new BigDecimal("250"), jpy, eur, down));
  }

  @Test
  void forgedStateInTheRedirectIsRefusedAndNoSessionStarts() {
    assertThatThrownBy(() -> saxo.login(sandbox.browser(url -> url.newBuilder().setQueryParameter("state", "forged").build())))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("state does not match");
    assertThat(saxo.hasSession()).isFalse();
    assertThatThrownBy(() -> saxo.quote(EURUSD)).isInstanceOf(AuthenticationException.class);
  }

  @Test
  void unlistedPairAndUnsupportedGranularityAreRefusedBeforeSending() {
    saxo.login(sandbox.browser());
    assertThatThrownBy(() -> saxo.quote(CurrencyPair.of("JPY", "USD")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("it quotes USD/JPY"));
    Instant now = sandbox.clock.instant();
    assertThatThrownBy(() -> saxo.candles(EURUSD, Granularity.S5, now.minusSeconds(60), now))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("granularity"));
  }
}
