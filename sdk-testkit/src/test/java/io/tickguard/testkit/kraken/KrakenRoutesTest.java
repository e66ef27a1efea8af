package io.tickguard.testkit.kraken;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.market.SimTicker;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** KrakenRoutes on the wire (pinned TLS, raw requests): Kraken's envelope, names, signature, nonce and limits. */
class KrakenRoutesTest {
  /** Kraken's "Spot REST Authentication" example (docs.kraken.com/api/docs/guides/spot-rest-auth). */
  static final String DOCS_PRIVATE_KEY =
      "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

  static final String KEY = "kraken-test-key";
  static final String SECRET = Base64.getEncoder().encodeToString(
      "sandbox kraken private key, 64 bytes long for HMAC-SHA512 tests!".getBytes(StandardCharsets.US_ASCII));
  private static final MediaType FORM = MediaType.get("application/x-www-form-urlencoded");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private SandboxServer sandbox;
  private ApiClient api;
  private OkHttpClient http;

  private void start(KrakenRoutes routes) {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(routes)
        .apiKey(KEY, SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ)
        .apiKey("kraken-trade-only", SECRET, Scope.TRADE)
        .apiKey("kraken-text-secret", "not base64!", Scope.ACCOUNT_READ)
        .start();
    api = ApiClient.builder(sandbox.clientConfig()).build();
    http = api.httpClient(); // raw requests, bypassing the client pipeline
  }

  private void start() {
    start(new KrakenRoutes());
  }

  @AfterEach
  void stop() {
    if (api != null) {
      api.close();
      sandbox.close();
    }
  }

  private record Answer(int status, JsonNode body) {
    List<String> errors() {
      List<String> out = new ArrayList<>();
      body.get("error").forEach(e -> out.add(e.asString()));
      return out;
    }

    JsonNode result() {
      return body.get("result");
    }
  }

