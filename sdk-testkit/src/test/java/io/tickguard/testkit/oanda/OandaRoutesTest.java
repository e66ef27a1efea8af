package io.tickguard.testkit.oanda;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OANDA routes over the sandbox's pinned TLS, called raw so every wire detail is visible. */
class OandaRoutesTest {
  private static final String ACCOUNT = OandaRoutes.DEMO_ACCOUNT;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private final OandaRoutes routes = new OandaRoutes().scriptedStreams();
  private SandboxServer sandbox;
  private OkHttpClient http;

  private void start() {
    List<Instrument> instruments = new ArrayList<>(MarketSimulator.defaultInstruments());
    instruments.add(new Instrument("USD-JPY", new BigDecimal("149.500"), new BigDecimal("0.001"), new BigDecimal("1000"), 5_000, 0.007));
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(routes).instruments(instruments).start();
    HandshakeCertificates certs = new HandshakeCertificates.Builder().addTrustedCertificate(sandbox.caCertificate()).build();
    http = new OkHttpClient.Builder().sslSocketFactory(certs.sslSocketFactory(), certs.trustManager())
        .certificatePinner(new CertificatePinner.Builder().add("127.0.0.1", sandbox.pin()).build())
        .readTimeout(Duration.ofSeconds(5)).build();
  }

