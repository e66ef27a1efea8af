package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.market.insightease.InsighteaseKeys;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An answer larger than, or other than, what was asked is refused, never cut short or guessed. */
class HostileAmbiguityTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");

  private MockApi server;

  @BeforeEach
  void start() {
    server = new MockApi();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static String levels(int n) {
    return IntStream.range(0, n).mapToObj(i -> "[\"" + (100 + i) + ".0\",\"1.0\",1548111751]")
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void krakenTickerWithTwoKeysForTheOnePairAskedIsRefused() {
    String t = Fixtures.json("kraken/ticker.json").trim();
    String inner = t.substring(t.indexOf("{\"a\""), t.length() - 2); // the pair's object
    String body = "{\"error\":[],\"result\":{\"XXBTZUSD\":" + inner + ",\"XBTUSD\":"
        + inner.replace("3537.50000", "3537.60000") + "}}"; // both valid: which is right cannot be known
    try (KrakenClient c = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      server.json(200, body);
      assertThatThrownBy(() -> c.ticker(BTC_USD)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.getMessage()).contains("appears twice"));
    }
  }

  @Test
  void krakenBookLargerThanTheDepthAskedIsRefused() {
    String body = "{\"error\":[],\"result\":{\"XXBTZUSD\":{\"asks\":" + levels(6) + ",\"bids\":[]}}}";
    try (KrakenClient c = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      server.json(200, body);
      assertThatThrownBy(() -> c.orderBook(BTC_USD, 5)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).isEqualTo("result.XXBTZUSD.asks"));
    }
  }

  @Test
  void krakenMoreTradesThanAskedAreRefused() {
    try (KrakenClient c = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      server.json(200, Fixtures.json("kraken/trades.json")); // two trades
      assertThatThrownBy(() -> c.recentTrades(BTC_USD, 1)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).isEqualTo("result.XXBTZUSD"));
    }
  }

  @Test
  void binanceBookLargerThanTheDepthAskedIsRefused() {
    String body = "{\"lastUpdateId\":1,\"bids\":" + levels(6).replace(",1548111751", "") + ",\"asks\":[]}";
    try (BinanceClient c = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      server.json(200, body);
      assertThatThrownBy(() -> c.orderBook(BTC_USDT, 5)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).isEqualTo("bids"));
    }
  }

  @Test
  void binanceMoreTradesThanAskedAreRefused() {
    try (BinanceClient c = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      String trade = "{\"id\":28457,\"price\":\"4.00000100\",\"qty\":\"12.00000000\",\"time\":1499865549590,"
          + "\"isBuyerMaker\":true}";
      server.json(200, "[" + trade + "," + trade.replace("28457", "28458") + "]");
      assertThatThrownBy(() -> c.recentTrades(BTC_USDT, 1)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).isEqualTo("body"));
    }
  }

  @Test
  void coinbaseBookLargerThanTheDepthAskedIsRefused() {
    String level = "{\"price\":\"1.0\",\"size\":\"1.0\"}";
    String side = IntStream.range(0, 3).mapToObj(i -> level).collect(Collectors.joining(",", "[", "]"));
    String body = "{\"pricebook\":{\"product_id\":\"BTC-USD\",\"bids\":" + side + ",\"asks\":[]}}";
    try (CoinbaseClient c = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      server.json(200, body);
      assertThatThrownBy(() -> c.orderBook(BTC_USD, 2)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).isEqualTo("pricebook.bids"));
    }
  }

  @Test
  void coinbaseMoreTradesThanAskedAreRefused() {
    try (CoinbaseClient c = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).build()) {
      String trade = "{\"trade_id\":\"t1\",\"product_id\":\"BTC-USD\",\"price\":\"140.91\",\"size\":\"4\","
          + "\"time\":\"2021-05-31T09:59:59.000Z\",\"side\":\"BUY\"}";
      server.json(200, "{\"trades\":[" + trade + "," + trade.replace("t1", "t2") + "]}");
      assertThatThrownBy(() -> c.recentTrades(BTC_USD, 1)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).isEqualTo("trades"));
    }
  }

  @Test
  void insighteaseTwoPricesForTheOneSymbolAskedAreRefused() {
    String latest = Fixtures.json("insightease/latest.handmade.json").replace("\"ETH/USD\"", "\"BTC/USD\"");
    try (InsighteaseClient c = InsighteaseClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(InsighteaseKeys.apiKey("ie-hostile-test-key-1")).build()) {
      server.json(200, latest);
      assertThatThrownBy(() -> c.ticker(BTC_USD)).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.getMessage()).contains("appears twice"));
    }
  }
}
