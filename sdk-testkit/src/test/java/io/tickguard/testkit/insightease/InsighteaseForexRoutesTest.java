package io.tickguard.testkit.insightease;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The forex side of the Insightease routes, called raw over pinned TLS: converter and keyed history. */
class InsighteaseForexRoutesTest {
  private static final String KEY = "ie-sandbox-forex-key-0b31";
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private SandboxServer sandbox;
  private OkHttpClient http;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new InsighteaseRoutes())
        .apiKey(KEY, "unused", Scope.MARKET_DATA).start();
    HandshakeCertificates certs = new HandshakeCertificates.Builder().addTrustedCertificate(sandbox.caCertificate()).build();
    http = new OkHttpClient.Builder().sslSocketFactory(certs.sslSocketFactory(), certs.trustManager())
        .certificatePinner(new CertificatePinner.Builder().add("127.0.0.1", sandbox.pin()).build()).build();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private JsonNode get(String path, String... params) {
    HttpUrl.Builder url = sandbox.url(path).newBuilder().addQueryParameter("api_key", KEY);
    for (int i = 0; i < params.length; i += 2) {
      url.addQueryParameter(params[i], params[i + 1]);
    }
    try (Response response = http.newCall(new Request.Builder().url(url.build()).build()).execute()) {
      return SandboxJson.read(response.body().string());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void converterAnswersDynamicPriceKeysAndATotalAtTheRoundedRate() {
    JsonNode body = get("/forex/converter", "pair1", "EUR", "pair2", "USD", "amount", "200");
    assertThat(body.get("status").booleanValue()).isTrue();
    JsonNode r = body.get("response");
    BigDecimal rate = new BigDecimal(r.get("price_1x_EUR").asString());
    assertThat(rate).isEqualTo(sandbox.market().ticker("EUR-USD").last().setScale(6, RoundingMode.HALF_EVEN));
    assertThat(r.get("price_1x_USD").isString()).isTrue();
    assertThat(r.get("total").asString()).isEqualTo(new BigDecimal("200").multiply(rate).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
    JsonNode unknown = get("/forex/converter", "pair1", "EUR", "pair2", "XXX", "amount", "1");
    assertThat(unknown.get("status").booleanValue()).isFalse();
    assertThat(unknown.get("code").intValue()).isEqualTo(InsighteaseRoutes.CODE_SYMBOL_NOT_FOUND);
  }

  @Test
  void forexHistoryIsKeyedByUnixSecondsWhileCryptoStaysAnArray() {
    JsonNode forex = get("/forex/history", "symbol", "EUR/USD", "period", "1h", "from", "2026-03-02", "to", "2026-03-02");
    JsonNode keyed = forex.get("response");
    assertThat(keyed.isObject()).isTrue();
    List<String> keys = new ArrayList<>();
    keyed.propertyNames().forEach(keys::add);
    assertThat(keys).hasSize(11).first().isEqualTo(Long.toString(Instant.parse("2026-03-02T00:00:00Z").getEpochSecond()));
    keys.forEach(k -> assertThat(keyed.get(k).get("t").asString()).isEqualTo(k));
    JsonNode crypto = get("/forex/history", "symbol", "BTC/USDT", "period", "1h", "from", "2026-03-02", "to", "2026-03-02");
    assertThat(crypto.get("response").isArray()).isTrue();
  }

  @Test
  void forexListingCarriesTheDecimals() {
    JsonNode list = get("/forex/list", "type", "forex").get("response");
    assertThat(list.get(0).get("symbol").asString()).isEqualTo("EUR/USD");
    assertThat(list.get(0).get("decimal").asString()).isEqualTo("5");
  }
}
