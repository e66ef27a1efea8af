package io.tickguard.crypto.insightease;

import io.tickguard.crypto.insightease.internal.InsighteaseEndpoints;
import io.tickguard.market.insightease.InsighteaseKeys;
import io.tickguard.market.insightease.InsighteaseLimits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.InstrumentStatus;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** InsighteaseClient against hand-made envelopes (no vendor response sample could be retrieved). */
class InsighteaseClientTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  static final Symbol ETH_USD = Symbol.of("ETH", "USD");
  static final String KEY = "ie-unit-test-key-7f3a9c";

  private MockApi server;
  private InsighteaseClient client;

  @BeforeEach
  void start() {
    server = new MockApi();
    client = InsighteaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).credentials(InsighteaseKeys.apiKey(KEY)).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void fixture(String name) {
    server.json(200, Fixtures.json("insightease/" + name));
  }

  @Test
  void keylessClientIsRefusedInTheGuardBeforeAnyIoOrCreditNamingTheRealBuilderMethod() {
    server.json(200, "{}");
    try (InsighteaseClient keyless = InsighteaseClient.builder().config(server.config()).build()) {
      assertThatThrownBy(() -> keyless.ticker(BTC_USD))
          .isInstanceOfSatisfying(io.tickguard.core.ConfigurationException.class,
              e -> assertThat(e.setting()).isEqualTo("credentials"))
          .hasMessageContaining("InsighteaseClient.builder().credentials(InsighteaseKeys.apiKey(");
    }
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void instrumentsFromCryptoListingsCarryTheKeyAsApiKeyAndNoInventedRules() {
    fixture("list.handmade.json");
    List<Instrument> instruments = client.instruments();
    assertThat(instruments).extracting(Instrument::symbol).containsExactly(BTC_USD, ETH_USD);
    assertThat(instruments.get(0).tickSize()).isEmpty();
    assertThat(instruments.get(0).status().kind()).isEqualTo(InstrumentStatus.Kind.UNKNOWN);
    RecordedRequest r = server.take();
    assertThat(r.getMethod()).isEqualTo("GET");
    assertThat(r.getUrl().encodedPath()).isEqualTo("/forex/list");
    assertThat(r.getUrl().queryParameter("type")).isEqualTo("crypto");
    assertThat(r.getUrl().queryParameter("api_key")).isEqualTo(KEY);
    assertThat(r.getHeaders().toString()).doesNotContain(KEY);
  }

  @Test
  void tickersComeFromOneLatestCallInTheOrderAsked() {
    fixture("latest.handmade.json");
    List<Ticker> tickers = client.tickers(ETH_USD, BTC_USD);
    assertThat(tickers).extracting(Ticker::symbol).containsExactly(ETH_USD, BTC_USD);
    Ticker btc = tickers.get(1);
    assertThat(btc.last()).isEqualByComparingTo("42000.00");
    assertThat(btc.bid()).isEqualByComparingTo("41999.50");
    assertThat(btc.ask()).isEqualByComparingTo("42000.50");
    assertThat(btc.high24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("42300"));
    assertThat(btc.volume24h()).isEmpty();
    assertThat(btc.time()).contains(Instant.ofEpochSecond(1704067190));
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/forex/latest");
    assertThat(r.getUrl().queryParameter("symbol")).isEqualTo("ETH/USD,BTC/USD");
  }

  @Test
  void aPlanWithoutBidAndAskIsNamedRatherThanInvented() {
    fixture("latest-without-bid-ask.handmade.json");
    assertThatThrownBy(() -> client.ticker(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> {
          assertThat(e.field()).isEqualTo("response[0].b");
          assertThat(e.getMessage()).contains("plans that include them");
        });
  }

  @Test
  void lastPriceIsTheCurrentPriceEvenOnAPlanWithoutBidAndAsk() {
    fixture("latest-without-bid-ask.handmade.json");
    assertThat(client.lastPrice(BTC_USD)).isEqualByComparingTo("42000.00").hasScaleOf(2);
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/forex/latest");
    assertThat(r.getUrl().queryParameter("symbol")).isEqualTo("BTC/USD");
    assertThat(r.getUrl().queryParameter("api_key")).isEqualTo(KEY);
  }

  @Test
  void lastPriceRefusesMoreSymbolsAnotherSymbolOrAPriceThatIsNotPositive() {
    fixture("latest.handmade.json"); // BTC/USD and ETH/USD for one symbol asked
    assertThatThrownBy(() -> client.lastPrice(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("response"));
    String one = Fixtures.json("insightease/latest-without-bid-ask.handmade.json");
    server.json(200, one);
    assertThatThrownBy(() -> client.lastPrice(ETH_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("response[0].s"));
    server.json(200, one.replace("\"c\":\"42000.00\"", "\"c\":\"0\""));
    assertThatThrownBy(() -> client.lastPrice(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("response[0].c"));
  }

  @Test
  void statusFalseInsideHttp200IsAnErrorWithTheProviderCodeNotData() {
    fixture("error-generic.handmade.json");
    assertThatThrownBy(() -> client.ticker(BTC_USD))
        .isExactlyInstanceOf(ProviderException.class)
        .satisfies(e -> {
          TickGuardException t = (TickGuardException) e;
          assertThat(t.providerCode()).contains("120");
          assertThat(t.httpStatus()).contains(200);
          assertThat(t.getMessage()).contains("Something went wrong");
        });
  }

  @Test
  void invalidKeyInsideHttp200IsAnAuthenticationFailure() {
    fixture("error-invalid-key.handmade.json");
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.providerCode()).contains("101");
          assertThat(e.getMessage()).doesNotContain(KEY);
        });
  }

  @Test
  void exhaustedCreditsInsideHttp200AreAServerSideRateLimitOnCredits() {
    fixture("error-credits.handmade.json");
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.providerCode()).contains("104");
          assertThat(e.window()).isEqualTo(InsighteaseLimits.CREDITS);
          assertThat(e.clientSide()).isFalse();
        });
  }

  @Test
  void unknownSymbolIsAnInvalidRequestOnSymbol() {
    fixture("error-symbol.handmade.json");
    assertThatThrownBy(() -> client.ticker(Symbol.of("NOPE", "USD")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("symbol");
          assertThat(e.providerCode()).contains("113");
        });
  }

  @Test
  void aKeyEchoedInTheProvidersMessageIsScrubbed() {
    server.json(200, "{\"status\":false,\"code\":101,\"msg\":\"Key " + KEY + " is not active\",\"response\":null}");
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.getMessage()).doesNotContain(KEY).contains("[redacted]");
          assertThat(e.details().toString()).doesNotContain(KEY);
        });
  }

  @Test
  void envelopeWithoutStatusOrWithNullResponseIsRefused() {
    server.json(200, "{\"code\":200,\"response\":[]}");
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("status"));
    server.json(200, "{\"status\":true,\"code\":200,\"response\":null}");
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("response"));
  }

  @Test
  void candlesFromHistoryAskForTheUtcDaysAndKeepTheWindow() {
    fixture("history.handmade.json");
    Instant from = Instant.ofEpochSecond(1703998800); // 2023-12-31T05:00Z: the 04:00 candle is outside
    List<Candle> candles = client.candles(BTC_USD, Interval.ONE_HOUR, from, from.plusSeconds(3600));
    assertThat(candles).singleElement().satisfies(c -> {
      assertThat(c.openTime()).isEqualTo(from);
      assertThat(c.close()).isEqualByComparingTo("42000.00");
    });
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/forex/history");
    assertThat(r.getUrl().queryParameter("symbol")).isEqualTo("BTC/USD");
    assertThat(r.getUrl().queryParameter("period")).isEqualTo("1h");
    assertThat(r.getUrl().queryParameter("from")).isEqualTo("2023-12-31");
    assertThat(r.getUrl().queryParameter("to")).isEqualTo("2023-12-31");
  }

  @Test
  void candlesKeyedByTimeAreReadAndSortedOldestFirst() {
    fixture("history-keyed.handmade.json");
    Instant from = Instant.ofEpochSecond(1703995200);
    List<Candle> candles = client.candles(BTC_USD, Interval.ONE_HOUR, from, from.plusSeconds(3600));
    assertThat(candles).extracting(Candle::openTime).containsExactly(from, from.plusSeconds(3600));
  }

  @Test
  void candleWithoutVolumeIsRefusedRatherThanZeroed() {
    server.json(200, Fixtures.json("insightease/history.handmade.json").replace("\"v\":\"98.25\",", ""));
    Instant from = Instant.ofEpochSecond(1703995200);
    assertThatThrownBy(() -> client.candles(BTC_USD, Interval.ONE_HOUR, from, from))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("response[0].v"));
  }

  @Test
  void creditWeightCountsPerHundredRecords() {
    String hundred = String.join(",", Collections.nCopies(100, "BTC/USD"));
    assertThat(InsighteaseEndpoints.LATEST.request().query("symbol", "BTC/USD").build().weight()).isEqualTo(1);
    assertThat(InsighteaseEndpoints.LATEST.request().query("symbol", hundred).build().weight()).isEqualTo(1);
    assertThat(InsighteaseEndpoints.LATEST.request().query("symbol", hundred + ",ETH/USD").build().weight()).isEqualTo(2);
    assertThat(InsighteaseEndpoints.LIST.request().query("type", "crypto").build().weight()).isEqualTo(1);
    // One UTC day of hourly candles: 24 -> 1 credit; two days of 15-minute candles: 192 -> 2 credits.
    assertThat(InsighteaseEndpoints.HISTORY.request().query("symbol", "BTC/USD").query("period", "1h")
        .query("from", "2026-03-01").query("to", "2026-03-01").build().weight()).isEqualTo(1);
    assertThat(InsighteaseEndpoints.HISTORY.request().query("symbol", "BTC/USD").query("period", "15m")
        .query("from", "2026-03-01").query("to", "2026-03-02").build().weight()).isEqualTo(2);
  }

  @Test
  void callsAPriceVendorCannotAnswerAreUnsupported() {
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 10)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> client.recentTrades(BTC_USD, 10)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> client.balances()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> client.serverTime()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void unknownIntervalIsRefusedBeforeSending() {
    Instant t = Instant.ofEpochSecond(1703995200);
    assertThatThrownBy(() -> client.candles(BTC_USD, Interval.unknown("7m"), t, t)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.candles(BTC_USD, Interval.ONE_MONTH, t, t)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void builderTakesTheKeyFromASecretAndNeverPrintsIt() {
    InsighteaseClient.Builder b = InsighteaseClient.builder().credentials(InsighteaseKeys.apiKey(Secret.of(KEY.toCharArray())));
    assertThat(b.toString()).doesNotContain(KEY).contains("ie-u");
    assertThatThrownBy(() -> InsighteaseKeys.apiKey(" ")).isInstanceOfSatisfying(
        InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("apiKey"));
    assertThatThrownBy(() -> InsighteaseClient.builder().monthlyCredits(0)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> InsighteaseClient.builder().config(server.config()).credentials(InsighteaseKeys.apiKey(KEY))
        .authenticator(new io.tickguard.crypto.FakeAuthenticator()).build())
        .isInstanceOf(InvalidRequestException.class);
  }
}
