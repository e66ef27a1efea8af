package io.tickguard.crypto.kraken;

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

/** KrakenClient against Kraken's documented samples (JSON renderings of api-specs' YAML examples). */
class KrakenClientTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");

  private MockApi server;
  private KrakenClient client;

  @BeforeEach
  void start() {
    server = new MockApi();
    client = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).build();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  private void fixture(String name) {
    server.json(200, Fixtures.json("kraken/" + name));
  }

  @Test
  void serverTimeReadsUnixSeconds() {
    fixture("time.handmade.json");
    assertThat(client.serverTime()).isEqualTo(Instant.ofEpochSecond(1548115200));
    assertThat(server.take().getUrl().encodedPath()).isEqualTo("/0/public/Time");
  }

  @Test
  void instrumentsFromDocumentedAssetPairsUseTheUnifiedSymbol() {
    fixture("pairs.json");
    List<Instrument> instruments = client.instruments();
    assertThat(instruments).extracting(Instrument::symbol).containsExactly(Symbol.of("ETH", "BTC"), BTC_USD);
    Instrument btc = instruments.get(1);
    assertThat(btc.providerSymbol()).isEqualTo("XBTUSD");
    assertThat(btc.tickSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.1"));
    assertThat(btc.lotSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00000001"));
    assertThat(btc.minNotional()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.5"));
    assertThat(btc.status()).isEqualTo(new InstrumentStatus(InstrumentStatus.Kind.TRADING, "online"));
  }

  @Test
  void unknownPairStatusIsKeptRaw() {
    server.json(200, Fixtures.json("kraken/pairs.json").replace("\"online\"", "\"auction\""));
    assertThat(client.instruments().get(0).status())
        .isEqualTo(new InstrumentStatus(InstrumentStatus.Kind.UNKNOWN, "auction"));
  }

  @Test
  void tickerFromDocumentedSampleIsKeyedByTheLegacyPairName() {
    fixture("ticker.json");
    Ticker t = client.ticker(BTC_USD);
    assertThat(t.symbol()).isEqualTo(BTC_USD);
    assertThat(t.ask()).isEqualByComparingTo("3537.5").hasScaleOf(5);
    assertThat(t.bid()).isEqualByComparingTo("3537.4");
    assertThat(t.last()).isEqualByComparingTo("3537.5");
    assertThat(t.volume24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("4009.69918350"));
    assertThat(t.open24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("3530.6"));
    assertThat(t.time()).isEmpty();
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/0/public/Ticker");
    assertThat(r.getUrl().queryParameter("pair")).isEqualTo("XBTUSD");
  }

  @Test
  void tickerForAnotherPairThanAskedIsRefused() {
    fixture("ticker.json");
    assertThatThrownBy(() -> client.ticker(Symbol.of("ETH", "USD")))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("result.XXBTZUSD"));
  }

  @Test
  void lastPriceFromDocumentedTickerSampleIsTheLastTradeClosed() {
    fixture("ticker.json");
    assertThat(client.lastPrice(BTC_USD)).isEqualByComparingTo("3537.5").hasScaleOf(5);
    RecordedRequest r = server.take();
    assertThat(r.getUrl().encodedPath()).isEqualTo("/0/public/Ticker");
    assertThat(r.getUrl().queryParameter("pair")).isEqualTo("XBTUSD");
  }

  @Test
  void lastPriceReadsOnlyTheLastTradeSoAnUnusableDayFigureDoesNotHideIt() {
    String brokenVolume = Fixtures.json("kraken/ticker.json").replace("\"v\":[\"2945.40515179\",\"4009.69918350\"]", "\"v\":\"x\"");
    server.json(200, brokenVolume);
    assertThatThrownBy(() -> client.ticker(BTC_USD)).isInstanceOf(InvalidResponseException.class);
    server.json(200, brokenVolume);
    assertThat(client.lastPrice(BTC_USD)).isEqualByComparingTo("3537.5");
  }

  @Test
  void lastPriceOfAnotherPairOrOfTwoPairsIsRefused() {
    fixture("ticker.json");
    assertThatThrownBy(() -> client.lastPrice(Symbol.of("ETH", "USD")))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("result.XXBTZUSD"));
    String json = Fixtures.json("kraken/ticker.json").strip();
    String pair = json.substring(json.indexOf("\"XXBTZUSD\""), json.length() - 2);
    server.json(200, json.substring(0, json.length() - 2) + "," + pair.replace("XXBTZUSD", "XBTUSD") + "}}");
    assertThatThrownBy(() -> client.lastPrice(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("result.XBTUSD"));
  }

  @Test
  void lastPriceThatIsNotPositiveOrMissingIsRefused() {
    server.json(200, Fixtures.json("kraken/ticker.json").replace("\"c\":[\"3537.50000\"", "\"c\":[\"0.00000\""));
    assertThatThrownBy(() -> client.lastPrice(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("result.XXBTZUSD.c[0]"));
    server.json(200, "{\"error\":[],\"result\":{}}");
    assertThatThrownBy(() -> client.lastPrice(BTC_USD))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("result"));
  }

  @Test
  void errorInsideHttp200IsAProviderErrorNotAnEmptyResult() {
    fixture("error-invalid-arguments.handmade.json");
    assertThatThrownBy(() -> client.ticker(BTC_USD))
        .isInstanceOfSatisfying(InvalidRequestException.class,
            e -> assertThat(e.providerCode()).contains("EGeneral:Invalid arguments"));
  }

  @Test
  void errorInsideHttp200FailsStreamedDecodersToo() {
    fixture("error-invalid-arguments.handmade.json");
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 10)).isInstanceOf(InvalidRequestException.class);
  }

  @Test
  void errorAfterAnUnreadableResultStillWins() {
    server.json(200, "{\"result\":{},\"error\":[\"EService:Unavailable\"]}");
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 10))
        .isInstanceOfSatisfying(io.tickguard.core.ProviderException.class,
            e -> assertThat(e.providerCode()).contains("EService:Unavailable"));
  }

  @Test
  void unknownPairErrorNamesThePairParameter() {
    fixture("error-unknown-pair.handmade.json");
    assertThatThrownBy(() -> client.ticker(BTC_USD))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("pair"));
  }

  @Test
  void warningsDoNotFailTheCall() {
    server.json(200, Fixtures.json("kraken/ticker.json").replace("\"error\":[]", "\"error\":[\"WGeneral:Deprecated\"]"));
    assertThat(client.ticker(BTC_USD).bid()).isEqualByComparingTo("3537.4");
  }

  @Test
  void orderBookFromDocumentedSample() {
    fixture("depth.json");
    OrderBook book = client.orderBook(BTC_USD, 2);
    assertThat(book.bids()).hasSize(2);
    assertThat(book.bestBid()).hasValueSatisfying(l -> assertThat(l.price()).isEqualByComparingTo("3538.9"));
    assertThat(book.bestAsk()).hasValueSatisfying(l -> assertThat(l.size()).isEqualByComparingTo("0.801"));
    assertThat(book.spread()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("1.0"));
    assertThat(server.take().getUrl().queryParameter("count")).isEqualTo("2");
  }

  @Test
  void crossedKrakenBookIsRefusedWithItsFullPath() {
    server.json(200, Fixtures.json("kraken/depth.json").replace("3538.90000", "3539.95000"));
    assertThatThrownBy(() -> client.orderBook(BTC_USD, 2))
        .isInstanceOfSatisfying(InvalidResponseException.class,
            e -> assertThat(e.field()).isEqualTo("result.XXBTZUSD.bids[0].price"));
  }

  @Test
  void recentTradesFromDocumentedSampleKeepSubSecondTimes() {
    fixture("trades.json");
    List<Trade> trades = client.recentTrades(BTC_USD, 2);
    assertThat(trades).hasSize(2);
    Trade first = trades.get(0);
    assertThat(first.side()).isEqualTo(Side.BUY);
    assertThat(first.price()).isEqualByComparingTo("3535.5");
    assertThat(first.time()).isEqualTo(Instant.ofEpochSecond(1548111751, 555_600_000));
    assertThat(first.id()).isEqualTo("1548111751.5556-0");
  }

  @Test
  void tradeIdIsUsedWhenKrakenSendsOne() {
    server.json(200, "{\"error\":[],\"result\":{\"XXBTZUSD\":[[\"1.5\",\"2\",1548111751.5,\"s\",\"l\",\"\",42]],\"last\":\"1\"}}");
    Trade t = client.recentTrades(BTC_USD, 1).get(0);
    assertThat(t.id()).isEqualTo("42");
    assertThat(t.side()).isEqualTo(Side.SELL);
  }

  @Test
  void unknownTradeSideBecomesUnknown() {
    server.json(200, Fixtures.json("kraken/trades.json").replaceFirst("\"b\"", "\"x\""));
    assertThat(client.recentTrades(BTC_USD, 2).get(0).side()).isEqualTo(Side.UNKNOWN);
  }

  @Test
  void serverErrorWithoutEnvelopeIsAProviderServerError() {
    server.enqueue(new mockwebserver3.MockResponse.Builder().code(503).body("busy").build());
    assertThatThrownBy(() -> client.serverTime())
        .isInstanceOfSatisfying(io.tickguard.core.ProviderException.class, e -> assertThat(e.serverError()).isTrue());
  }

  @Test
  void candlesFromDocumentedSampleAcceptTheRepeatedOpenTime() {
    fixture("ohlc.json");
    Instant from = Instant.ofEpochSecond(1548115200);
    List<Candle> candles = client.candles(BTC_USD, Interval.ONE_HOUR, from, from.plusSeconds(3600));
    assertThat(candles).hasSize(2);
    assertThat(candles.get(0).close()).isEqualByComparingTo("3539.4");
    assertThat(candles.get(0).volume()).isEqualByComparingTo("83.09287787");
    RecordedRequest r = server.take();
    assertThat(r.getUrl().queryParameter("interval")).isEqualTo("60");
    assertThat(r.getUrl().queryParameter("since")).isEqualTo("1548115199");
  }

  @Test
  void aWindowBeforeTheOldestCandleKrakenKeepsIsRefusedOnFromNotAnsweredEmpty() {
    fixture("ohlc.json"); // Kraken answers with candles from its oldest kept one onwards
    Instant to = Instant.ofEpochSecond(1548115199);
    assertThatThrownBy(() -> client.candles(BTC_USD, Interval.ONE_HOUR, to.minusSeconds(7200), to))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("oldest it has"));
  }

  @Test
  void intervalKrakenDoesNotOfferIsRefusedBeforeSending() {
    Instant t = Instant.ofEpochSecond(1548115200);
    assertThatThrownBy(() -> client.candles(BTC_USD, Interval.TWO_HOURS, t, t)).isInstanceOf(InvalidRequestException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void balancesFromDocumentedSampleReportTotalsAsFree() {
    try (KrakenClient signed = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).authenticator(new FakeAuthenticator()).build()) {
      fixture("balance.json");
      List<Balance> balances = signed.balances();
      assertThat(balances).extracting(Balance::asset).contains("USD", "BTC"); // unified, as in pairs
      Balance btc = balances.stream().filter(b -> b.asset().equals("BTC")).findFirst().orElseThrow();
      assertThat(btc.providerAsset()).isEqualTo("XXBT");
      assertThat(btc.free()).isEqualByComparingTo("3.2223768244");
      assertThat(btc.locked()).isZero();
      RecordedRequest r = server.take();
      assertThat(r.getMethod()).isEqualTo("POST");
      assertThat(r.getUrl().encodedPath()).isEqualTo("/0/private/Balance");
      assertThat(r.getHeaders().get(FakeAuthenticator.HEADER)).isEqualTo("SIGNED");
    }
  }

  @Test
  void balancesWithoutCredentialsAreRefusedBeforeSending() {
    assertThatThrownBy(() -> client.balances()).isInstanceOf(PermissionDeniedException.class);
    assertThat(server.requestCount()).isZero();
  }

  @Test
  void invalidNonceIsAnAuthenticationFailure() {
    try (KrakenClient signed = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).authenticator(new FakeAuthenticator()).build()) {
      fixture("error-invalid-nonce.handmade.json");
      assertThatThrownBy(signed::balances)
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.getMessage()).contains("nonce"));
    }
  }

  @Test
  void missingErrorArrayIsRefused() {
    server.json(200, "{\"result\":{\"unixtime\":1}}");
    assertThatThrownBy(() -> client.serverTime())
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("error"));
  }

  @Test
  void mapperReadsAllThreeKrakenSpellings() {
    KrakenSymbolMapper m = KrakenSymbolMapper.INSTANCE;
    assertThat(m.toProvider(BTC_USD)).isEqualTo("XBTUSD");
    assertThat(m.toWsName(BTC_USD)).isEqualTo("XBT/USD");
    assertThat(m.fromProvider("XBT/USD")).contains(BTC_USD);
    assertThat(m.fromProvider("XXBTZUSD")).contains(BTC_USD);
    assertThat(m.fromProvider("XBTUSD")).contains(BTC_USD);
    assertThat(m.fromProvider("XETHXXBT")).contains(Symbol.of("ETH", "BTC"));
    assertThat(m.fromProvider("XDGUSD")).contains(Symbol.of("DOGE", "USD"));
  }
}
