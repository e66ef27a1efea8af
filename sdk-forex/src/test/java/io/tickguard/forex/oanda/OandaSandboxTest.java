package io.tickguard.forex.oanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.ConversionPath;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.forex.Rounding;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimTicker;
import io.tickguard.testkit.oanda.OandaRoutes;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * OandaClient against the sandbox's {@link OandaRoutes} over pinned TLS: every {@code
 * ForexMarketData} method (sync and async), the account summary, and the token refusal. Server and
 * client share one virtual clock, so the sandbox's simulator is the oracle for every price.
 */
class OandaSandboxTest {
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");
  private static final CurrencyPair USD_JPY = CurrencyPair.parse("USD/JPY");
  private static final Currency EUR = Currency.of("EUR");
  private static final Currency USD = Currency.of("USD");
  private static final Currency JPY = Currency.of("JPY");
  private static SandboxServer sandbox;
  private static OandaClient client;

  @BeforeAll
  static void start() {
    List<Instrument> instruments = new ArrayList<>(MarketSimulator.defaultInstruments());
    instruments.add(new Instrument("USD-JPY", new BigDecimal("149.500"), new BigDecimal("0.001"), new BigDecimal("1000"), 5_000, 0.007));
    sandbox = SandboxServer.builder().clock(CLOCK).demoRoutes(false).instruments(instruments).routes(new OandaRoutes()).start();
    client = client(OandaRoutes.DEMO_TOKEN);
  }

