package io.tickguard.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.internal.CandlePages;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.coinbase.CoinbaseRoutes;
import io.tickguard.testkit.kraken.KrakenRoutes;
import io.tickguard.testkit.ProviderRoutes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 14: {@code candles()} pages through a long window the same way for every provider
 * (Binance 1,000, Kraken 720, Coinbase 350 candles per request), up to {@link
 * CandlePages#MAX_CANDLES}, and refuses before sending a window that may hold more; never a list
 * silently cut at the first page.
 */
class CandlePagingTest {
  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");

  private final MutableClock clock = new MutableClock(NOW);
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private SandboxServer sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private ClientConfig start(ProviderRoutes routes) {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(routes).start();
    return sandbox.clientConfigBuilder().clock(clock).throttle(Throttle.unlimited())
        .metrics(new MetricsListener() {
          @Override
          public void onAttempt(AttemptEvent event) {
            attempts.computeIfAbsent(event.endpoint(), k -> new AtomicInteger()).incrementAndGet();
          }
        }).build();
  }

  private static void everyMinuteOnce(List<Candle> candles, Instant from, int count) {
    assertThat(candles).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(candles.get(i).openTime()).isEqualTo(from.plus(Duration.ofMinutes(i)));
    }
  }

  @Test
  void binanceWindowOfTwoThousandFiveHundredMinutesIsFetchedInThreeContiguousPagesWithNothingCut() {
    // The sandbox simulates only the newest 1,000 candles of an interval: a scripted server answers
    // each page with exactly the minutes it was asked for.
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    try (MockApi server = new MockApi();
         BinanceClient binance = BinanceClient.builder().config(server.config().newBuilder()
             .clock(java.time.Clock.fixed(from.plus(Duration.ofDays(3)), java.time.ZoneOffset.UTC)).build())
             .throttle(Throttle.unlimited()).build()) {
      int[] pages = {1000, 1000, 500};
      long open = from.toEpochMilli();
      for (int size : pages) {
        StringBuilder page = new StringBuilder("[");
        for (int i = 0; i < size; i++, open += 60_000) {
          page.append(i == 0 ? "" : ",").append("[").append(open)
              .append(",\"1.0\",\"1.0\",\"1.0\",\"1.0\",\"1.0\",").append(open + 59_999)
              .append(",\"1.0\",1,\"0.5\",\"0.5\",\"0\"]");
        }
        server.json(200, page.append("]").toString());
      }
      Instant to = from.plus(Duration.ofMinutes(2499));
      everyMinuteOnce(binance.candles(BTC_USDT, Interval.ONE_MINUTE, from, to), from, 2500);
      long expectedStart = from.toEpochMilli();
      for (int size : pages) {
        okhttp3.HttpUrl url = server.take().getUrl();
        assertThat(url.queryParameter("startTime")).isEqualTo(String.valueOf(expectedStart));
        assertThat(Long.parseLong(url.queryParameter("endTime"))).isLessThan(expectedStart + 1000 * 60_000L);
        assertThat(url.queryParameter("limit")).isEqualTo("1000");
        expectedStart += 1000 * 60_000L;
      }
    }
  }

  @Test
  void binancePageAnsweringCandlesOutsideItsWindowIsRefusedNotMerged() {
    Instant from = Instant.parse("2024-01-01T00:00:00Z");
    try (MockApi server = new MockApi();
         BinanceClient binance = BinanceClient.builder().config(server.config().newBuilder()
             .clock(java.time.Clock.fixed(from.plus(Duration.ofDays(3)), java.time.ZoneOffset.UTC)).build())
             .throttle(Throttle.unlimited()).build()) {
      long late = from.plus(Duration.ofHours(1)).toEpochMilli(); // after the window asked
      server.json(200, "[[" + late + ",\"1.0\",\"1.0\",\"1.0\",\"1.0\",\"1.0\"," + (late + 59_999)
          + ",\"1.0\",1,\"0.5\",\"0.5\",\"0\"]]");
      assertThatThrownBy(() -> binance.candles(BTC_USDT, Interval.ONE_MINUTE, from, from.plus(Duration.ofMinutes(10))))
          .isInstanceOf(io.tickguard.core.InvalidResponseException.class);
    }
  }

  @Test
  void coinbaseWindowOfNineHundredMinutesIsFetchedInThreePagesInsteadOfRefused() {
    ClientConfig config = start(new CoinbaseRoutes());
    Instant from = NOW.minus(Duration.ofMinutes(998)); // the sandbox simulates the newest 1,000
    Instant to = from.plus(Duration.ofMinutes(899));
    try (CoinbaseClient coinbase = CoinbaseClient.builder().config(config).build()) {
      everyMinuteOnce(coinbase.candles(BTC_USDT, Interval.ONE_MINUTE, from, to), from, 900);
    }
    assertThat(attempts.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(3);
  }

  @Test
  void krakenWindowWithinItsLastSevenHundredTwentyCandlesIsServedWhole() {
    ClientConfig config = start(new KrakenRoutes());
    Instant from = NOW.minus(Duration.ofMinutes(700));
    Instant to = from.plus(Duration.ofMinutes(599));
    try (KrakenClient kraken = KrakenClient.builder().config(config).build()) {
      everyMinuteOnce(kraken.candles(BTC_USDT, Interval.ONE_MINUTE, from, to), from, 600);
    }
  }

  @Test
  void krakenWindowStartingBeforeItsOldestKeptCandleIsRefusedNotAnsweredInPart() {
    ClientConfig config = start(new KrakenRoutes());
    Instant from = NOW.minus(Duration.ofMinutes(1000));
    try (KrakenClient kraken = KrakenClient.builder().config(config).build()) {
      assertThatThrownBy(() -> kraken.candles(BTC_USDT, Interval.ONE_MINUTE, from, from.plus(Duration.ofMinutes(500))))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("from"))
          .hasMessageContaining("720");
    }
  }

  @Test
  void windowBeyondTheTotalBoundIsRefusedBeforeSendingByEveryProvider() {
    Instant from = NOW.minus(Duration.ofDays(9));
    Instant to = from.plus(Duration.ofMinutes(CandlePages.MAX_CANDLES)); // MAX_CANDLES + 1 open times
    ClientConfig config = start(new BinanceRoutes());
    try (BinanceClient binance = BinanceClient.builder().config(config).build();
         KrakenClient kraken = KrakenClient.builder().config(config).build();
         CoinbaseClient coinbase = CoinbaseClient.builder().config(config).build()) {
      for (CryptoMarketData client : List.<CryptoMarketData>of(binance, kraken, coinbase)) {
        assertThatThrownBy(() -> client.candles(BTC_USDT, Interval.ONE_MINUTE, from, to))
            .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("to"))
            .hasMessageContaining(String.valueOf(CandlePages.MAX_CANDLES));
      }
    }
    assertThat(attempts).isEmpty();
  }
}
