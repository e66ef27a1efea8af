package io.tickguard.forex.insightease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.ConversionPath;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.ForexFixtures;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Insightease forex client over the vendor's README sample and hand-made envelopes (fixtures/insightease). */
class InsighteaseForexFixturesTest {
  private static final String KEY = "ie-forex-fixture-key-93ad";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private final MockWebServer server = new MockWebServer();
  private InsighteaseForexClient client;

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = InsighteaseForexClient.builder()
        .config(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).clock(clock).build())
        .credentials(InsighteaseKeys.apiKey(KEY)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void serve(String fixture) {
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(ForexFixtures.read(fixture)).build());
  }

  private RecordedRequest take() throws InterruptedException {
    return server.takeRequest(30, TimeUnit.SECONDS);
  }

  @Test
  void readmeSampleIsTypedExactlyInTheLongSpelling() throws InterruptedException {
    clock.set(Instant.parse("2024-02-13T07:30:00Z"));
    serve("insightease/latest-readme.json");
    List<InsighteaseForexTicker> tickers = client.latest(CurrencyPair.parse("GBP/USD"), CurrencyPair.parse("EUR/USD"));
    InsighteaseForexTicker eur = tickers.get(1);
    assertThat(eur.close().toPlainString()).isEqualTo("1.12345");
    assertThat(eur.change()).isEqualByComparingTo("0.00234");
    assertThat(eur.changePercent()).isEqualByComparingTo("0.21");
    assertThat(eur.time()).isEqualTo(Instant.ofEpochSecond(1707809123));
    assertThat(eur.bid()).isEmpty();
    InsighteaseForexTicker gbp = tickers.get(0);
    assertThat(gbp.change().toPlainString()).isEqualTo("-0.00056");
    assertThat(gbp.changePercent().toPlainString()).isEqualTo("-0.04");
    RecordedRequest r = take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/forex/latest");
    assertThat(r.getUrl().queryParameter("symbol")).isEqualTo("GBP/USD,EUR/USD");
    assertThat(r.getUrl().queryParameter("api_key")).isEqualTo(KEY);
  }

  @Test
  void latestShortKeysBecomeIndicativeQuotesWithBidAskWhenThePlanSendsThem() {
    serve("insightease/latest.handmade.json");
    List<Quote> quotes = client.quotes(CurrencyPair.parse("EUR/USD"), CurrencyPair.parse("USD/JPY"));
    Quote eur = quotes.get(0);
    assertThat(eur.status()).isEqualTo(QuoteStatus.INDICATIVE);
    assertThat(eur.bid().toPlainString()).isEqualTo("1.08650");
    assertThat(eur.ask().toPlainString()).isEqualTo("1.08662");
    assertThat(eur.spreadPips()).isEqualByComparingTo("1.2");
    assertThat(eur.stale()).isFalse();
    Quote jpy = quotes.get(1);
    assertThat(jpy.bid()).as("no a/b on this item: both sides are the last price").isEqualTo(jpy.ask());
    assertThat(jpy.bid().toPlainString()).isEqualTo("149.521");
    assertThat(jpy.pipLocation()).isEqualTo(-2);
  }

  @Test
  void keyedHistoryBecomesMidCandlesOldestFirst() throws InterruptedException {
    serve("insightease/history-keyed.handmade.json");
    List<FxCandle> candles = client.candles(CurrencyPair.parse("EUR/USD"), Granularity.H1,
        Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(candles).extracting(FxCandle::time)
        .containsExactly(Instant.parse("2026-03-02T09:00:00Z"), Instant.parse("2026-03-02T10:00:00Z"));
    assertThat(candles.get(0).mid().get().close().toPlainString()).isEqualTo("1.08600");
    assertThat(candles.get(0).bid()).isEmpty();
    assertThat(candles.get(0).volume()).contains(new BigDecimal("1544"));
    assertThat(candles.get(0).complete()).isTrue();
    assertThat(candles.get(1).complete()).isFalse();
    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("period")).isEqualTo("1h");
    assertThat(r.getUrl().queryParameter("from")).isEqualTo("2026-03-02");
  }

  @Test
  void listKeepsCurrencyPairsWithTheVendorsDecimals() {
    serve("insightease/list.handmade.json");
    List<FxInstrument> list = client.instruments();
    assertThat(list).extracting(FxInstrument::providerSymbol).containsExactly("EUR/USD", "USD/JPY", "XAU/USD");
    assertThat(list.get(0).displayPrecision()).hasValue(5);
    assertThat(list.get(1).pipLocation()).isEqualTo(-2);
  }

  @Test
  void converterUsesTheDynamicPriceKeyOfTheSourceCurrency() throws InterruptedException {
    serve("insightease/converter.handmade.json");
    Conversion c = client.convert(new BigDecimal("200"), Currency.of("EUR"), Currency.of("USD"));
    assertThat(c.rate().toPlainString()).isEqualTo("1.086560");
    assertThat(c.result().toPlainString()).isEqualTo("217.31");
    assertThat(c.path().kind()).isEqualTo(ConversionPath.Kind.DIRECT);
    assertThat(c.path().legs().get(0).time()).isEqualTo(Instant.parse("2026-03-02T10:00:10Z"));
    RecordedRequest r = take();
    assertThat(r.getUrl().queryParameter("pair1")).isEqualTo("EUR");
    assertThat(r.getUrl().queryParameter("amount")).isEqualTo("200");
  }

  @Test
  void converterAnswerForOtherCurrenciesIsRefused() {
    serve("insightease/converter.handmade.json");
    assertThatThrownBy(() -> client.convert(new BigDecimal("200"), Currency.of("GBP"), Currency.of("USD")))
        .isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void envelopeErrorsAreTypedWithoutTheKey() {
    serve("insightease/error-invalid-key.handmade.json");
    assertThatThrownBy(() -> client.quote(CurrencyPair.parse("EUR/USD")))
        .isInstanceOf(AuthenticationException.class).satisfies(e -> assertThat(e.getMessage()).doesNotContain(KEY));
    serve("insightease/error-credits.handmade.json");
    assertThatThrownBy(() -> client.instruments()).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void badArgumentsAreRefusedBeforeSending() {
    assertThatThrownBy(() -> client.candles(CurrencyPair.parse("EUR/USD"), Granularity.S5, Instant.EPOCH, Instant.EPOCH))
        .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).field()).isEqualTo("granularity");
    assertThatThrownBy(() -> client.quotes()).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.convert(BigDecimal.TEN, Currency.of("USD"), Currency.of("XAU")))
        .isInstanceOf(InvalidRequestException.class).extracting(e -> ((InvalidRequestException) e).field())
        .isEqualTo("rounding.scale");
    assertThat(server.getRequestCount()).isZero();
  }
}
