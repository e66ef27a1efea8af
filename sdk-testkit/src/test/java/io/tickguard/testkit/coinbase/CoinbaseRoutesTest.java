package io.tickguard.testkit.coinbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** CoinbaseRoutes on the wire: Coinbase's shapes, the JWT checks and the limits. */
class CoinbaseRoutesTest {
  private static final String KEY = "organizations/org-1/apiKeys/key-1";
  private static final String NO_SCOPE_KEY = "organizations/org-1/apiKeys/market-only";
  private static final String ED_KEY = "organizations/org-1/apiKeys/ed25519-key";
  private static final String ACCOUNTS = "/api/v3/brokerage/accounts";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00.250Z"));
  private final KeyPair key = CdpTokens.newP256();
  private final KeyPair other = CdpTokens.newP256();
  private final KeyPair edKey = CdpTokens.newEd25519();
  private final KeyPair otherEd = CdpTokens.newEd25519();
  private final OkHttpClient http = new OkHttpClient();
  private SandboxServer sandbox;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock).plaintext(true).demoRoutes(false)
        .routes(new CoinbaseRoutes().maxAccountsPage(3).publicRequestsPerSecond(5).privateRequestsPerSecond(4)
            .cdpKey(KEY, key.getPublic(), Scope.MARKET_DATA, Scope.ACCOUNT_READ)
            .cdpKey(NO_SCOPE_KEY, other.getPublic(), Scope.MARKET_DATA)
            .cdpKey(ED_KEY, edKey.getPublic(), Scope.MARKET_DATA, Scope.ACCOUNT_READ))
        .start();
  }

  @AfterEach
  void stop() {
    http.connectionPool().evictAll();
    sandbox.close();
  }

  private record Answer(int status, String body, Response raw) {
    JsonNode json() {
      return SandboxJson.read(body);
    }
  }

  private Answer get(HttpUrl url, String token) throws IOException {
    Request.Builder b = new Request.Builder().url(url);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try (Response r = http.newCall(b.build()).execute()) {
      return new Answer(r.code(), r.body().string(), r);
    }
  }

  private Answer get(String path) throws IOException {
    return get(sandbox.url(path), null);
  }

  private String uri(String path) {
    return "GET 127.0.0.1" + path;
  }

  private long now() {
    return clock.instant().getEpochSecond();
  }

  private String validToken() {
    return CdpTokens.claims(KEY, uri(ACCOUNTS), now()).sign(key.getPrivate());
  }

  @Test
  void serverTimeIsTheSandboxClockInThreeForms() throws IOException {
    JsonNode t = get("/api/v3/brokerage/time").json();
    assertThat(t.get("iso").asString()).isEqualTo("2026-03-02T10:00:00.250Z");
    assertThat(t.get("epochSeconds").asString()).isEqualTo(Long.toString(now()));
    assertThat(t.get("epochMillis").asString()).isEqualTo(Long.toString(clock.millis()));
  }

  @Test
  void productsListEverySimulatedInstrumentWithItsIncrements() throws IOException {
    JsonNode body = get("/api/v3/brokerage/market/products?product_type=SPOT").json();
    JsonNode products = body.get("products");
    assertThat(products.size()).isEqualTo(sandbox.market().instruments().size());
    assertThat(body.get("num_products").asInt()).isEqualTo(products.size());
    JsonNode btc = products.get(0);
    assertThat(btc.get("product_id").asString()).isEqualTo("BTC-USDT");
    assertThat(btc.get("base_currency_id").asString()).isEqualTo("BTC");
    assertThat(btc.get("quote_currency_id").asString()).isEqualTo("USDT");
    assertThat(btc.get("quote_increment").asString()).isEqualTo("0.01");
    assertThat(btc.get("base_increment").asString()).isEqualTo("0.00001");
    assertThat(btc.get("status").asString()).isEqualTo("online");
    assertThat(get("/api/v3/brokerage/market/products?product_type=FUTURE").json().get("products").size()).isZero();
    assertThat(get("/api/v3/brokerage/market/products?bogus=1").status()).isEqualTo(400);
  }

  @Test
  void productBookHasPriceSizeObjectsAndUnknownProductIsNotFound() throws IOException {
    JsonNode body = get("/api/v3/brokerage/market/product_book?product_id=ETH-USDT&limit=3").json();
    JsonNode book = body.get("pricebook");
    assertThat(book.get("product_id").asString()).isEqualTo("ETH-USDT");
    assertThat(book.get("bids").size()).isEqualTo(3);
    assertThat(book.get("asks").size()).isEqualTo(3);
    BigDecimal bestBid = new BigDecimal(book.get("bids").get(0).get("price").asString());
    BigDecimal bestAsk = new BigDecimal(book.get("asks").get(0).get("price").asString());
    assertThat(bestBid).isLessThan(bestAsk);
    assertThat(Instant.parse(book.get("time").asString())).isEqualTo(clock.instant());
    assertThat(body.get("spread_absolute").asString()).isEqualTo(bestAsk.subtract(bestBid).toPlainString());
    Answer missing = get("/api/v3/brokerage/market/product_book?product_id=DOGE-USD");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asString()).isEqualTo("NOT_FOUND");
    assertThat(missing.json().has("error_details")).isTrue();
  }

  @Test
  void marketTradesAreNewestFirstWithBestBidAndAsk() throws IOException {
    JsonNode body = get("/api/v3/brokerage/market/products/BTC-USDT/ticker?limit=4").json();
    JsonNode trades = body.get("trades");
    assertThat(trades.size()).isEqualTo(4);
    Instant newest = Instant.parse(trades.get(0).get("time").asString());
    Instant oldest = Instant.parse(trades.get(3).get("time").asString());
    assertThat(newest).isAfter(oldest);
    assertThat(trades.get(0).get("side").asString()).isIn("BUY", "SELL");
    assertThat(trades.get(0).get("price").asString())
        .isEqualTo(sandbox.market().ticker("BTC-USDT").last().toPlainString());
    assertThat(new BigDecimal(body.get("best_bid").asString())).isLessThan(new BigDecimal(body.get("best_ask").asString()));
    assertThat(get("/api/v3/brokerage/market/products/BTC-USDT/ticker").status()).isEqualTo(400);
    assertThat(get("/api/v3/brokerage/market/products/NOPE-USD/ticker?limit=1").status()).isEqualTo(404);
  }

  @Test
  void candlesAreNewestFirstWithinTheRangeAndAtMost350() throws IOException {
    long end = now();
    long start = end - 3 * 3600;
    JsonNode candles = get("/api/v3/brokerage/market/products/BTC-USDT/candles?start=" + start + "&end=" + end
        + "&granularity=ONE_HOUR").json().get("candles");
    assertThat(candles.size()).as("07:00, 08:00, 09:00 and the open 10:00 candle").isEqualTo(4);
    List<Long> starts = new ArrayList<>();
    candles.forEach(c -> starts.add(Long.parseLong(c.get("start").asString())));
    assertThat(starts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(starts).allSatisfy(s -> assertThat(s).isBetween(start, end).matches(v -> v % 3600 == 0));
    JsonNode c = candles.get(0);
    assertThat(new BigDecimal(c.get("high").asString())).isGreaterThanOrEqualTo(new BigDecimal(c.get("low").asString()));
    Answer tooMany = get("/api/v3/brokerage/market/products/BTC-USDT/candles?start=" + (end - 351 * 60) + "&end=" + end
        + "&granularity=ONE_MINUTE");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("error").asString()).isEqualTo("INVALID_ARGUMENT");
    assertThat(get("/api/v3/brokerage/market/products/BTC-USDT/candles?start=" + start + "&end=" + end
        + "&granularity=1h").status()).isEqualTo(400);
  }

  @Test
  void accountsPageThroughEveryCurrencyWithAValidJwt() throws IOException {
    List<String> seen = new ArrayList<>();
    String cursor = "";
    int pages = 0;
    do {
      HttpUrl url = sandbox.url(ACCOUNTS).newBuilder().addQueryParameter("limit", "250")
          .addQueryParameter("cursor", cursor).build();
      Answer a = get(url, validToken());
      assertThat(a.status()).as(a.body()).isEqualTo(200);
      JsonNode page = a.json();
      page.get("accounts").forEach(acc -> {
        seen.add(acc.get("currency").asString());
        assertThat(acc.get("available_balance").get("currency").asString()).isEqualTo(acc.get("currency").asString());
        assertThat(new BigDecimal(acc.get("available_balance").get("value").asString()))
            .isEqualByComparingTo(CoinbaseRoutes.availableBalance(sandbox.market(), acc.get("currency").asString()));
        assertThat(acc.get("hold").get("value").asString()).isNotEmpty();
      });
      assertThat(page.get("size").asInt()).isEqualTo(page.get("accounts").size());
      cursor = page.get("has_next").asBoolean() ? page.get("cursor").asString() : null;
      pages++;
    } while (cursor != null);
    assertThat(seen).isEqualTo(CoinbaseRoutes.accountCurrencies(sandbox.market()));
    assertThat(pages).isEqualTo((seen.size() + 2) / 3);
  }

  private void assertUnauthenticated(String token, String reason) throws IOException {
    Answer a = get(sandbox.url(ACCOUNTS), token);
    assertThat(a.status()).as(a.body()).isEqualTo(401);
    assertThat(a.json().get("error").asString()).isEqualTo("UNAUTHENTICATED");
    assertThat(a.json().get("error_details").asString()).contains(reason);
    if (token != null) {
      assertThat(a.body()).doesNotContain(token).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
    }
  }

  @Test
  void missingOrMalformedTokensAreUnauthenticated() throws IOException {
    assertUnauthenticated(null, "missing bearer token");
    assertUnauthenticated("not-a-jwt", "malformed JWT");
  }

  @Test
  void tokenSignedWithAnotherKeyIsRefused() throws IOException {
    assertUnauthenticated(CdpTokens.claims(KEY, uri(ACCOUNTS), now()).sign(other.getPrivate()), "invalid signature");
  }

  @Test
  void tamperedClaimsBreakTheSignature() throws IOException {
    String token = validToken();
    String[] parts = token.split("\\.");
    String forged = CdpTokens.claims(KEY, uri(ACCOUNTS), now()).withExp(now() + 100).sign(other.getPrivate());
    assertUnauthenticated(parts[0] + "." + forged.split("\\.")[1] + "." + parts[2], "invalid signature");
  }

  @Test
  void unknownKeyIsRefused() throws IOException {
    assertUnauthenticated(CdpTokens.claims("organizations/x/apiKeys/nobody", uri(ACCOUNTS), now()).sign(key.getPrivate()),
        "unknown key");
  }

  @Test
  void everyDocumentedClaimIsChecked() throws IOException {
    CdpTokens.Claims good = CdpTokens.claims(KEY, uri(ACCOUNTS), now());
    assertUnauthenticated(good.withIss("coinbase").sign(key.getPrivate()), "iss must be cdp");
    assertUnauthenticated(good.withSub("someone-else").withNonce("a").sign(key.getPrivate()), "sub must be the key name");
    assertUnauthenticated(good.withUri("GET 127.0.0.1/api/v3/brokerage/orders").withNonce("b").sign(key.getPrivate()),
        "uri claim");
    assertUnauthenticated(good.withUri("POST 127.0.0.1" + ACCOUNTS).withNonce("c").sign(key.getPrivate()), "uri claim");
    assertUnauthenticated(good.withUri("GET api.coinbase.com" + ACCOUNTS).withNonce("d").sign(key.getPrivate()), "uri claim");
    assertUnauthenticated(good.withExp(now() + 121).withNonce("e").sign(key.getPrivate()), "lifetime");
    assertUnauthenticated(good.withAlg("HS256").withNonce("f").sign(key.getPrivate()), "alg must be ES256");
    assertThat(get(sandbox.url(ACCOUNTS), good.sign(key.getPrivate())).status()).isEqualTo(200);
  }

  @Test
  void expiredAndNotYetValidTokensAreRefusedOnTheSandboxClock() throws IOException {
    String token = validToken();
    clock.advance(Duration.ofSeconds(120));
    assertUnauthenticated(token, "token expired");
    assertUnauthenticated(CdpTokens.claims(KEY, uri(ACCOUNTS), now() + 5).sign(key.getPrivate()), "not valid yet");
    clock.advance(Duration.ofSeconds(-119));
    assertThat(get(sandbox.url(ACCOUNTS), token).status()).isEqualTo(200);
  }

  @Test
  void ed25519KeyRestJwtIsVerifiedWithItsUriClaimTimesAndKid() throws IOException {
    CdpTokens.Claims good = CdpTokens.eddsaClaims(ED_KEY, uri(ACCOUNTS), now());
    assertThat(get(sandbox.url(ACCOUNTS), good.sign(edKey.getPrivate())).status()).isEqualTo(200);
    assertUnauthenticated(good.withNonce("e1").withUri(uri("/api/v3/brokerage/orders")).sign(edKey.getPrivate()),
        "uri claim does not match");
    assertUnauthenticated(good.withNonce("e2").sign(otherEd.getPrivate()), "invalid signature");
    assertUnauthenticated(good.withNonce("e3").withAlg("ES256").sign(edKey.getPrivate()), "alg must be EdDSA for this key");
    assertUnauthenticated(CdpTokens.eddsaClaims(KEY, uri(ACCOUNTS), now()).sign(edKey.getPrivate()),
        "alg must be ES256 for this key");
    assertUnauthenticated(CdpTokens.eddsaClaims("organizations/x/apiKeys/nobody", uri(ACCOUNTS), now())
        .sign(edKey.getPrivate()), "unknown key");
    String expiring = good.withNonce("e4").sign(edKey.getPrivate());
    assertUnauthenticated(CdpTokens.eddsaClaims(ED_KEY, uri(ACCOUNTS), now() + 5).sign(edKey.getPrivate()), "not valid yet");
    clock.advance(Duration.ofSeconds(120));
    assertUnauthenticated(expiring, "token expired");
  }

  @Test
  void cdpKeysOfAnotherCurveAreRefused() throws Exception {
    java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
    p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
    java.security.PublicKey wrongCurve = p384.generateKeyPair().getPublic();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new CoinbaseRoutes().cdpKey("k", wrongCurve))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EC P-256 or Ed25519");
  }

  @Test
  void aNonceIsAcceptedOnce() throws IOException {
    String token = validToken();
    assertThat(get(sandbox.url(ACCOUNTS), token).status()).isEqualTo(200);
    assertUnauthenticated(token, "nonce already used");
  }

  @Test
  void keyWithoutAccountScopeIsForbidden() throws IOException {
    Answer a = get(sandbox.url(ACCOUNTS), CdpTokens.claims(NO_SCOPE_KEY, uri(ACCOUNTS), now()).sign(other.getPrivate()));
    assertThat(a.status()).isEqualTo(403);
    assertThat(a.json().get("error").asString()).isEqualTo("PERMISSION_DENIED");
  }

  @Test
  void publicRoutesAreLimitedPerAddressWith429() throws IOException {
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/v3/brokerage/time").status()).isEqualTo(200);
    }
    Answer refused = get("/api/v3/brokerage/market/products");
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.raw().header("Retry-After")).isEqualTo("1");
    assertThat(refused.json().has("error")).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(get("/api/v3/brokerage/time").status()).isEqualTo(200);
  }

  @Test
  void accountsAreLimitedPerKeyWith429() throws IOException {
    for (int i = 0; i < 4; i++) {
      assertThat(get(sandbox.url(ACCOUNTS), validToken()).status()).isEqualTo(200);
    }
    Answer refused = get(sandbox.url(ACCOUNTS), validToken());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.raw().header("Retry-After")).isNotNull();
    // Public routes have their own budget.
    assertThat(get("/api/v3/brokerage/time").status()).isEqualTo(200);
  }
}