  @AfterEach
  void stop() {
    routes.stopStreams();
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private Response call(String token, String path, String... params) {
    HttpUrl.Builder url = sandbox.url(path).newBuilder();
    for (int i = 0; i < params.length; i += 2) {
      url.addQueryParameter(params[i], params[i + 1]);
    }
    Request.Builder r = new Request.Builder().url(url.build());
    if (token != null) {
      r.header("Authorization", "Bearer " + token);
    }
    try {
      return http.newCall(r.build()).execute();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode json(Response response, int status) {
    try (response) {
      assertThat(response.code()).isEqualTo(status);
      assertThat(response.header("RequestID")).isNotBlank();
      return SandboxJson.read(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void everyRouteRefusesAMissingOrWrongBearerTokenWithOandasErrorBody() {
    start();
    for (String path : List.of("/v3/accounts/" + ACCOUNT + "/summary", "/v3/accounts/" + ACCOUNT + "/instruments",
        "/v3/instruments/EUR_USD/candles", "/v3/accounts/" + ACCOUNT + "/pricing/stream")) {
      JsonNode missing = json(call(null, path, "instruments", "EUR_USD"), 401);
      assertThat(missing.get("errorMessage").asString()).isEqualTo("Insufficient authorization to perform request.");
      json(call("wrong-token", path, "instruments", "EUR_USD"), 401);
    }
    assertThat(routes.streamConnections()).isZero();
  }

  @Test
  void anotherAccountIsForbidden() {
    start();
    json(call(OandaRoutes.DEMO_TOKEN, "/v3/accounts/101-004-9999999-001/summary"), 403);
  }

  @Test
  void instrumentsAreTheSimulatedCurrencyPairsWithJpyPipsAtTwoDecimals() {
    start();
    JsonNode body = json(call(OandaRoutes.DEMO_TOKEN, "/v3/accounts/" + ACCOUNT + "/instruments"), 200);
    List<String> names = new ArrayList<>();
    body.get("instruments").forEach(i -> names.add(i.get("name").asString()));
    assertThat(names).containsExactly("EUR_USD", "GBP_USD", "USD_JPY");
    JsonNode jpy = body.get("instruments").get(2);
    assertThat(jpy.get("pipLocation").intValue()).isEqualTo(-2);
    assertThat(jpy.get("displayPrecision").intValue()).isEqualTo(3);
    assertThat(jpy.get("type").asString()).isEqualTo("CURRENCY");
    assertThat(body.get("instruments").get(0).get("pipLocation").intValue()).isEqualTo(-4);
  }

  @Test
  void pricingAnswersStringDecimalsAndRefusesUnknownInstruments() {
    start();
    JsonNode body = json(call(OandaRoutes.DEMO_TOKEN, "/v3/accounts/" + ACCOUNT + "/pricing",
        "instruments", "EUR_USD,USD_JPY"), 200);
    JsonNode eur = body.get("prices").get(0);
    assertThat(eur.get("instrument").asString()).isEqualTo("EUR_USD");
    assertThat(eur.get("bids").get(0).get("price").isString()).isTrue();
    assertThat(new BigDecimal(eur.get("bids").get(0).get("price").asString()))
        .isLessThan(new BigDecimal(eur.get("asks").get(0).get("price").asString()));
    assertThat(eur.get("time").asString()).isEqualTo("2026-03-02T10:00:10.000000000Z");
    JsonNode bad = json(call(OandaRoutes.DEMO_TOKEN, "/v3/accounts/" + ACCOUNT + "/pricing", "instruments", "BTC_USDT"), 400);
    assertThat(bad.get("errorMessage").asString()).isEqualTo("Invalid value specified for 'instruments'");
  }

  @Test
  void candlesHonourPriceComponentsWindowAndCountLimits() {
    start();
    JsonNode body = json(call(OandaRoutes.DEMO_TOKEN, "/v3/instruments/EUR_USD/candles", "price", "MBA",
        "granularity", "M1", "from", "2026-03-02T09:55:00Z", "to", "2026-03-02T10:00:00Z"), 200);
    JsonNode candles = body.get("candles");
    assertThat(candles.size()).isEqualTo(6);
    assertThat(candles.get(0).get("time").asString()).isEqualTo("2026-03-02T09:55:00.000000000Z");
    JsonNode last = candles.get(5);
    assertThat(last.get("complete").booleanValue()).as("10:00 candle still forming at 10:00:10").isFalse();
    BigDecimal bid = new BigDecimal(last.get("bid").get("o").asString());
    BigDecimal ask = new BigDecimal(last.get("ask").get("o").asString());
    BigDecimal mid = new BigDecimal(last.get("mid").get("o").asString());
    assertThat(bid.add(ask)).isEqualByComparingTo(mid.multiply(BigDecimal.valueOf(2)));
    assertThat(candles.get(0).get("complete").booleanValue()).isTrue();

    JsonNode midOnly = json(call(OandaRoutes.DEMO_TOKEN, "/v3/instruments/EUR_USD/candles", "granularity", "M5",
        "count", "3"), 200);
    assertThat(midOnly.get("candles").size()).isEqualTo(3);
    assertThat(midOnly.get("candles").get(0).has("bid")).isFalse();

    assertThat(json(call(OandaRoutes.DEMO_TOKEN, "/v3/instruments/EUR_USD/candles", "granularity", "M1",
        "count", "5001"), 400).get("errorMessage").asString()).contains("count");
    json(call(OandaRoutes.DEMO_TOKEN, "/v3/instruments/EUR_USD/candles", "granularity", "M1", "count", "5",
        "from", "2026-03-02T09:55:00Z", "to", "2026-03-02T10:00:00Z"), 400);
    json(call(OandaRoutes.DEMO_TOKEN, "/v3/instruments/EUR_USD/candles", "granularity", "M7"), 400);
    json(call(OandaRoutes.DEMO_TOKEN, "/v3/instruments/EUR_USD/candles", "price", "MM"), 400);
  }

  @Test
  void scriptedStreamSplitsALineAcrossChunksAndPlaysHeartbeats() throws IOException {
    start();
    CountDownLatch secondHalf = new CountDownLatch(1);
    routes.enqueue(PricingScript.create().price("EUR_USD").heartbeat().splitPrice("USD_JPY", 20, secondHalf));
    try (Response response = call(OandaRoutes.DEMO_TOKEN, "/v3/accounts/" + ACCOUNT + "/pricing/stream",
        "instruments", "EUR_USD,USD_JPY")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.header("Transfer-Encoding")).isEqualTo("chunked");
      assertThat(response.header("Content-Length")).isNull();
      InputStream in = response.body().byteStream();
      String first = readLine(in);
      assertThat(SandboxJson.read(first).get("type").asString()).isEqualTo("PRICE");
      String heartbeat = readLine(in);
      assertThat(heartbeat).isEqualTo("{\"type\":\"HEARTBEAT\",\"time\":\"2026-03-02T10:00:10.000000000Z\"}");
      // Byte by byte: okio's InputStream blocks on a zero-length read, which readNBytes issues.
      byte[] half = new byte[20];
      for (int i = 0; i < half.length; i++) {
        half[i] = (byte) in.read();
      }
      assertThat(new String(half, StandardCharsets.UTF_8)).doesNotContain("\n");
      secondHalf.countDown();
      String rest = readLine(in);
      JsonNode jpy = SandboxJson.read(new String(half, StandardCharsets.UTF_8) + rest);
      assertThat(jpy.get("instrument").asString()).isEqualTo("USD_JPY");
      assertThat(in.read()).as("a script without stall/cut ends the response cleanly").isEqualTo(-1);
    }
    assertThat(routes.streamConnections()).isEqualTo(1);
  }

  @Test
  void cutStreamEndsWithoutTheTerminatingChunk() throws IOException {
    start();
    routes.enqueue(PricingScript.create().price("EUR_USD").cut());
    try (Response response = call(OandaRoutes.DEMO_TOKEN, "/v3/accounts/" + ACCOUNT + "/pricing/stream",
        "instruments", "EUR_USD")) {
      InputStream in = response.body().byteStream();
      readLine(in);
      org.assertj.core.api.Assertions.assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }
  }

  @Test
  void scriptedStreamWithoutAQueuedScriptIsRefused() {
    start();
    json(call(OandaRoutes.DEMO_TOKEN, "/v3/accounts/" + ACCOUNT + "/pricing/stream", "instruments", "EUR_USD"), 503);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder s = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      s.append((char) c);
    }
    return s.toString();
  }
}
