package io.tickguard.crypto.coinbase;

import io.tickguard.core.throttle.Throttle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
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
import java.time.Instant;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CoinbaseClient against hand-made samples (the docs' response examples could not be retrieved;
 * see fixtures/README.md), built from the documented field names.
 */
class CoinbaseClientTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");

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
      fixture("accounts-page1.handmade.json");
      fixture("accounts-page2.handmade.json");
      List<Balance> balances = signed.balances();
      assertThat(balances).extracting(Balance::asset).containsExactly("BTC", "USD");
      assertThat(balances.get(0).locked()).isEqualByComparingTo("0.1");
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
}