  private static OandaClient client(String token) {
    return OandaClient.builder().config(sandbox.clientConfigBuilder().clock(CLOCK).build())
        .credentials(OandaKeys.token(token)).accountId(OandaRoutes.DEMO_ACCOUNT).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void quotesAreTheSimulatorsBidAndAskWithOandasPipLocations() throws Exception {
    SimTicker eur = sandbox.market().ticker("EUR-USD");
    SimTicker jpy = sandbox.market().ticker("USD-JPY");
    List<Quote> quotes = client.quotes(USD_JPY, EUR_USD, USD_JPY);
    assertThat(quotes).extracting(Quote::pair).containsExactly(USD_JPY, EUR_USD, USD_JPY);
    assertThat(quotes.get(0).bid()).isEqualTo(jpy.bid());
    assertThat(quotes.get(0).ask()).isEqualTo(jpy.ask());
    assertThat(quotes.get(0).pipLocation()).isEqualTo(-2);
    assertThat(quotes.get(1).bid()).isEqualTo(eur.bid());
    assertThat(quotes.get(1).pipLocation()).isEqualTo(-4);
    assertThat(quotes.get(1).status()).isEqualTo(QuoteStatus.TRADEABLE);
    assertThat(quotes.get(1).stale()).isFalse();
    assertThat(quotes.get(1).time()).isEqualTo(CLOCK.instant());
    assertThat(client.quote(EUR_USD)).isEqualTo(quotes.get(1));
    assertThat(client.quoteAsync(EUR_USD).get()).isEqualTo(quotes.get(1));
    assertThat(client.quotesAsync(USD_JPY).get()).containsExactly(quotes.get(0));
  }

  @Test
  void candlesCarryBidAskAndMidOfTheWindowOnly() throws Exception {
    Instant from = Instant.parse("2026-03-02T09:55:30Z");
    Instant to = Instant.parse("2026-03-02T10:00:00Z");
    List<FxCandle> candles = client.candles(EUR_USD, Granularity.M1, from, to);
    assertThat(candles).extracting(FxCandle::time).containsExactly(
        Instant.parse("2026-03-02T09:56:00Z"), Instant.parse("2026-03-02T09:57:00Z"), Instant.parse("2026-03-02T09:58:00Z"),
        Instant.parse("2026-03-02T09:59:00Z"), Instant.parse("2026-03-02T10:00:00Z"));
    FxCandle last = candles.get(candles.size() - 1);
    assertThat(last.complete()).isFalse();
    assertThat(candles.get(0).complete()).isTrue();
    assertThat(last.bid()).isPresent();
    assertThat(last.ask()).isPresent();
    assertThat(last.mid().get().open())
        .isEqualByComparingTo(last.bid().get().open().add(last.ask().get().open()).divide(BigDecimal.valueOf(2)));
    assertThat(last.volume()).isPresent();
    assertThat(client.candlesAsync(EUR_USD, Granularity.M1, from, to).get()).isEqualTo(candles);
  }

  @Test
  void candleRequestsOandaCannotServeAreRefusedBeforeSending() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    assertThatThrownBy(() -> client.candles(EUR_USD, Granularity.M1, from, from.plus(Duration.ofMinutes(5000))))
        .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("to");
    assertThatThrownBy(() -> client.candles(EUR_USD, Granularity.H5, from, from.plusSeconds(3600)))
        .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("granularity");
    assertThatThrownBy(() -> client.candles(EUR_USD, Granularity.M1, from.plusSeconds(60), from))
        .isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void instrumentsAreTheSandboxsCurrencyPairs() throws Exception {
    List<FxInstrument> instruments = client.instruments();
    assertThat(instruments).extracting(FxInstrument::pair)
        .containsExactly(EUR_USD, CurrencyPair.parse("GBP/USD"), USD_JPY);
    assertThat(instruments.get(2).pipSize().toPlainString()).isEqualTo("0.01");
    assertThat(client.instrumentsAsync().get()).isEqualTo(instruments);
  }

  @Test
  void directInverseAndCrossConversionsUseTheMidOfTheQuotedPairs() throws Exception {
    Quote eur = client.quote(EUR_USD);
    Quote jpy = client.quote(USD_JPY);

    Conversion direct = client.convert(new BigDecimal("1000"), EUR, USD);
    assertThat(direct.path().kind()).isEqualTo(ConversionPath.Kind.DIRECT);
    assertThat(direct.result()).isEqualTo(new BigDecimal("1000").multiply(eur.mid()).setScale(2, RoundingMode.HALF_EVEN));

    Conversion inverse = client.convert(new BigDecimal("1000"), USD, EUR, Rounding.minorUnits(RoundingMode.DOWN));
    assertThat(inverse.path().kind()).isEqualTo(ConversionPath.Kind.INVERSE);
    assertThat(inverse.result()).isEqualTo(
        new BigDecimal("1000").divide(eur.mid(), MathContext.DECIMAL128).setScale(2, RoundingMode.DOWN));

    Conversion cross = client.convert(new BigDecimal("250"), EUR, JPY);
    assertThat(cross.path().kind()).isEqualTo(ConversionPath.Kind.CROSS);
    assertThat(cross.path().legs()).extracting(l -> l.pair()).containsExactly(EUR_USD, USD_JPY);
    assertThat(cross.result().scale()).as("yen have no minor unit").isZero();
    assertThat(cross.result()).isEqualTo(
        new BigDecimal("250").multiply(eur.mid()).multiply(jpy.mid()).setScale(0, RoundingMode.HALF_EVEN));

    Conversion crossInverse = client.convertAsync(new BigDecimal("100000"), JPY, Currency.of("GBP")).get();
    assertThat(crossInverse.path().legs()).extracting(l -> l.inverted()).containsExactly(true, true);
    assertThat(crossInverse.to()).isEqualTo(Currency.of("GBP"));
  }

  @Test
  void conversionWithoutARouteIsRefusedNamingTo() {
    assertThatThrownBy(() -> client.convert(BigDecimal.ONE, EUR, Currency.of("CHF")))
        .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("to");
    assertThatThrownBy(() -> client.convert(new BigDecimal("-1"), EUR, USD))
        .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("amount");
  }

  @Test
  void accountSummaryComesFromTheAccountRoute() {
    OandaAccountSummary summary = client.accountSummary();
    assertThat(summary.id()).isEqualTo(OandaRoutes.DEMO_ACCOUNT);
    assertThat(summary.currency()).isEqualTo(USD);
    assertThat(summary.balance().toPlainString()).isEqualTo("100000.0000");
    assertThat(summary.toString()).contains("id=" + OandaRoutes.DEMO_ACCOUNT, "balance=100000.0000")
        .doesNotContain(OandaRoutes.DEMO_TOKEN, "Optional");
  }

  @Test
  void aWrongTokenIsAnAuthenticationErrorThatNeverShowsTheToken() {
    String wrong = "wrong-oanda-token-7c4e";
    try (OandaClient bad = client(wrong)) {
      assertThatThrownBy(bad::accountSummary).isInstanceOfSatisfying(AuthenticationException.class, e -> {
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).doesNotContain(wrong);
      });
    }
  }
}