  private Answer send(Request request) {
    try (Response r = http.newCall(request).execute()) {
      assertThat(r.header("Content-Type")).startsWith("application/json");
      return new Answer(r.code(), SandboxJson.read(r.body().string()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer get(String pathAndQuery) {
    return send(new Request.Builder().url(sandbox.baseUrl() + pathAndQuery.substring(1)).build());
  }

  private Answer balance(String key, String secret, long nonce) {
    String body = "nonce=" + nonce;
    String sign = KrakenRoutes.apiSign(Base64.getDecoder().decode(secret), "/0/private/Balance", Long.toString(nonce), body);
    return post(key, sign, body);
  }

  private Answer post(String key, String sign, String body) {
    Request.Builder b = new Request.Builder().url(sandbox.baseUrl() + "0/private/Balance").post(RequestBody.create(body, FORM));
    if (key != null) {
      b.header("API-Key", key);
    }
    if (sign != null) {
      b.header("API-Sign", sign);
    }
    return send(b.build());
  }

  @Test
  void apiSignMatchesKrakensPublishedExample() {
    String sign = KrakenRoutes.apiSign(Base64.getDecoder().decode(DOCS_PRIVATE_KEY), "/0/private/AddOrder", "1616492376594",
        "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25");
    assertThat(sign).isEqualTo("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==");
  }

  @Test
  void timeIsTheServerClockInKrakensEnvelope() {
    start();
    Answer a = get("/0/public/Time");
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.errors()).isEmpty();
    assertThat(a.result().get("unixtime").asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(a.result().get("rfc1123").asString()).isEqualTo("Mon, 02 Mar 26 10:00:10 +0000");
  }

  @Test
  void assetPairsUseKrakenNamesAndLegacyKeys() {
    start();
    JsonNode pairs = get("/0/public/AssetPairs").result();
    List<String> keys = new ArrayList<>();
    pairs.properties().forEach(e -> keys.add(e.getKey()));
    assertThat(keys).containsExactly("XBTUSDT", "ETHUSDT", "SOLUSDT", "ZEURZUSD", "ZGBPZUSD");
    JsonNode btc = pairs.get("XBTUSDT");
    assertThat(btc.get("altname").asString()).isEqualTo("XBTUSDT");
    assertThat(btc.get("wsname").asString()).isEqualTo("XBT/USDT");
    assertThat(btc.get("base").asString()).isEqualTo("XXBT");
    assertThat(btc.get("tick_size").asString()).isEqualTo("0.01");
    assertThat(btc.get("lot_decimals").asInt()).isEqualTo(5);
    assertThat(btc.get("status").asString()).isEqualTo("online");
    assertThat(pairs.get("ZEURZUSD").get("altname").asString()).isEqualTo("EURUSD");

    JsonNode one = get("/0/public/AssetPairs?pair=EURUSD").result();
    assertThat(one.size()).isEqualTo(1);
    assertThat(one.has("ZEURZUSD")).isTrue();
  }

  @Test
  void unknownPairIsAnErrorInsideHttp200() {
    start();
    for (String path : List.of("/0/public/Ticker?pair=XBTUSD", "/0/public/Depth?pair=DOGEUSD",
        "/0/public/Trades?pair=NOPE", "/0/public/OHLC?pair=NOPE", "/0/public/AssetPairs?pair=XBTUSDT,NOPE")) {
      Answer a = get(path);
      assertThat(a.status()).as(path).isEqualTo(200);
      assertThat(a.errors()).as(path).containsExactly("EQuery:Unknown asset pair");
    }
  }

  @Test
  void tickerComesFromTheSimulatorUnderEachPairsKey() {
    start();
    JsonNode result = get("/0/public/Ticker?pair=XBTUSDT,EURUSD").result();
    assertThat(result.size()).isEqualTo(2);
    SimTicker sim = sandbox.market().ticker("BTC-USDT");
    JsonNode t = result.get("XBTUSDT");
    assertThat(new BigDecimal(t.get("c").get(0).asString())).isEqualByComparingTo(sim.last());
    assertThat(new BigDecimal(t.get("a").get(0).asString())).isEqualByComparingTo(sim.ask());
    assertThat(new BigDecimal(t.get("b").get(0).asString())).isEqualByComparingTo(sim.bid());
    assertThat(new BigDecimal(t.get("h").get(1).asString())).isEqualByComparingTo(sim.high24h());
    assertThat(t.get("o").asString()).isEqualTo(sim.open24h().toPlainString());
    assertThat(t.get("t").get(1).asLong()).isEqualTo(86_400L);
    assertThat(result.has("ZEURZUSD")).isTrue();
  }

  @Test
  void depthHasCountLevelsOfPriceVolumeAndTime() {
    start();
    JsonNode book = get("/0/public/Depth?pair=XBTUSDT&count=10").result().get("XBTUSDT");
    assertThat(book.get("asks").size()).isEqualTo(10);
    assertThat(book.get("bids").size()).isEqualTo(10);
    JsonNode best = book.get("asks").get(0);
    assertThat(best.size()).isEqualTo(3);
    assertThat(best.get(2).asLong()).isEqualTo(clock.instant().getEpochSecond());
    assertThat(new BigDecimal(book.get("bids").get(0).get(0).asString()))
        .isLessThan(new BigDecimal(best.get(0).asString()));
    assertThat(get("/0/public/Depth?pair=XBTUSDT&count=501").errors()).containsExactly("EGeneral:Invalid arguments");
    assertThat(get("/0/public/Depth").errors()).containsExactly("EGeneral:Invalid arguments");
  }

  @Test
  void tradesAreKrakenArraysWithLast() {
    start();
    JsonNode result = get("/0/public/Trades?pair=ETHUSDT&count=5").result();
    JsonNode trades = result.get("ETHUSDT");
    assertThat(trades.size()).isEqualTo(5);
    JsonNode newest = trades.get(4);
    assertThat(newest.size()).isEqualTo(7);
    assertThat(newest.get(3).asString()).isIn("b", "s");
    assertThat(newest.get(2).decimalValue()).isLessThanOrEqualTo(BigDecimal.valueOf(clock.instant().getEpochSecond() + 1));
    assertThat(result.get("last").asString()).matches("[0-9]{19}");
    assertThat(get("/0/public/Trades?pair=ETHUSDT&since=abc").errors()).containsExactly("EGeneral:Invalid arguments");
  }

  @Test
  void ohlcHasEightFieldsAndSinceTrimsOlderCandles() {
    start();
    JsonNode result = get("/0/public/OHLC?pair=XBTUSDT&interval=60").result();
    JsonNode candles = result.get("XBTUSDT");
    assertThat(candles.size()).isEqualTo(240); // 10 days of hourly candles: the simulator's scan limit
    JsonNode newest = candles.get(candles.size() - 1);
    assertThat(newest.size()).isEqualTo(8);
    assertThat(newest.get(0).asLong()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z").getEpochSecond());
    assertThat(result.get("last").asLong()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z").getEpochSecond());

    long since = Instant.parse("2026-03-02T07:00:00Z").getEpochSecond();
    JsonNode trimmed = get("/0/public/OHLC?pair=XBTUSDT&interval=60&since=" + since).result().get("XBTUSDT");
    assertThat(trimmed.size()).isEqualTo(3);
    assertThat(trimmed.get(0).get(0).asLong()).isEqualTo(since + 3600);

    assertThat(get("/0/public/OHLC?pair=XBTUSDT&interval=30").errors()).containsExactly("EGeneral:Invalid arguments");
    assertThat(get("/0/public/OHLC?pair=XBTUSDT").result().get("XBTUSDT").size()).isEqualTo(720);
  }

  @Test
  void signedBalanceAnswersTheConfiguredBalances() {
    start();
    Answer a = balance(KEY, SECRET, 1000);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.errors()).isEmpty();
    assertThat(a.result().get("XXBT").asString()).isEqualTo("0.5000000000");
    assertThat(a.result().get("ZUSD").asString()).isEqualTo("10000.0000");
  }

  @Test
  void unknownOrMissingKeyIsInvalidKey() {
    start();
    assertThat(balance("no-such-key", SECRET, 1).errors()).containsExactly("EAPI:Invalid key");
    assertThat(post(null, "x", "nonce=1").errors()).containsExactly("EAPI:Invalid key");
    assertThat(balance("kraken-text-secret", SECRET, 1).errors()).containsExactly("EAPI:Invalid key");
  }

  @Test
  void wrongSecretOrTamperedBodyIsInvalidSignature() {
    start();
    String other = Base64.getEncoder().encodeToString("another secret".getBytes(StandardCharsets.US_ASCII));
    assertThat(balance(KEY, other, 5).errors()).containsExactly("EAPI:Invalid signature");
    String sign = KrakenRoutes.apiSign(Base64.getDecoder().decode(SECRET), "/0/private/Balance", "6", "nonce=6");
    assertThat(post(KEY, sign, "nonce=6&asset=XBT").errors()).containsExactly("EAPI:Invalid signature");
    assertThat(post(KEY, null, "nonce=6").errors()).containsExactly("EAPI:Invalid signature");
    // A forged request did not burn nonce 5 or 6.
    assertThat(balance(KEY, SECRET, 5).errors()).isEmpty();
  }

  @Test
  void nonceMustIncreasePerKey() {
    start();
    assertThat(balance(KEY, SECRET, 100).errors()).isEmpty();
    assertThat(balance(KEY, SECRET, 100).errors()).as("replayed").containsExactly("EAPI:Invalid nonce");
    assertThat(balance(KEY, SECRET, 99).errors()).as("older").containsExactly("EAPI:Invalid nonce");
    assertThat(balance(KEY, SECRET, 101).errors()).isEmpty();
    String sign = KrakenRoutes.apiSign(Base64.getDecoder().decode(SECRET), "/0/private/Balance", "", "asset=XBT");
    assertThat(post(KEY, sign, "asset=XBT").errors()).as("missing").containsExactly("EAPI:Invalid nonce");
  }

  @Test
  void keyWithoutAccountReadIsPermissionDenied() {
    start();
    assertThat(balance("kraken-trade-only", SECRET, 1).errors()).containsExactly("EGeneral:Permission denied");
  }

  @Test
  void privateCounterRefusesAboveItsMaximumAndDecays() {
    start(KrakenRoutes.builder().callCounter(2, 0.5).build());
    assertThat(balance(KEY, SECRET, 1).errors()).isEmpty();
    assertThat(balance(KEY, SECRET, 2).errors()).isEmpty();
    Answer refused = balance(KEY, SECRET, 3);
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.errors()).containsExactly("EAPI:Rate limit exceeded");
    clock.advance(Duration.ofSeconds(2)); // decays by 1
    assertThat(balance(KEY, SECRET, 4).errors()).isEmpty();
    assertThat(balance(KEY, SECRET, 5).errors()).containsExactly("EAPI:Rate limit exceeded");
  }

  @Test
  void publicLimitIsTooManyRequestsThenLockout() {
    start(KrakenRoutes.builder().publicLimit(2, Duration.ofSeconds(10)).build());
    assertThat(get("/0/public/Time").errors()).isEmpty();
    assertThat(get("/0/public/Ticker?pair=XBTUSDT").errors()).isEmpty();
    Answer refused = get("/0/public/Time");
    assertThat(refused.status()).isEqualTo(200);
    assertThat(refused.errors()).containsExactly("EGeneral:Too many requests");
    get("/0/public/Time");
    get("/0/public/Time");
    assertThat(get("/0/public/Time").errors()).containsExactly("EGeneral:Temporary lockout");
    // Private calls count against the key's counter, not the public limit.
    assertThat(balance(KEY, SECRET, 1).errors()).isEmpty();
  }
}
