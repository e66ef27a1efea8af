package io.tickguard.testkit.insightease;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The Insightease routes over the sandbox's pinned TLS, called raw so every wire detail is visible. */
class InsighteaseRoutesTest {
  static final String KEY = "ie-sandbox-key-91b2c7";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private SandboxServer sandbox;
  private InsighteaseRoutes routes;
  private OkHttpClient http;

  private void start(InsighteaseRoutes r, List<Instrument> instruments) {
    routes = r;
    SandboxServer.Builder b = SandboxServer.builder().clock(clock).demoRoutes(false).routes(r)
        .apiKey(KEY, "unused", Scope.MARKET_DATA);
    if (instruments != null) {
      b.instruments(instruments);
    }
    sandbox = b.start();
    HandshakeCertificates certs = new HandshakeCertificates.Builder().addTrustedCertificate(sandbox.caCertificate()).build();
    http = new OkHttpClient.Builder().sslSocketFactory(certs.sslSocketFactory(), certs.trustManager())
        .certificatePinner(new CertificatePinner.Builder().add("127.0.0.1", sandbox.pin()).build())
        // Pricing hundreds of simulated pairs takes seconds on a loaded 2-core machine: only a hang guard.
        .readTimeout(Duration.ofMinutes(1)).build();
  }

  private void start() {
    start(new InsighteaseRoutes(), null);
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private JsonNode get(String path, String... params) {
    HttpUrl.Builder url = sandbox.url(path).newBuilder();
    for (int i = 0; i < params.length; i += 2) {
      url.addQueryParameter(params[i], params[i + 1]);
    }
    try (Response response = http.newCall(new Request.Builder().url(url.build()).build()).execute()) {
      assertThat(response.code()).as("Insightease answers errors inside HTTP 200").isEqualTo(200);
      assertThat(response.header("Content-Type")).startsWith("application/json");
      return SandboxJson.read(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertError(JsonNode body, int code) {
    assertThat(body.get("status").booleanValue()).isFalse();
    assertThat(body.get("code").intValue()).isEqualTo(code);
    assertThat(body.get("response").isNull()).isTrue();
    assertThat(body.get("msg").asString()).isNotBlank();
  }

  @Test
  void cryptoListingLeavesForexOutAndCostsOneCredit() {
    start();
    JsonNode body = get("/forex/list", "type", "crypto", "api_key", KEY);
    assertThat(body.get("status").booleanValue()).isTrue();
    assertThat(body.get("code").intValue()).isEqualTo(200);
    List<String> symbols = new ArrayList<>();
    body.get("response").forEach(n -> {
      symbols.add(n.get("symbol").asString());
      assertThat(n.get("type").asString()).isEqualTo("crypto");
    });
    assertThat(symbols).containsExactly("BTC/USDT", "ETH/USDT", "SOL/USDT");
    assertThat(body.get("info").get("credit_count").longValue()).isEqualTo(1);
    assertThat(get("/forex/list", "type", "forex", "api_key", KEY).get("response"))
        .extracting(n -> n.get("symbol").asString()).containsExactly("EUR/USD", "GBP/USD");
    assertThat(routes.creditsUsed(KEY)).isEqualTo(2);
  }

  @Test
  void missingOrUnknownKeyIsStatusFalseInsideHttp200AndNeverEchoed() {
    start();
    assertError(get("/forex/list", "type", "crypto"), InsighteaseRoutes.CODE_INVALID_KEY);
    JsonNode unknown = get("/forex/latest", "symbol", "BTC/USDT", "api_key", "not-a-registered-key");
    assertError(unknown, InsighteaseRoutes.CODE_INVALID_KEY);
    assertThat(unknown.toString()).doesNotContain("not-a-registered-key");
    assertThat(routes.creditsUsed("not-a-registered-key")).isZero();
  }

  @Test
  void latestAnswersKnownPairsWithTheDocumentedFieldsAndTheSimulatorsPrices() {
    start();
    JsonNode body = get("/forex/latest", "symbol", "ETH/USDT,BTC/USDT,NOPE/USD", "api_key", KEY);
    JsonNode response = body.get("response");
    assertThat(response).extracting(n -> n.get("s").asString()).containsExactly("ETH/USDT", "BTC/USDT");
    JsonNode btc = response.get(1);
    var ticker = sandbox.market().ticker("BTC-USDT");
    assertThat(new BigDecimal(btc.get("c").asString())).isEqualByComparingTo(ticker.last());
    assertThat(new BigDecimal(btc.get("b").asString())).isLessThan(new BigDecimal(btc.get("a").asString()));
    assertThat(btc.get("t").asString()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    assertThat(btc.get("tm").asString()).isEqualTo("2026-03-02 10:00:10");
    for (String field : List.of("o", "h", "l", "sp", "ch", "cp")) {
      assertThat(btc.has(field)).as(field).isTrue();
    }
    assertError(get("/forex/latest", "symbol", "NOPE/USD", "api_key", KEY), InsighteaseRoutes.CODE_SYMBOL_NOT_FOUND);
    assertThat(routes.creditsUsed(KEY)).as("only the successful answer is charged").isEqualTo(1);
  }

  @Test
  void latestOnAPlanWithoutBidAndAskLeavesThemOutAndKeepsThePrice() {
    start(new InsighteaseRoutes(InsighteaseRoutes.BASIC_MONTHLY_CREDITS, false), null);
    JsonNode btc = get("/forex/latest", "symbol", "BTC/USDT", "api_key", KEY).get("response").get(0);
    assertThat(new BigDecimal(btc.get("c").asString())).isEqualByComparingTo(sandbox.market().ticker("BTC-USDT").last());
    for (String field : List.of("a", "b", "sp")) {
      assertThat(btc.has(field)).as(field).isFalse();
    }
    for (String field : List.of("o", "h", "l", "ch", "cp", "t", "tm")) {
      assertThat(btc.has(field)).as(field).isTrue();
    }
  }

  @Test
  void latestCostsOneCreditPerHundredPairsAnswered() {
    List<Instrument> many = new ArrayList<>();
    List<String> wire = new ArrayList<>();
    for (int i = 1; i <= 101; i++) {
      String base = String.format("C%03d", i);
      many.add(new Instrument(base + "-USDT", new BigDecimal("10.00"), new BigDecimal("0.01"), new BigDecimal("0.1"), 10, 0.05));
      wire.add(base + "/USDT");
    }
    start(new InsighteaseRoutes(), many);
    JsonNode body = get("/forex/latest", "symbol", String.join(",", wire), "api_key", KEY);
    assertThat(body.get("response").size()).isEqualTo(101);
    assertThat(body.get("info").get("credit_count").longValue()).isEqualTo(2);
    assertThat(routes.creditsUsed(KEY)).isEqualTo(2);
  }

  @Test
  void historyServesTheAskedUtcDaysOldestFirstUpToNow() {
    start();
    JsonNode body = get("/forex/history", "symbol", "BTC/USDT", "period", "1h", "from", "2026-03-02", "to", "2026-03-02",
        "api_key", KEY);
    JsonNode candles = body.get("response");
    assertThat(candles.size()).as("00:00 to the 10:00 candle in progress").isEqualTo(11);
    long previous = 0;
    for (JsonNode c : candles) {
      long t = Long.parseLong(c.get("t").asString());
      assertThat(t).isGreaterThan(previous);
      assertThat(new BigDecimal(c.get("l").asString())).isLessThanOrEqualTo(new BigDecimal(c.get("h").asString()));
      assertThat(c.has("v")).isTrue();
      previous = t;
    }
    assertThat(candles.get(0).get("tm").asString()).isEqualTo("2026-03-02 00:00:00");
    assertThat(body.get("info").get("credit_count").longValue()).isEqualTo(1);
    // Two days of 15-minute candles: 96 + 41 = 137 -> 2 credits.
    JsonNode two = get("/forex/history", "symbol", "BTC/USDT", "period", "15m", "from", "2026-03-01", "to", "2026-03-02",
        "api_key", KEY);
    assertThat(two.get("response").size()).isEqualTo(96 + 41);
    assertThat(two.get("info").get("credit_count").longValue()).isEqualTo(2);
  }

  @Test
  void historyRefusesBadPeriodsDatesSymbolsAndUnknownParameters() {
    start();
    assertError(get("/forex/history", "symbol", "BTC/USDT", "period", "7m", "api_key", KEY), InsighteaseRoutes.CODE_INVALID_PARAMETER);
    assertError(get("/forex/history", "symbol", "BTC/USDT", "period", "1h", "from", "1700000000", "to", "2026-03-02",
        "api_key", KEY), InsighteaseRoutes.CODE_INVALID_PARAMETER);
    assertError(get("/forex/history", "symbol", "NOPE/USD", "period", "1h", "api_key", KEY), InsighteaseRoutes.CODE_SYMBOL_NOT_FOUND);
    assertError(get("/forex/history", "symbol", "BTC/USDT", "period", "1h", "limit2", "1", "api_key", KEY),
        InsighteaseRoutes.CODE_INVALID_PARAMETER);
    assertThat(routes.creditsUsed(KEY)).isZero();
  }

  @Test
  void candleServesTheCandleInProgressPerPair() {
    start();
    JsonNode body = get("/forex/candle", "symbol", "BTC/USDT,SOL/USDT", "period", "1h", "api_key", KEY);
    assertThat(body.get("response")).extracting(n -> n.get("s").asString()).containsExactly("BTC/USDT", "SOL/USDT");
    assertThat(body.get("response").get(0).get("t").asString())
        .isEqualTo(Long.toString(Instant.parse("2026-03-02T10:00:00Z").getEpochSecond()));
  }

  @Test
  void creditQuotaIsEnforcedPerKeyAndMonthAndRefreshesNextMonth() {
    start(new InsighteaseRoutes(3), null);
    for (int i = 0; i < 3; i++) {
      assertThat(get("/forex/list", "type", "crypto", "api_key", KEY).get("status").booleanValue()).isTrue();
    }
    JsonNode refused = get("/forex/list", "type", "crypto", "api_key", KEY);
    assertError(refused, InsighteaseRoutes.CODE_CREDITS_EXHAUSTED);
    assertThat(refused.get("msg").asString()).contains("credit limit");
    assertThat(routes.creditsUsed(KEY)).isEqualTo(3);
    clock.advance(Duration.ofDays(30)); // 2026-04-01
    assertThat(get("/forex/list", "type", "crypto", "api_key", KEY).get("status").booleanValue()).isTrue();
    assertThat(routes.creditsUsed(KEY)).isEqualTo(1);
  }

  @Test
  void aFormPostAsTheVendorsLibrariesSendIsAnsweredAlike() throws IOException {
    start();
    okhttp3.RequestBody form = new okhttp3.FormBody.Builder().add("symbol", "BTC/USDT").add("api_key", KEY).build();
    try (Response response = http.newCall(new Request.Builder().url(sandbox.url("/forex/latest")).post(form).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
      JsonNode body = SandboxJson.read(response.body().string());
      assertThat(body.get("status").booleanValue()).isTrue();
      assertThat(body.get("response").get(0).get("s").asString()).isEqualTo("BTC/USDT");
    }
    okhttp3.RequestBody keyless = new okhttp3.FormBody.Builder().add("type", "crypto").build();
    try (Response response = http.newCall(new Request.Builder().url(sandbox.url("/forex/list")).post(keyless).build()).execute()) {
      assertError(SandboxJson.read(response.body().string()), InsighteaseRoutes.CODE_INVALID_KEY);
    }
    assertThat(routes.creditsUsed(KEY)).isEqualTo(1);
  }

  @Test
  void oneInstanceServesOneSandboxAndPlansArePositive() {
    start();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SandboxServer.builder().routes(routes).start())
        .isInstanceOf(IllegalStateException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new InsighteaseRoutes(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(MarketSimulator.MAX_SCAN_SECONDS).isPositive();
  }
}
