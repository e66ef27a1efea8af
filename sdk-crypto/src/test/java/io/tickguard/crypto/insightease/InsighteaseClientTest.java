package io.tickguard.crypto.insightease;

import io.tickguard.core.throttle.Throttle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.InstrumentStatus;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** InsighteaseClient against hand-made envelopes (no vendor sample could be retrieved). */
class InsighteaseClientTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  static final Symbol ETH_USD = Symbol.of("ETH", "USD");

  /** Adds the key as the vendor requires: the {@code api_key} query parameter. */
  static final class ApiKeyParameter implements RequestAuthenticator {
    @Override
    public Set<Scope> grantedScopes() {
      return EnumSet.of(Scope.MARKET_DATA);
    }

    @Override
    public Request authenticate(Request request, ApiRequest apiRequest) {
      return request.newBuilder().url(request.url().newBuilder().addQueryParameter("api_key", "test-key").build()).build();
    }
  }

  private MockApi server;
  private InsighteaseClient client;

  @BeforeEach
  void start() {
    server = new MockApi();
    client = InsighteaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).authenticator(new ApiKeyParameter()).build();
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
  void instrumentsFromCryptoListingsCarryNoInventedRules() {
    fixture("list.handmade.json");
    List<Instrument> instruments = client.instruments();
    assertThat(instruments).extracting(Instrument::symbol).containsExactly(BTC_USD, ETH_USD);
    assertThat(instruments.get(0).tickSize()).isEmpty();
    assertThat(instruments.get(0).status().kind()).isEqualTo(InstrumentStatus.Kind.UNKNOWN);
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/crypto/list");
    assertThat(r.getUrl().queryParameter("type")).isEqualTo("crypto");
    assertThat(r.getUrl().queryParameter("api_key")).isEqualTo("test-key");
  }

  @Test
  void tickersComeFromOneLatestCallInTheOrderAsked() {
    fixture("latest.handmade.json");
    List<Ticker> tickers = client.tickers(ETH_USD, BTC_USD);
    assertThat(tickers).extracting(Ticker::symbol).containsExactly(ETH_USD, BTC_USD);
    Ticker btc = tickers.get(1);
    assertThat(btc.bid()).isEqualByComparingTo("41999.50");
    assertThat(btc.ask()).isEqualByComparingTo("42000.50");
    assertThat(btc.high24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("42300"));
    assertThat(btc.time()).contains(Instant.ofEpochSecond(1704067190));
    assertThat(server.take().getUrl().queryParameter("symbol")).isEqualTo("ETH/USD,BTC/USD");
  }

  @Test
  void statusFalseInsideHttp200IsAnErrorWithTheProviderCode() {
    fixture("error-generic.handmade.json");
    assertThatThrownBy(() -> client.ticker(BTC_USD))
        .isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.providerCode()).contains("113"));
  }

  @Test
  void invalidKeyInsideHttp200IsAnAuthenticationFailure() {
    fixture("error-invalid-key.handmade.json");
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("101"));
  }

  @Test
  void envelopeWithoutStatusIsRefused() {
    server.json(200, "{\"code\":200,\"response\":[]}");
    assertThatThrownBy(() -> client.instruments())
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("status"));
  }

  @Test
  void candlesFromHistory() {
    fixture("history.handmade.json");
    Instant from = Instant.ofEpochSecond(1703995200);
    List<Candle> candles = client.candles(BTC_USD, Interval.ONE_HOUR, from, from.plusSeconds(3600));
    assertThat(candles).hasSize(2);
    assertThat(candles.get(1).close()).isEqualByComparingTo("42000.00");
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/crypto/history");
    assertThat(r.getUrl().queryParameter("period")).isEqualTo("1h");
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
    String hundred = String.join(",", java.util.Collections.nCopies(100, "BTC/USD"));
    assertThat(InsighteaseEndpoints.LATEST.request().query("symbol", "BTC/USD").build().weight()).isEqualTo(1);
    assertThat(InsighteaseEndpoints.LATEST.request().query("symbol", hundred).build().weight()).isEqualTo(1);
    assertThat(InsighteaseEndpoints.LATEST.request().query("symbol", hundred + ",ETH/USD").build().weight()).isEqualTo(2);
    // 250 hourly candles: 3 credits.
    assertThat(InsighteaseEndpoints.HISTORY.request().query("symbol", "BTC/USD").query("period", "1h")
        .query("from", "0").query("to", String.valueOf(249 * 3600)).build().weight()).isEqualTo(3);
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
    assertThat(server.requestCount()).isZero();
  }
}
