package io.tickguard.crypto.binance;

import io.tickguard.crypto.binance.internal.BinanceEndpoints;
import io.tickguard.core.throttle.Throttle;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ClockSkewException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.RateLimitedException;
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
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** BinanceClient against Binance's documented samples, served by a loopback MockWebServer. */
class BinanceClientTest {
  static final Symbol BNB_BTC = Symbol.of("BNB", "BTC");

  private MockApi server;
  private BinanceClient client;

  @BeforeEach
  void start() {
    server = new MockApi();
    client = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void docSample(String name) {
    server.json(200, Fixtures.json("binance/" + name));
  }

  @Test
  void pingAcceptsTheDocumentedEmptyObject() {
    docSample("ping.json");
    client.ping();
    assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v3/ping");
  }

  @Test
  void serverTimeReadsDocumentedMilliseconds() {
    docSample("time.json");
    assertThat(client.serverTime()).isEqualTo(Instant.ofEpochMilli(1499827319559L));
    assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v3/time");
  }

  @Test
  void instrumentsFromDocumentedExchangeInfoHaveNoRulesWhenFiltersAreEmpty() {
    docSample("exchangeInfo.json");
    List<Instrument> instruments = client.instruments();
    assertThat(instruments).singleElement().satisfies(i -> {
      assertThat(i.symbol()).isEqualTo(Symbol.of("ETH", "BTC"));
      assertThat(i.providerSymbol()).isEqualTo("ETHBTC");
      assertThat(i.status()).isEqualTo(new InstrumentStatus(InstrumentStatus.Kind.TRADING, "TRADING"));
      assertThat(i.tickSize()).isEmpty();
      assertThat(i.lotSize()).isEmpty();
    });
  }

  @Test
  void instrumentsReadTickLotAndNotionalFromDocumentedFilterSamples() {
    // The doc's exchangeInfo sample elides its filters; put the doc's own filter samples in.
    String filters = Fixtures.json("binance/filter-price.json") + "," + Fixtures.json("binance/filter-lot-size.json")
        + "," + Fixtures.json("binance/filter-min-notional.json");
    String body = Fixtures.json("binance/exchangeInfo.json")
        .replaceFirst("\"filters\": \\[\\s*]", "\"filters\": [" + filters.replace("$", "\\$") + "]");
    server.json(200, body);
    Instrument i = client.instruments().get(0);
    assertThat(i.tickSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.000001").hasScaleOf(8));
    assertThat(i.lotSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.001"));
    assertThat(i.minNotional()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.001"));
  }

  @Test
  void unknownSymbolStatusIsKeptRaw() {
    server.json(200, Fixtures.json("binance/exchangeInfo.json").replace("\"TRADING\"", "\"NEW_STATE\""));
    assertThat(client.instruments().get(0).status())
        .isEqualTo(new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, "NEW_STATE"));
  }

  @Test
  void tickerFromDocumentedSampleKeepsExactDecimals() {
    docSample("ticker24hr.json");
    Ticker t = client.ticker(BNB_BTC);
    assertThat(t.symbol()).isEqualTo(BNB_BTC);
    assertThat(t.last()).isEqualByComparingTo("4.000002").hasScaleOf(8);
    assertThat(t.bid()).isEqualByComparingTo("4");
    assertThat(t.ask()).isEqualByComparingTo("4.000002");
    assertThat(t.open24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("99"));
    assertThat(t.low24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.1"));
    assertThat(t.volume24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("8913.3"));
    assertThat(t.time()).contains(Instant.ofEpochMilli(1499869899040L));
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/ticker/24hr");
    assertThat(r.getUrl().queryParameter("symbol")).isEqualTo("BNBBTC");
  }

  @Test
  void lastPriceFromDocumentedSampleUsesTheTickerPriceEndpoint() {
    docSample("tickerPrice.json");
    assertThat(client.lastPrice(Symbol.of("LTC", "BTC"))).isEqualByComparingTo("4.000002").hasScaleOf(8);
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/ticker/price");
    assertThat(r.getUrl().queryParameter("symbol")).isEqualTo("LTCBTC");
  }

  @Test
  void lastPriceOfAnotherSymbolIsRefused() {
    docSample("tickerPrice.json");
    assertThatThrownBy(() -> client.lastPrice(BNB_BTC))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("symbol"));
  }

  @Test
  void tickersAreReturnedInTheOrderAsked() {
    String bnb = Fixtures.json("binance/ticker24hr.json");
    String eth = bnb.replace("BNBBTC", "ETHBTC"); // hand-made second element from the doc sample
    server.json(200, "[" + bnb + "," + eth + "]");
    List<Ticker> tickers = client.tickers(Symbol.of("ETH", "BTC"), BNB_BTC);
    assertThat(tickers).extracting(Ticker::symbol).containsExactly(Symbol.of("ETH", "BTC"), BNB_BTC);
    assertThat(server.take().getUrl().queryParameter("symbols")).isEqualTo("[\"ETHBTC\",\"BNBBTC\"]");
  }

  @Test
  void tickersFailWhenAnAskedSymbolIsMissing() {
    docSample("ticker24hr-list.json");
    assertThatThrownBy(() -> client.tickers(BNB_BTC, Symbol.of("ETH", "BTC")))
        .isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("ETH/BTC");
  }

  @Test
  void tickerWithBidAboveAskIsRefusedNamingTheField() {
    server.json(200, Fixtures.json("binance/ticker24hr.json").replace("\"bidPrice\": \"4.00000000\"", "\"bidPrice\": \"5.00000000\""));
    assertThatThrownBy(() -> client.ticker(BNB_BTC))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bid"));
  }

  @Test
  void tickerTimeFarInTheFutureIsRefused() {
    server.json(200, Fixtures.json("binance/ticker24hr.json").replace("1499869899040", "4102444800000"));
    assertThatThrownBy(() -> client.ticker(BNB_BTC))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("[0].time"));
  }

  @Test
  void orderBookFromDocumentedSampleHasSpreadAndMid() {
    docSample("depth.json");
    OrderBook book = client.orderBook(BNB_BTC, 5);
    assertThat(book.bestBid()).hasValueSatisfying(l -> assertThat(l.size()).isEqualByComparingTo("431"));
    assertThat(book.spread()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.000002"));
    assertThat(book.mid()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4.000001"));
    assertThat(book.time()).isEmpty();
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/depth");
    assertThat(r.getUrl().queryParameter("limit")).isEqualTo("5");
  }

  @Test
  void crossedBookIsRefusedNamingTheBestBid() {
    server.json(200, "{\"bids\":[[\"5.0\",\"1\"]],\"asks\":[[\"4.0\",\"1\"]]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
  }

  @Test
  void unsortedAsksAreRefusedNamingTheLevel() {
    server.json(200, "{\"bids\":[],\"asks\":[[\"4.0\",\"1\"],[\"4.0\",\"2\"],[\"3.9\",\"1\"]]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("asks[1].price"));
  }

  @Test
  void negativeSizeIsRefusedNamingTheLevel() {
    server.json(200, "{\"bids\":[[\"4.0\",\"1\"],[\"3.9\",\"-1\"]],\"asks\":[]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[1].size"));
  }

  @Test
  void priceOfTheWrongTypeIsRefused() {
    server.json(200, "{\"bids\":[[{\"p\":1},\"1\"]],\"asks\":[]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
  }

  @Test
  void missingSideIsRefused() {
    server.json(200, "{\"lastUpdateId\":1,\"bids\":[]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("asks"));
  }

  @Test
  void jsonNumbersDecodeExactlyAsWrittenLikeNumericStrings() {
    server.json(200, "{\"bids\":[[4.10, 0.00000001]],\"asks\":[[\"4.20\",\"2\"]]}");
    OrderBook book = client.orderBook(BNB_BTC, 5);
    assertThat(book.bids().get(0).price()).isEqualByComparingTo("4.1").hasScaleOf(2);
    assertThat(book.bids().get(0).size()).isEqualByComparingTo("0.00000001");
  }

  @Test
  void exponentNumberIsRefused() {
    server.json(200, "{\"bids\":[[1e400,\"1\"]],\"asks\":[]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
  }

  @Test
  void exponentStringThatWouldExpandTo400DigitsIsRefused() {
    server.json(200, "{\"bids\":[[\"1e400\",\"1\"]],\"asks\":[]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
  }

  @Test
  void fiveHundredDigitNumberIsRefusedByTheStrictParser() {
    server.json(200, "{\"bids\":[[" + "9".repeat(500) + ",\"1\"]],\"asks\":[]}");
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5)).isInstanceOf(InvalidResponseException.class);
  }

  @Test
  void depthOutsideBinanceRangeIsRefusedBeforeSending() {
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 0)).isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> client.orderBook(BNB_BTC, 5001)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void depthWeightFollowsTheDocumentedLimitTiers() {
    assertThat(weightForDepth(100)).isEqualTo(5);
    assertThat(weightForDepth(101)).isEqualTo(25);
    assertThat(weightForDepth(1000)).isEqualTo(50);
    assertThat(weightForDepth(5000)).isEqualTo(250);
    assertThat(BinanceEndpoints.DEPTH.request().query("symbol", "BTCUSDT").build().weight()).isEqualTo(5);
  }

  private static int weightForDepth(int limit) {
    return BinanceEndpoints.DEPTH.request().query("symbol", "BTCUSDT").query("limit", String.valueOf(limit)).build().weight();
  }

  @Test
  void tickerWeightGrowsWithTheNumberOfSymbols() {
    assertThat(BinanceEndpoints.TICKER_24HR.request().query("symbol", "BTCUSDT").build().weight()).isEqualTo(2);
    assertThat(BinanceEndpoints.TICKER_24HR.request().build().weight()).isEqualTo(80);
    String fifty = String.join(",", java.util.Collections.nCopies(50, "\"BTCUSDT\""));
    assertThat(BinanceEndpoints.TICKER_24HR.request().query("symbols", "[" + fifty + "]").build().weight()).isEqualTo(40);
  }

  @Test
  void recentTradesFromDocumentedSampleTakeTheTakerSide() {
    docSample("trades.json");
    List<Trade> trades = client.recentTrades(BNB_BTC, 10);
    assertThat(trades).singleElement().satisfies(t -> {
      assertThat(t.id()).isEqualTo("28457");
      assertThat(t.price()).isEqualByComparingTo("4.000001");
      assertThat(t.size()).isEqualByComparingTo("12");
      assertThat(t.side()).isEqualTo(Side.SELL); // isBuyerMaker: the seller took
      assertThat(t.time()).isEqualTo(Instant.ofEpochMilli(1499865549590L));
    });
    assertThat(server.take().getUrl().queryParameter("limit")).isEqualTo("10");
  }

  @Test
  void candlesFromDocumentedSample() {
    docSample("klines.json");
    Instant from = Instant.ofEpochMilli(1499040000000L);
    List<Candle> candles = client.candles(BNB_BTC, Interval.ONE_DAY, from, from.plusSeconds(86400));
    assertThat(candles).singleElement().satisfies(c -> {
      assertThat(c.openTime()).isEqualTo(from);
      assertThat(c.interval()).isEqualTo(Interval.ONE_DAY);
      assertThat(c.high()).isEqualByComparingTo("0.8");
      assertThat(c.volume()).isEqualByComparingTo("148976.11427815");
    });
    RecordedRequest r = server.take();
    assertThat(r.getUrl().queryParameter("interval")).isEqualTo("1d");
    assertThat(r.getUrl().queryParameter("startTime")).isEqualTo("1499040000000");
  }

  @Test
  void candleWithHighBelowCloseIsRefusedNamingTheField() {
    server.json(200, Fixtures.json("binance/klines.json").replace("\"0.80000000\"", "\"0.01576000\""));
    Instant from = Instant.ofEpochMilli(1499040000000L);
    assertThatThrownBy(() -> client.candles(BNB_BTC, Interval.ONE_DAY, from, from))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).startsWith("[0]."));
  }

  @Test
  void candlesOutOfOrderAreRefused() {
    String k = Fixtures.json("binance/klines.json").trim();
    String one = k.substring(1, k.length() - 1);
    server.json(200, "[" + one + "," + one.replace("1499040000000", "1498953600000") + "]");
    Instant from = Instant.ofEpochMilli(1498953600000L);
    assertThatThrownBy(() -> client.candles(BNB_BTC, Interval.ONE_DAY, from, from.plusSeconds(86400)))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("[1].openTime"));
  }

  @Test
  void balancesWithoutCredentialsAreRefusedBeforeSending() {
    assertThatThrownBy(() -> client.balances()).isInstanceOf(PermissionDeniedException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void balancesFromDocumentedAccountSampleThroughThePluggableAuthenticator() {
    try (BinanceClient signed = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).authenticator(new FakeAuthenticator()).build()) {
      docSample("account.json");
      List<Balance> balances = signed.balances();
      assertThat(balances).extracting(Balance::asset).containsExactly("BTC", "LTC");
      assertThat(balances.get(0).free()).isEqualByComparingTo("4723846.89208129");
      RecordedRequest r = server.take();
      assertThat(r.getUrl().encodedPath()).isEqualTo("/api/v3/account");
      assertThat(r.getHeaders().get(FakeAuthenticator.HEADER)).isEqualTo("SIGNED");
    }
  }

  @Test
  void documentedInvalidSymbolErrorBecomesInvalidRequestWithTheCode() {
    server.json(400, Fixtures.json("binance/error-invalid-symbol.json"));
    assertThatThrownBy(() -> client.ticker(BNB_BTC))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("symbol");
          assertThat(e.providerCode()).contains("-1121");
        });
  }

  @Test
  void timestampOutsideRecvWindowIsAClockSkewThatMentionsTheClock() {
    // Hand-made body: code and message from the documented error list (errors.md, -1021).
    server.json(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
    assertThatThrownBy(() -> client.serverTime())
        .isInstanceOf(ClockSkewException.class)
        .hasMessageContaining("clock");
  }

  @Test
  void rejectedKeyIsAnAuthenticationFailure() {
    // Hand-made body: code and message from errors.md (-2015).
    server.json(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
    assertThatThrownBy(() -> client.serverTime())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("-2015"));
  }

  @Test
  void tooManyRequestsHonoursRetryAfter() {
    // Hand-made body: code and message from errors.md (-1003).
    server.enqueue(new MockResponse.Builder().code(429).addHeader("Content-Type", "application/json")
        .addHeader("Retry-After", "7")
        .body("{\"code\":-1003,\"msg\":\"Too many requests queued.\"}").build());
    assertThatThrownBy(() -> client.serverTime())
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isFalse();
          assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d.toSeconds()).isEqualTo(7));
        });
  }

  @Test
  void asyncTickerRunsTheSameCall() throws Exception {
    docSample("ticker24hr.json");
    assertThat(client.tickerAsync(BNB_BTC).get().last()).isEqualByComparingTo("4.000002");
  }

  @Test
  void symbolMapperRoundTripsKnownQuotes() {
    assertThat(BinanceSymbolMapper.INSTANCE.toProvider(Symbol.of("BTC", "USDT"))).isEqualTo("BTCUSDT");
    assertThat(BinanceSymbolMapper.INSTANCE.fromProvider("BTCUSDT")).contains(Symbol.of("BTC", "USDT"));
    assertThat(BinanceSymbolMapper.INSTANCE.fromProvider("ETHBTC")).contains(Symbol.of("ETH", "BTC"));
    assertThat(BinanceSymbolMapper.INSTANCE.fromProvider("XYZABC")).isEmpty();
  }
}
