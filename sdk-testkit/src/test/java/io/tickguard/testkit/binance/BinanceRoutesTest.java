package io.tickguard.testkit.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.RateLimitPolicy;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * BinanceRoutes over pinned TLS with plain OkHttp, signatures computed here with {@code
 * javax.crypto} and {@code java.security} (not with core's signers): the wire format and every
 * documented refusal.
 */
class BinanceRoutesTest {
  static final String KEY = "binance-hmac-key";
  static final String SECRET = "binance-hmac-secret";
  static final String NO_ACCOUNT_KEY = "binance-market-only";
  static final String NO_ACCOUNT_SECRET = "binance-market-only-secret";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private BinanceRoutes routes;
  private SandboxServer sandbox;
  private ApiClient pinned;
  private OkHttpClient http;

  @BeforeEach
  void start() {
    startWith(new BinanceRoutes());
  }

  private void startWith(BinanceRoutes binance) {
    stop();
    routes = binance;
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(routes)
        .apiKey(KEY, SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ)
        .apiKey(NO_ACCOUNT_KEY, NO_ACCOUNT_SECRET, Scope.MARKET_DATA)
        .start();
    pinned = ApiClient.builder(sandbox.clientConfig()).build();
    http = pinned.httpClient();
  }

  @AfterEach
  void stop() {
    if (pinned != null) {
      pinned.close();
      sandbox.close();
      pinned = null;
    }
  }

  private record Answer(int status, String usedWeight, String retryAfter, JsonNode json) {
    long code() {
      return json.get("code").asLong();
    }
  }

  private Answer get(String pathAndQuery) {
    return get(pathAndQuery, null);
  }

  private Answer get(String pathAndQuery, String apiKey) {
    Request.Builder request = new Request.Builder().url(sandbox.baseUrl() + pathAndQuery.substring(1));
    if (apiKey != null) {
      request.header("X-MBX-APIKEY", apiKey);
    }
    try (Response r = http.newCall(request.build()).execute()) {
      return new Answer(r.code(), r.header("X-MBX-USED-WEIGHT-1M"), r.header("Retry-After"),
          SandboxJson.read(r.body().string()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String hmacHex(String secret, String payload) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static String signed(String algorithm, PrivateKey key, String payload) throws GeneralSecurityException {
    Signature s = Signature.getInstance(algorithm);
    s.initSign(key);
    s.update(payload.getBytes(StandardCharsets.UTF_8));
    return URLEncoder.encode(Base64.getEncoder().encodeToString(s.sign()), StandardCharsets.UTF_8);
  }

  private String account(String key, String secret, long timestamp) throws GeneralSecurityException {
    String query = "recvWindow=5000&timestamp=" + timestamp;
    return "/api/v3/account?" + query + "&signature=" + hmacHex(secret, query);
  }

  @Test
  void pingAndTimeAnswerTheDocumentedShapesWithTheUsedWeight() {
    Answer ping = get("/api/v3/ping");
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.json().isObject()).isTrue();
    assertThat(ping.json().isEmpty()).isTrue();
    assertThat(ping.usedWeight()).isEqualTo("1");

    Answer time = get("/api/v3/time");
    assertThat(time.json().get("serverTime").asLong()).isEqualTo(clock.millis());
    assertThat(time.usedWeight()).isEqualTo("2");
  }

  @Test
  void exchangeInfoListsEverySimulatedSymbolWithFiltersAsStrings() {
    Answer all = get("/api/v3/exchangeInfo");
    assertThat(all.usedWeight()).isEqualTo("20");
    List<String> names = new ArrayList<>();
    all.json().get("symbols").forEach(s -> names.add(s.get("symbol").asString()));
    assertThat(names).contains("BTCUSDT", "ETHUSDT", "SOLUSDT");
    JsonNode btc = get("/api/v3/exchangeInfo?symbol=BTCUSDT").json().get("symbols").get(0);
    assertThat(btc.get("baseAsset").asString()).isEqualTo("BTC");
    assertThat(btc.get("quoteAsset").asString()).isEqualTo("USDT");
    assertThat(btc.get("filters").get(0).get("filterType").asString()).isEqualTo("PRICE_FILTER");
    assertThat(btc.get("filters").get(0).get("tickSize").isString()).isTrue();
    assertThat(btc.get("filters").get(0).get("tickSize").asString()).isEqualTo("0.01000000");
    assertThat(btc.get("filters").get(1).get("stepSize").asString()).isEqualTo("0.00001000");
    assertThat(all.json().get("rateLimits").get(0).get("limit").asInt()).isEqualTo(6000);
  }

  @Test
  void unknownSymbolIsMinus1121WithHttp400AndStillCharged() {
    Answer a = get("/api/v3/depth?symbol=NOPEUSDT");
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo(-1121);
    assertThat(a.json().get("msg").asString()).isEqualTo("Invalid symbol.");
    assertThat(a.usedWeight()).isEqualTo("5");
    assertThat(get("/api/v3/exchangeInfo?symbols=%5B%22BTCUSDT%22,%22NOPE%22%5D").code()).isEqualTo(-1121);
  }

  @Test
  void ticker24hrServesOneObjectForSymbolAndAnArrayForSymbols() {
    Answer one = get("/api/v3/ticker/24hr?symbol=BTCUSDT");
    JsonNode t = one.json();
    assertThat(t.isObject()).isTrue();
    List<String> fields = new ArrayList<>(t.propertyNames());
    // The FULL response's fields, in the documented order (rest-api.md, "24hr ticker price change statistics").
    assertThat(fields).containsExactly("symbol", "priceChange", "priceChangePercent", "weightedAvgPrice",
        "prevClosePrice", "lastPrice", "lastQty", "bidPrice", "bidQty", "askPrice", "askQty", "openPrice",
        "highPrice", "lowPrice", "volume", "quoteVolume", "openTime", "closeTime", "firstId", "lastId", "count");
    assertThat(t.get("symbol").asString()).isEqualTo("BTCUSDT");
    for (String field : List.of("priceChange", "lastPrice", "bidPrice", "bidQty", "askPrice", "askQty",
        "openPrice", "highPrice", "lowPrice", "volume", "quoteVolume")) {
      assertThat(t.get(field).isString()).as(field).isTrue();
    }
    assertThat(new java.math.BigDecimal(t.get("bidPrice").asString()))
        .isLessThan(new java.math.BigDecimal(t.get("askPrice").asString()));
    assertThat(t.get("closeTime").asLong()).isEqualTo(clock.millis());
    assertThat(t.get("count").isNumber()).isTrue();
    assertThat(one.usedWeight()).isEqualTo("2");

    Answer many = get("/api/v3/ticker/24hr?symbols=%5B%22ETHUSDT%22,%22BTCUSDT%22%5D");
    assertThat(many.json().isArray()).isTrue();
    assertThat(many.json().get(0).get("symbol").asString()).isEqualTo("ETHUSDT");
    assertThat(many.json().get(1).get("symbol").asString()).isEqualTo("BTCUSDT");
    assertThat(get("/api/v3/ticker/24hr").usedWeight()).isEqualTo(String.valueOf(2 + 2 + 80));
    assertThat(get("/api/v3/ticker/24hr?symbol=BTCUSDT&symbols=%5B%22BTCUSDT%22%5D").code()).isEqualTo(-1128);
  }

  @Test
  void depthWeightFollowsTheLimitAndLevelsAreStringPairs() {
    Answer a = get("/api/v3/depth?symbol=BTCUSDT&limit=5000");
    assertThat(a.usedWeight()).isEqualTo("250");
    JsonNode bids = a.json().get("bids");
    assertThat(bids.size()).isEqualTo(5000);
    assertThat(bids.get(0).get(0).isString()).isTrue();
    assertThat(new java.math.BigDecimal(bids.get(0).get(0).asString()))
        .isGreaterThan(new java.math.BigDecimal(bids.get(1).get(0).asString()));
    assertThat(a.json().get("lastUpdateId").isNumber()).isTrue();
    assertThat(get("/api/v3/depth?symbol=BTCUSDT&limit=101").usedWeight()).isEqualTo(String.valueOf(250 + 25));
  }

  @Test
  void tradesDefaultTo500AndRefuseMoreThan1000() {
    Answer a = get("/api/v3/trades?symbol=ETHUSDT");
    assertThat(a.json().size()).isEqualTo(500);
    JsonNode newest = a.json().get(499);
    assertThat(newest.get("price").isString()).isTrue();
    assertThat(newest.get("isBuyerMaker").isBoolean()).isTrue();
    assertThat(newest.get("time").asLong()).isLessThanOrEqualTo(clock.millis());
    assertThat(a.usedWeight()).isEqualTo("25");
    assertThat(get("/api/v3/trades?symbol=ETHUSDT&limit=1001").status()).isEqualTo(400);
    assertThat(get("/api/v3/trades?symbol=ETHUSDT&limit=x").code()).isEqualTo(-1100);
  }

  @Test
  void klinesBetweenStartAndEndTimeAreTheDocumentedArrays() {
    long hour = 3_600_000;
    long now = clock.millis();
    long start = now - 5 * hour;
    Answer a = get("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=" + start + "&endTime=" + now + "&limit=1000");
    JsonNode rows = a.json();
    assertThat(rows.size()).isEqualTo(5); // open times at or after startTime, up to the candle in progress
    assertThat(rows.get(0).get(0).asLong()).isGreaterThanOrEqualTo(start);
    assertThat(rows.get(0).get(0).asLong() % hour).isZero();
    assertThat(rows.get(0).get(6).asLong()).isEqualTo(rows.get(0).get(0).asLong() + hour - 1);
    assertThat(rows.get(0).size()).isEqualTo(12);
    assertThat(rows.get(0).get(1).isString()).isTrue();
    assertThat(a.usedWeight()).isEqualTo("2");
    assertThat(get("/api/v3/klines?symbol=BTCUSDT&interval=1m&limit=3").json().size()).isEqualTo(3);
    assertThat(get("/api/v3/klines?symbol=BTCUSDT&interval=1h&startTime=" + now + "&endTime=" + start).code())
        .isEqualTo(-1023);
    assertThat(get("/api/v3/klines?symbol=BTCUSDT&interval=7m").code()).isEqualTo(-1120);
    assertThat(get("/api/v3/klines?symbol=BTCUSDT").code()).isEqualTo(-1102);
  }

  @Test
  void repeatedAndUnreadParametersAreRefused() {
    assertThat(get("/api/v3/depth?symbol=BTCUSDT&symbol=ETHUSDT").code()).isEqualTo(-1101);
    Answer unread = get("/api/v3/depth?symbol=BTCUSDT&foo=1");
    assertThat(unread.code()).isEqualTo(-1104);
    assertThat(unread.json().get("msg").asString()).contains("read '1'").contains("sent '2'");
  }

  @Test
  void hmacSignedAccountPassesAndAnswersBalancesAsStrings() throws Exception {
    Answer a = get(account(KEY, SECRET, clock.millis()), KEY);
    assertThat(a.status()).isEqualTo(200);
    assertThat(a.usedWeight()).isEqualTo("20");
    JsonNode balances = a.json().get("balances");
    assertThat(balances.get(0).get("asset").asString()).isEqualTo("BTC");
    assertThat(balances.get(0).get("free").asString()).isEqualTo("0.50000000");
    assertThat(a.json().get("canTrade").asBoolean()).isFalse();
    String omit = "omitZeroBalances=true&timestamp=" + clock.millis();
    Answer nonZero = get("/api/v3/account?" + omit + "&signature=" + hmacHex(SECRET, omit), KEY);
    assertThat(nonZero.json().get("balances").size()).isEqualTo(2);
  }

  @Test
  void upperCaseHmacSignatureIsAcceptedAsDocumented() throws Exception {
    String query = "timestamp=" + clock.millis();
    String upper = hmacHex(SECRET, query).toUpperCase(java.util.Locale.ROOT);
    assertThat(get("/api/v3/account?" + query + "&signature=" + upper, KEY).status()).isEqualTo(200);
  }

  @Test
  void wrongSecretIsMinus1022() throws Exception {
    Answer a = get(account(KEY, "not-the-secret", clock.millis()), KEY);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo(-1022);
    assertThat(a.json().get("msg").asString()).isEqualTo("Signature for this request is not valid.");
  }

  @Test
  void keyProblemsAreMinus2014AndMinus2015WithHttp401() throws Exception {
    Answer missing = get(account(KEY, SECRET, clock.millis()));
    assertThat(missing.status()).isEqualTo(401);
    assertThat(missing.code()).isEqualTo(-2014);
    Answer unknown = get(account("someone-else", SECRET, clock.millis()), "someone-else");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.code()).isEqualTo(-2015);
    Answer noPermission = get(account(NO_ACCOUNT_KEY, NO_ACCOUNT_SECRET, clock.millis()), NO_ACCOUNT_KEY);
    assertThat(noPermission.status()).isEqualTo(401);
    assertThat(noPermission.code()).isEqualTo(-2015);
  }

  @Test
  void timestampsOutsideTheRecvWindowAreMinus1021OnTheSandboxClock() throws Exception {
    long now = clock.millis();
    assertThat(get(account(KEY, SECRET, now - 5000), KEY).status()).isEqualTo(200);
    Answer old = get(account(KEY, SECRET, now - 5001), KEY);
    assertThat(old.status()).isEqualTo(400);
    assertThat(old.code()).isEqualTo(-1021);
    assertThat(old.json().get("msg").asString()).isEqualTo("Timestamp for this request is outside of the recvWindow.");
    assertThat(get(account(KEY, SECRET, now + 999), KEY).status()).isEqualTo(200);
    Answer ahead = get(account(KEY, SECRET, now + 1000), KEY);
    assertThat(ahead.code()).isEqualTo(-1021);
    assertThat(ahead.json().get("msg").asString()).contains("ahead of the server's time");

    sandbox.faults().clockSkew(Duration.ofSeconds(6)); // the server's clock runs ahead
    assertThat(get(account(KEY, SECRET, now), KEY).code()).isEqualTo(-1021);
  }

  @Test
  void recvWindowAboveSixtySecondsAndMissingTimestampAreRefused() throws Exception {
    String big = "recvWindow=60001&timestamp=" + clock.millis();
    assertThat(get("/api/v3/account?" + big + "&signature=" + hmacHex(SECRET, big), KEY).code()).isEqualTo(-1131);
    String none = "recvWindow=5000";
    assertThat(get("/api/v3/account?" + none + "&signature=" + hmacHex(SECRET, none), KEY).code()).isEqualTo(-1102);
    String wide = "recvWindow=60000&timestamp=" + (clock.millis() - 59_000);
    assertThat(get("/api/v3/account?" + wide + "&signature=" + hmacHex(SECRET, wide), KEY).status()).isEqualTo(200);
  }

  @Test
  void ed25519AndRsaKeysAreVerifiedWithTheRegisteredPublicKey() throws Exception {
    KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
    rsaGenerator.initialize(2048);
    KeyPair rsa = rsaGenerator.generateKeyPair();
    routes.publicKey("ed-key", ed.getPublic(), Scope.ACCOUNT_READ).publicKey("rsa-key", rsa.getPublic(), Scope.ACCOUNT_READ);

    String query = "timestamp=" + clock.millis();
    assertThat(get("/api/v3/account?" + query + "&signature=" + signed("Ed25519", ed.getPrivate(), query), "ed-key")
        .status()).isEqualTo(200);
    assertThat(get("/api/v3/account?" + query + "&signature=" + signed("SHA256withRSA", rsa.getPrivate(), query), "rsa-key")
        .status()).isEqualTo(200);

    String other = "recvWindow=5000&timestamp=" + clock.millis();
    assertThat(get("/api/v3/account?" + query + "&signature=" + signed("Ed25519", ed.getPrivate(), other), "ed-key")
        .code()).isEqualTo(-1022);
    KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    assertThat(get("/api/v3/account?" + query + "&signature=" + signed("Ed25519", stranger.getPrivate(), query), "ed-key")
        .code()).isEqualTo(-1022);
  }

  @Test
  void overTheWeightLimitIs429WithRetryAfterThenA418Ban() {
    clock.advance(Duration.ofSeconds(20)); // 10:00:30: 30 s left in the minute
    startWith(new BinanceRoutes(BinanceRoutes.defaultPolicy().withMaxWeight(10).withBan(2, Duration.ofMinutes(2))));
    assertThat(get("/api/v3/depth?symbol=BTCUSDT").usedWeight()).isEqualTo("5");
    assertThat(get("/api/v3/depth?symbol=BTCUSDT").usedWeight()).isEqualTo("10");
    Answer refused = get("/api/v3/depth?symbol=BTCUSDT");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.code()).isEqualTo(-1003);
    assertThat(refused.json().get("msg").asString()).startsWith("Too much request weight used; current limit is 10");
    assertThat(refused.retryAfter()).isEqualTo("30");
    assertThat(refused.usedWeight()).isEqualTo("10");
    get("/api/v3/depth?symbol=BTCUSDT");
    Answer banned = get("/api/v3/ping");
    assertThat(banned.status()).isEqualTo(418);
    assertThat(banned.code()).isEqualTo(-1003);
    assertThat(banned.retryAfter()).isEqualTo("120");

    clock.advance(Duration.ofMinutes(3));
    assertThat(get("/api/v3/ping").status()).isEqualTo(200);
  }

  @Test
  void signaturePayloadIsTheQueryWithoutItsSignatureParameter() {
    assertThat(BinanceRoutes.withoutSignature("a=1&signature=ff&b=2")).isEqualTo("a=1&b=2");
    assertThat(BinanceRoutes.withoutSignature("a=%5B1%5D&signature=ff")).isEqualTo("a=%5B1%5D");
  }
}
