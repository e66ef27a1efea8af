package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.market.insightease.InsighteaseKeys;
import java.time.Instant;
import java.util.function.Function;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Numbers from a hostile server that do not fit what they are narrowed to (times beyond any
 * calendar, a scale of two billion, ids beyond 64 bits) end in an {@link InvalidResponseException}
 * naming the field, for every provider: never a wrapped value, a {@code DateTimeException} or an
 * {@code ArithmeticException}.
 */
class HostileWireNumbersTest {
  static final Symbol BTC_USD = Symbol.of("BTC", "USD");
  static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");
  static final Instant FROM = Instant.parse("2023-12-31T00:00:00Z");

  private MockApi server;

  @BeforeEach
  void start() {
    server = new MockApi();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private <C extends CryptoMarketData> void refused(
      C client, String body, Function<C, ThrowingCallable> call, String field) {
    try (client) {
      server.json(200, body);
      assertThatThrownBy(call.apply(client))
          .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo(field));
    }
  }

  private KrakenClient kraken() {
    return KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited()).build();
  }

  private BinanceClient binance() {
    return BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).build();
  }

  private CoinbaseClient coinbase() {
    return CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited()).build();
  }

  private InsighteaseClient insightease() {
    return InsighteaseClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(InsighteaseKeys.apiKey("ie-hostile-test-key-1")).build();
  }

  @Test
  void krakenTradeTimeBeyondTwoToTheSixtyFourSecondsIsRefusedNotWrappedToADate() {
    String body = Fixtures.json("kraken/trades.json").replace("1548111751.5556", "18446744073709551617.5");
    refused(kraken(), body, c -> () -> c.recentTrades(BTC_USD, 10), "result.XXBTZUSD[0].time");
  }

  @Test
  void krakenNegativeTradeTimeIsRefused() {
    String body = Fixtures.json("kraken/trades.json").replace("1548111751.5556", "-1.5");
    refused(kraken(), body, c -> () -> c.recentTrades(BTC_USD, 10), "result.XXBTZUSD[0].time");
  }

  @Test
  void krakenLotDecimalsOfTwoBillionIsRefusedNotAScaleOfTwoBillion() {
    String body = Fixtures.json("kraken/pairs.json").replaceFirst("\"lot_decimals\":\\s*\\d+", "\"lot_decimals\":2000000000");
    try (KrakenClient c = kraken()) {
      server.json(200, body);
      assertThatThrownBy(c::instruments).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).endsWith(".lot_decimals"));
    }
  }

  @Test
  void krakenLotDecimalsBeyondThirtyTwoBitsIsRefusedNotTruncatedToOne() {
    String body = Fixtures.json("kraken/pairs.json").replaceFirst("\"lot_decimals\":\\s*\\d+", "\"lot_decimals\":4294967297");
    try (KrakenClient c = kraken()) {
      server.json(200, body);
      assertThatThrownBy(c::instruments).isInstanceOfSatisfying(InvalidResponseException.class,
          e -> assertThat(e.field()).endsWith(".lot_decimals"));
    }
  }

  @Test
  void krakenServerTimeOfLongMaxIsRefusedBeforeAnySigningUsesIt() {
    refused(kraken(), "{\"error\":[],\"result\":{\"unixtime\":9223372036854775807}}", c -> c::serverTime,
        "result.unixtime");
  }

  @Test
  void krakenCandleTimeBeyondTheCalendarIsRefused() {
    String body = Fixtures.json("kraken/ohlc.json").replaceFirst("1548115200", "9223372036854775807");
    refused(kraken(), body, c -> () -> c.candles(BTC_USD, Interval.ONE_HOUR, Instant.ofEpochSecond(1548100000),
        Instant.ofEpochSecond(1548200000)), "result.XXBTZUSD[0].time");
  }

  @Test
  void krakenTradeIdBeyondSixtyFourBitsIsRefused() {
    String body = "{\"error\":[],\"result\":{\"XXBTZUSD\":[[\"3535.5\",\"0.003\",1548111751.5556,\"b\",\"m\",\"\","
        + "99999999999999999999999]],\"last\":\"1\"}}";
    refused(kraken(), body, c -> () -> c.recentTrades(BTC_USD, 10), "result.XXBTZUSD[0].trade_id");
  }

  @Test
  void binanceServerTimeOfLongMaxIsRefused() {
    refused(binance(), "{\"serverTime\":9223372036854775807}", c -> c::serverTime, "serverTime");
  }

  @Test
  void binanceSignedCallWhoseServerClockSaysLongMaxEndsTypedAndSendsNothingSigned() {
    try (BinanceClient c = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac("binance-hostile-key", Secret.of("binance-hostile-secret".toCharArray())))
        .build()) {
      for (int i = 0; i < 3; i++) {
        server.json(200, "{\"serverTime\":9223372036854775807}");
      }
      assertThatThrownBy(c::balances).isInstanceOf(TickGuardException.class);
      int sent = server.requestCount();
      for (int i = 0; i < sent; i++) {
        assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v3/time"); // never the signed account call
      }
    }
  }

  @Test
  void binanceTradeTimeBeyondTheCalendarAndNegativeIdsAreRefused() {
    refused(binance(), "[{\"id\":1,\"price\":\"1.0\",\"qty\":\"1.0\",\"time\":9223372036854775807,\"isBuyerMaker\":true}]",
        c -> () -> c.recentTrades(BTC_USDT, 10), "[0].time");
  }

  @Test
  void binanceNegativeTradeIdIsRefused() {
    refused(binance(), "[{\"id\":-5,\"price\":\"1.0\",\"qty\":\"1.0\",\"time\":1499827319559,\"isBuyerMaker\":true}]",
        c -> () -> c.recentTrades(BTC_USDT, 10), "[0].id");
  }

  @Test
  void binanceKlineOpenTimeBeyondSixtyFourBitsIsRefused() {
    String body = "[[99999999999999999999,\"1\",\"1\",\"1\",\"1\",\"1\",1,\"1\",1,\"1\",\"1\",\"0\"]]";
    refused(binance(), body, c -> () -> c.candles(BTC_USDT, Interval.ONE_MINUTE, FROM, FROM.plusSeconds(60)), "[0][0]");
  }

  @Test
  void binanceKlineOpenTimeBeyondTheCalendarIsRefused() {
    String body = "[[9223372036854775807,\"1\",\"1\",\"1\",\"1\",\"1\",1,\"1\",1,\"1\",\"1\",\"0\"]]";
    refused(binance(), body, c -> () -> c.candles(BTC_USDT, Interval.ONE_MINUTE, FROM, FROM.plusSeconds(60)), "[0][0]");
  }

  @Test
  void coinbaseServerTimeOfLongMaxIsRefused() {
    refused(coinbase(), "{\"iso\":\"x\",\"epochSeconds\":\"1\",\"epochMillis\":\"9223372036854775807\"}",
        c -> c::serverTime, "epochMillis");
  }

  @Test
  void coinbaseCandleStartBeyondTheCalendarIsRefused() {
    String body = "{\"candles\":[{\"start\":\"9223372036854775807\",\"low\":\"1\",\"high\":\"1\",\"open\":\"1\","
        + "\"close\":\"1\",\"volume\":\"1\"}]}";
    refused(coinbase(), body, c -> () -> c.candles(BTC_USD, Interval.ONE_HOUR, FROM, FROM.plusSeconds(3600)),
        "candles[0].start");
  }

  @Test
  void coinbaseTradeTimeInTheYearOneBillionIsRefused() {
    String body = "{\"trades\":[{\"trade_id\":\"1\",\"product_id\":\"BTC-USD\",\"price\":\"1\",\"size\":\"1\","
        + "\"time\":\"+1000000000-12-31T23:59:59Z\",\"side\":\"BUY\"}]}";
    refused(coinbase(), body, c -> () -> c.recentTrades(BTC_USD, 10), "trades[0].time");
  }

  @Test
  void insighteaseCandleTimeBeyondTheCalendarIsRefused() {
    String body = Fixtures.json("insightease/history.handmade.json").replaceFirst("\"1703995200\"", "\"9223372036854775807\"");
    refused(insightease(), body, c -> () -> c.candles(BTC_USD, Interval.ONE_HOUR, FROM, FROM.plusSeconds(86400)),
        "response[0].t");
  }

  @Test
  void insighteaseTickerTimeBeyondTheCalendarIsRefused() {
    String body = Fixtures.json("insightease/latest.handmade.json").replaceFirst("\"1704067190\"", "\"-9223372036854775808\"");
    refused(insightease(), body, c -> () -> c.ticker(BTC_USD), "response[0].t");
  }
}
