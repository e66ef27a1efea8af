package io.tickguard.forex.insightease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.Scope;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.insightease.InsighteaseRoutes;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimCandle;
import io.tickguard.testkit.market.SimTicker;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * InsighteaseForexClient against the sandbox's {@link InsighteaseRoutes} over pinned TLS: every
 * {@code ForexMarketData} method, sync and async, with the simulator as the oracle on one virtual
 * clock, and the credits the calls cost.
 */
class InsighteaseForexSandboxTest {
  private static final String KEY = "ie-forex-sandbox-key-7d21";
  private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");
  private static final CurrencyPair USD_JPY = CurrencyPair.parse("USD/JPY");
  private static SandboxServer sandbox;
  private static InsighteaseRoutes routes;
  private static InsighteaseForexClient client;

  @BeforeAll
  static void start() {
    List<Instrument> instruments = new ArrayList<>(MarketSimulator.defaultInstruments());
    instruments.add(new Instrument("USD-JPY", new BigDecimal("149.500"), new BigDecimal("0.001"), new BigDecimal("1000"), 5_000, 0.007));
    routes = new InsighteaseRoutes();
    sandbox = SandboxServer.builder().clock(CLOCK).demoRoutes(false).instruments(instruments).routes(routes)
        .apiKey(KEY, "unused", Scope.MARKET_DATA).start();
    client = InsighteaseForexClient.builder().config(sandbox.clientConfigBuilder().clock(CLOCK).build())
        .credentials(InsighteaseKeys.apiKey(KEY)).build();
  }

  @AfterAll
  static void stop() {
    client.close();
    sandbox.close();
  }

  @Test
  void keylessClientIsRefusedBeforeAnyIoNamingTheRealBuilderMethod() throws Exception {
    try (mockwebserver3.MockWebServer server = new mockwebserver3.MockWebServer()) {
      server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
      try (InsighteaseForexClient keyless = InsighteaseForexClient.builder().baseUrl(server.url("/").toString())
          .allowPlaintextLoopback(true).build()) {
        assertThatThrownBy(() -> keyless.quote(EUR_USD))
            .isInstanceOfSatisfying(io.tickguard.core.ConfigurationException.class,
                e -> assertThat(e.setting()).isEqualTo("credentials"))
            .hasMessageContaining("InsighteaseForexClient.builder().credentials(InsighteaseKeys.apiKey(");
      }
      assertThat(server.getRequestCount()).as("no connection, no credit").isZero();
    }
  }

  @Test
  void quotesAreTheSimulatorsIndicativeBidAndAsk() throws Exception {
    SimTicker eur = sandbox.market().ticker("EUR-USD");
    List<Quote> quotes = client.quotes(EUR_USD, USD_JPY);
    assertThat(quotes.get(0).bid()).isEqualTo(eur.bid());
    assertThat(quotes.get(0).ask()).isEqualTo(eur.ask());
    assertThat(quotes.get(0).status()).isEqualTo(QuoteStatus.INDICATIVE);
    assertThat(quotes.get(1).pipLocation()).isEqualTo(-2);
    assertThat(client.quoteAsync(USD_JPY).get()).isEqualTo(quotes.get(1));
    assertThat(client.quotesAsync(EUR_USD, USD_JPY).get()).as("the async variant answers what the sync call does")
        .isEqualTo(quotes);
    List<InsighteaseForexTicker> tickers = client.latest(EUR_USD);
    assertThat(tickers.get(0).close()).isEqualTo(eur.last());
    assertThat(tickers.get(0).open()).contains(eur.open24h());
    assertThat(tickers.get(0).change()).isEqualByComparingTo(eur.last().subtract(eur.open24h()));
  }

  @Test
  void candlesAreTheSimulatorsHourlyCandlesOfTheWindow() throws Exception {
    Instant from = Instant.parse("2026-03-02T06:00:00Z");
    Instant to = Instant.parse("2026-03-02T09:00:00Z");
    List<FxCandle> candles = client.candles(EUR_USD, Granularity.H1, from, to);
    List<SimCandle> sim = sandbox.market().candles("EUR-USD", CandleInterval.H1, 5).subList(0, 4);
    assertThat(candles).extracting(FxCandle::time).containsExactlyElementsOf(sim.stream().map(SimCandle::openTime).toList());
    for (int i = 0; i < sim.size(); i++) {
      assertThat(candles.get(i).mid().get().close()).isEqualTo(sim.get(i).close());
      assertThat(candles.get(i).complete()).isTrue();
    }
    assertThat(client.candlesAsync(EUR_USD, Granularity.H1, from, to).get()).isEqualTo(candles);
  }

  @Test
  void instrumentsAreTheSimulatedCurrencyPairsWithTheirDecimals() throws Exception {
    List<FxInstrument> list = client.instruments();
    assertThat(list).extracting(FxInstrument::pair).containsExactly(EUR_USD, CurrencyPair.parse("GBP/USD"), USD_JPY);
    assertThat(list).extracting(i -> i.displayPrecision().getAsInt()).containsExactly(5, 5, 3);
    assertThat(client.instrumentsAsync().get()).isEqualTo(list);
  }

  @Test
  void conversionsUseTheVendorsRateDirectInverseAndCross() throws Exception {
    BigDecimal eur = sandbox.market().ticker("EUR-USD").last();
    BigDecimal jpy = sandbox.market().ticker("USD-JPY").last();
    BigDecimal gbp = sandbox.market().ticker("GBP-USD").last();

    Conversion direct = client.convert(new BigDecimal("200"), Currency.of("EUR"), Currency.of("USD"));
    assertThat(direct.rate()).isEqualTo(eur.setScale(6, RoundingMode.HALF_EVEN));
    assertThat(direct.result()).isEqualTo(new BigDecimal("200").multiply(direct.rate()).setScale(2, RoundingMode.HALF_EVEN));

    Conversion inverse = client.convert(new BigDecimal("1000"), Currency.of("JPY"), Currency.of("USD"));
    assertThat(inverse.rate()).isEqualTo(
        BigDecimal.ONE.divide(jpy, MathContext.DECIMAL128).setScale(6, RoundingMode.HALF_EVEN));

    Conversion cross = client.convertAsync(new BigDecimal("10"), Currency.of("GBP"), Currency.of("JPY")).get();
    assertThat(cross.rate()).isEqualTo(gbp.multiply(jpy).setScale(6, RoundingMode.HALF_EVEN));
    assertThat(cross.result().scale()).isZero();
  }

  @Test
  void callsSpendTheSharedCreditBudget() {
    long before = routes.creditsUsed(KEY);
    client.quote(EUR_USD);
    client.convert(BigDecimal.ONE, Currency.of("EUR"), Currency.of("USD"));
    assertThat(routes.creditsUsed(KEY) - before).isEqualTo(2);
  }
}
