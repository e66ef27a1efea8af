package io.tickguard.crypto.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.FakeAuthenticator;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.InstrumentStatus;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Side;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CoinbaseClient against Coinbase's published response examples where the API reference gives
 * decodable ones ({@code candles.json}, {@code market_trades.json}, {@code accounts.json}, and
 * {@code product_book.json} whose values are placeholders), plus hand-made samples for the rest;
 * see fixtures/README.md.
 */
class CoinbaseClientTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private MockApi server;
  private CoinbaseClient client;

  @BeforeEach
  void start() {
    server = new MockApi();
    client = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void fixture(String name) {
    server.json(200, Fixtures.json("coinbase/" + name));
  }

  @Test
  void serverTimeReadsEpochMillis() {
    fixture("time.handmade.json");
    assertThat(client.serverTime()).isEqualTo(Instant.parse("2023-12-31T23:59:58Z"));
    assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v3/brokerage/time");
  }

  @Test
  void instrumentsMapIncrementsAndKeepUnknownStatusRaw() {
    fixture("products.handmade.json");
    List<Instrument> instruments = client.instruments();
    assertThat(instruments).extracting(Instrument::symbol).containsExactly(BTC_USD, Symbol.of("ETH", "BTC"));
    Instrument btc = instruments.get(0);
    assertThat(btc.tickSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.01"));
    assertThat(btc.lotSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00000001"));
    assertThat(btc.status().isTrading()).isTrue();
    assertThat(instruments.get(1).status()).isEqualTo(new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, "auction_mode"));
    assertThat(server.take().getUrl().queryParameter("product_type")).isEqualTo("SPOT");
  }

  @Test
  void tickerUsesNewestTradeAndBestBidAsk() {
    fixture("market_trades.handmade.json");
    Ticker t = client.ticker(BTC_USD);
    assertThat(t.last()).isEqualByComparingTo("42000.00");
    assertThat(t.bid()).isEqualByComparingTo("41999.99");
    assertThat(t.ask()).isEqualByComparingTo("42000.01");
    assertThat(t.time()).contains(Instant.parse("2023-12-31T23:59:58.5Z"));
    assertThat(t.volume24h()).isEmpty();
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/brokerage/market/products/BTC-USD/ticker");
    assertThat(r.getUrl().queryParameter("limit")).isEqualTo("1");
  }

  @Test
  void tickersMakeOneCallPerSymbol() {
    fixture("market_trades.handmade.json");
    fixture("market_trades.handmade.json");
    assertThat(client.tickers(BTC_USD, BTC_USD)).hasSize(2);
    assertThat(server.requestCount()).isEqualTo(2);
  }

  @Test
  void orderBookReadsObjectLevelsAndTime() {
    fixture("product_book.handmade.json");
    OrderBook book = client.orderBook(BTC_USD, 2);
    assertThat(book.bestBid()).hasValueSatisfying(l -> assertThat(l.price()).isEqualByComparingTo("41999.99"));
    assertThat(book.bestAsk()).hasValueSatisfying(l -> assertThat(l.size()).isEqualByComparingTo("0.75"));
    assertThat(book.spread()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.02"));
    assertThat(book.time()).contains(Instant.parse("2023-12-31T23:59:59.123456Z"));
    RecordedRequest r = server.take();
    assertThat(r.getUrl().queryParameter("product_id")).isEqualTo("BTC-USD");
  }

  @Test
  void bookOfAnotherProductIsRefused() {
    server.json(200, Fixtures.json("coinbase/product_book.handmade.json").replace("\"BTC-USD\"", "\"ETH-USD\""));
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 2))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("pricebook.product_id"));
  }

  @Test
  void bookWithMissingSizeIsRefusedNamingTheLevel() {
    server.json(200, Fixtures.json("coinbase/product_book.handmade.json").replace(", \"size\": \"1.25\"", ""));
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 2))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("pricebook.bids[1].size"));
  }

  @Test
  void bookTimeInTheFutureIsRefused() {
    server.json(200, Fixtures.json("coinbase/product_book.handmade.json").replace("2023-12-31T23:59:59.123456Z", "2030-01-01T00:00:00Z"));
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 2))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("time"));
  }

  @Test
  void recentTradesAreReturnedOldestFirst() {
    fixture("market_trades.handmade.json");
    List<Trade> trades = client.recentTrades(BTC_USD, 2);
    assertThat(trades).extracting(Trade::id).containsExactly("634570", "634571");
    assertThat(trades.get(0).side()).isEqualTo(Side.SELL);
  }

  @Test
  void candlesAreReturnedOldestFirstWithTheAskedGranularity() {
    fixture("candles.handmade.json");
    Instant from = Instant.ofEpochSecond(1703995200);
    List<Candle> candles = client.candles(BTC_USD, Interval.ONE_HOUR, from, from.plusSeconds(7200));
    assertThat(candles).extracting(Candle::openTime).containsExactly(from, from.plusSeconds(3600));
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/brokerage/market/products/BTC-USD/candles");
    assertThat(r.getUrl().queryParameter("granularity")).isEqualTo("ONE_HOUR");
    assertThat(r.getUrl().queryParameter("start")).isEqualTo("1703995200");
  }

  @Test
  void candleWithLowAboveOpenIsRefused() {
    server.json(200, Fixtures.json("coinbase/candles.handmade.json").replace("\"low\": \"41900.00\"", "\"low\": \"41960.00\""));
    Instant from = Instant.ofEpochSecond(1703995200);
    assertThatThrownBy(() -> client.candles(BTC_USD, Interval.ONE_HOUR, from, from))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("candles[0].low"));
  }

  @Test
  void balancesFollowTheCursorThroughEveryPage() {
    try (CoinbaseClient signed = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).authenticator(new FakeAuthenticator()).build()) {
      fixture("accounts.json");
      fixture("accounts-page2.handmade.json");
      List<Balance> balances = signed.balances();
      assertThat(balances).extracting(Balance::asset).containsExactly("BTC", "USD");
      assertThat(balances.get(0).free()).isEqualByComparingTo("1.23");
      assertThat(balances.get(0).locked()).isEqualByComparingTo("1.23");
      RecordedRequest first = server.take();
      assertThat(first.getHeaders().get(FakeAuthenticator.HEADER)).isEqualTo("BEARER");
      assertThat(server.take().getUrl().queryParameter("cursor")).isEqualTo("789100");
    }
  }

  @Test
  void balancesWithoutCredentialsAreRefusedBeforeSending() {
    assertThatThrownBy(() -> client.balances()).isInstanceOf(PermissionDeniedException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void unknownProductBecomesInvalidRequestOnProductId() {
    server.json(404, Fixtures.json("coinbase/error-not-found.handmade.json"));
    assertThatThrownBy(() -> client.ticker(BTC_USD))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("product_id");
          assertThat(e.providerCode()).contains("NOT_FOUND");
        });
  }

  @Test
  void rejectedTokenIsAnAuthenticationFailure() {
    try (CoinbaseClient signed = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).authenticator(new FakeAuthenticator()).build()) {
      server.json(401, Fixtures.json("coinbase/error-unauthenticated.handmade.json"));
      assertThatThrownBy(signed::balances)
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("UNAUTHENTICATED"));
    }
  }

  @Test
  void docsCandleSampleDecodes() {
    fixture("candles.json");
    Instant from = Instant.ofEpochSecond(1639508000);
    List<Candle> candles = client.candles(BTC_USD, Interval.ONE_MINUTE, from, from.plusSeconds(120));
    assertThat(candles).hasSize(1);
    Candle c = candles.get(0);
    assertThat(c.openTime()).isEqualTo(Instant.ofEpochSecond(1639508050));
    assertThat(c.close()).isEqualByComparingTo("140.21");
    assertThat(c.volume()).isEqualByComparingTo("56437345");
  }

  @Test
  void docsMarketTradesSampleDecodesWithItsPlaceholderSideAsUnknown() {
    fixture("market_trades.json");
    List<Trade> trades = client.recentTrades(BTC_USD, 1);
    assertThat(trades).hasSize(1);
    assertThat(trades.get(0).id()).isEqualTo("34b080bf-fcfd-445a-832b-46b5ddc65601");
    assertThat(trades.get(0).price()).isEqualByComparingTo("140.91");
    assertThat(trades.get(0).side()).isEqualTo(Side.UNKNOWN);
    assertThat(trades.get(0).time()).isEqualTo(Instant.parse("2021-05-31T09:59:59Z"));
    fixture("market_trades.json");
    Ticker t = client.ticker(BTC_USD);
    assertThat(t.bid()).isEqualByComparingTo("291.13");
    assertThat(t.ask()).isEqualByComparingTo("292.40");
  }

  @Test
  void lastPriceFromDocumentedSampleIsTheNewestTradeOfOneTradeAsked() {
    fixture("market_trades.json");
    assertThat(client.lastPrice(BTC_USD)).isEqualByComparingTo("140.91").hasScaleOf(2);
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/brokerage/market/products/BTC-USD/ticker");
    assertThat(r.getUrl().queryParameter("limit")).isEqualTo("1");
  }

  @Test
  void lastPriceDoesNotReadTheBestBidAndAsk() {
    String placeholderBid = Fixtures.json("coinbase/market_trades.json").replace("\"291.13\"", "\"<string>\"");
    server.json(200, placeholderBid);
    assertThatThrownBy(() -> client.ticker(BTC_USD)).isInstanceOf(InvalidResponseException.class);
    server.json(200, placeholderBid);
    assertThat(client.lastPrice(BTC_USD)).isEqualByComparingTo("140.91");
  }

  @Test
  void lastPriceOfAnotherProductNoTradeOrNoPositivePriceIsRefused() {
    fixture("market_trades.json");
    assertThatThrownBy(() -> client.lastPrice(Symbol.of("ETH", "USD")))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("trades[0].product_id"));
    server.json(200, "{\"trades\":[],\"best_bid\":\"1\",\"best_ask\":\"2\"}");
    assertThatThrownBy(() -> client.lastPrice(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("trades"));
    server.json(200, Fixtures.json("coinbase/market_trades.json").replace("\"140.91\"", "\"-140.91\""));
    assertThatThrownBy(() -> client.lastPrice(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("trades[0].price"));
  }

  @Test
  void docsProductBookSampleHasTheDecodedShapeButPlaceholderValuesAreRefused() {
    fixture("product_book.json");
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 1))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("pricebook.bids[0].price"));
  }

  @Test
  void unknownProductInTheBookQueryIsAnInvalidRequestOnProductId() {
    server.json(404, Fixtures.json("coinbase/error-not-found.handmade.json"));
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 5))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("product_id"));
  }

  @Test
  void bareTextUnauthorizedIsAnAuthenticationFailure() {
    try (CoinbaseClient signed = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).keyPermissionAudit(KeyAuditPolicy.OFF)
        .authenticator(new FakeAuthenticator()).build()) {
      server.enqueue(new MockResponse.Builder().code(401).addHeader("Content-Type", "text/plain").body("Unauthorized").build());
      assertThatThrownBy(signed::balances).isInstanceOfSatisfying(AuthenticationException.class,
          e -> assertThat(e.httpStatus()).contains(401));
    }
  }

  @Test
  void forbiddenIsPermissionDenied() {
    try (CoinbaseClient signed = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).keyPermissionAudit(KeyAuditPolicy.OFF)
        .authenticator(new FakeAuthenticator()).build()) {
      server.json(403, "{\"error\":\"PERMISSION_DENIED\",\"error_details\":\"Missing required scopes\",\"message\":\"Missing required scopes\"}");
      assertThatThrownBy(signed::balances).isInstanceOfSatisfying(PermissionDeniedException.class,
          e -> assertThat(e.providerCode()).contains("PERMISSION_DENIED"));
    }
  }

  @Test
  void tooManyRequestsIsRateLimitedWithRetryAfter() {
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json").addHeader("Retry-After", "2")
        .body("{\"error\":\"RATE_LIMIT_EXCEEDED\",\"error_details\":\"Too many requests\",\"message\":\"Too many requests\"}").build());
    assertThatThrownBy(() -> client.ticker(BTC_USD)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.httpStatus()).contains(429);
      assertThat(e.providerCode()).contains("RATE_LIMIT_EXCEEDED");
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    });
  }

  @Test
  void defaultLimitsCoverPublicAndPrivateRoutes() {
    try (CoinbaseClient limited = CoinbaseClient.builder().config(server.config()).authenticator(new FakeAuthenticator()).build()) {
      fixture("time.handmade.json");
      fixture("accounts-page2.handmade.json");
      assertThat(limited.serverTime()).isNotNull();
      assertThat(limited.balances()).hasSize(1);
    }
  }

  @Test
  void cdpKeySendsAnEs256JwtAsDocumented() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = g.generateKeyPair();
    Secret pem = Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
    String keyName = "organizations/org/apiKeys/key";
    try (CoinbaseClient signed = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).keyPermissionAudit(KeyAuditPolicy.OFF)
        .credentials(CoinbaseKeys.cdp(keyName, pem)).build()) {
      for (int i = 0; i < 3; i++) {
        fixture("time.handmade.json"); // the server clock's first sync: Coinbase is 2 s behind NOW
      }
      fixture("accounts-page2.handmade.json");
      signed.balances();
      for (int i = 0; i < 3; i++) {
        assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v3/brokerage/time");
      }
      RecordedRequest r = server.take();
      String authorization = r.getHeaders().get("Authorization");
      assertThat(authorization).startsWith("Bearer ");
      String[] parts = authorization.substring(7).split("\\.");
      assertThat(parts).hasSize(3);
      Base64.Decoder b64 = Base64.getUrlDecoder();
      JsonNode header = JSON.readTree(b64.decode(parts[0]));
      JsonNode claims = JSON.readTree(b64.decode(parts[1]));
      assertThat(header.get("alg").asString()).isEqualTo("ES256");
      assertThat(header.get("kid").asString()).isEqualTo(keyName);
      assertThat(header.get("nonce").asString()).hasSize(32);
      assertThat(claims.get("iss").asString()).isEqualTo("cdp");
      assertThat(claims.get("sub").asString()).isEqualTo(keyName);
      // Signed on Coinbase's time (2 s behind this machine's), not on the machine's.
      assertThat(claims.get("nbf").asLong()).isEqualTo(MockApi.NOW.getEpochSecond() - 2);
      assertThat(claims.get("exp").asLong()).isEqualTo(MockApi.NOW.getEpochSecond() - 2 + 120);
      // METHOD host path, without port or query, as in "GET api.coinbase.com/api/v3/brokerage/accounts".
      assertThat(claims.get("uri").asString()).isEqualTo("GET " + r.getUrl().host() + "/api/v3/brokerage/accounts");
      Signature verify = Signature.getInstance("SHA256withECDSAinP1363Format");
      verify.initVerify(pair.getPublic());
      verify.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      assertThat(verify.verify(b64.decode(parts[2]))).isTrue();
    }
  }

  @Test
  void cdpKeyMustBeEcAndExclusiveWithACustomAuthenticator() {
    assertThatThrownBy(() -> CoinbaseClient.builder().credentials(ApiCredentials.hmac("k", Secret.ofBytes(new byte[] {1}))))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("credentials");
          assertThat(e.getMessage()).contains("EC_P256");
        });
    KeyPair pair;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      pair = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    Secret pem = Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
    assertThatThrownBy(() -> CoinbaseClient.builder().config(server.config()).credentials(CoinbaseKeys.cdp("k", pem))
        .authenticator(new FakeAuthenticator()).build()).isInstanceOf(io.tickguard.core.InvalidRequestException.class);
  }

  @Test
  void candlesBeyondThePagingBoundAreRefusedBeforeSending() {
    // 350 a request is paged (CandlePagingTest); a window past CandlePages.MAX_CANDLES is refused.
    Instant from = Instant.ofEpochSecond(1703995200);
    assertThatThrownBy(() -> client.candles(BTC_USD, Interval.ONE_MINUTE, from, from.plusSeconds(10_001L * 60)))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(server.requestCount()).isZero();
  }
}
