package io.tickguard.crypto.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Interval;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.kraken.KrakenRoutes;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.market.SimTicker;
import io.tickguard.testkit.market.SimTrade;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * KrakenClient against the sandbox's KrakenRoutes over pinned TLS: every CryptoMarketData call, the
 * signed Balance, and the refusals Kraken answers inside HTTP 200 (signature, nonce, limits).
 */
class KrakenSandboxTest {
  static final String KEY = "kraken-e2e-key";
  static final String SECRET = Base64.getEncoder().encodeToString(
      "end-to-end Kraken private key: sixty-four bytes of test material".getBytes(StandardCharsets.US_ASCII));
  static final String WRONG_SECRET = Base64.getEncoder().encodeToString(
      "a different private key that the sandbox has never registered!!".getBytes(StandardCharsets.US_ASCII));
  static final Symbol BTC_USDT = Symbol.of("BTC", "USDT");
  static final Symbol ETH_USDT = Symbol.of("ETH", "USDT");
  static final Symbol EUR_USD = Symbol.of("EUR", "USD");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private SandboxServer sandbox;

  private SandboxServer start(KrakenRoutes routes) {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(routes)
        .apiKey(KEY, SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ)
        .start();
    return sandbox;
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  /** A client over pinned TLS on the shared clock; unthrottled unless the test is about the default throttle. */
  private KrakenClient client(String secret, boolean unthrottled) {
    KrakenClient.Builder b = KrakenClient.builder()
        // Each test reads the sandbox's one answer: no default retries. (A retry after an in-body rate
        // limit waits out the throttle's pause on this frozen clock, which never passes.)
        .config(sandbox.clientConfigBuilder().clock(clock).resilience(ResiliencePolicy.none()).build())
        .credentials(ApiCredentials.hmac(KEY, Secret.of(secret.toCharArray())));
    return (unthrottled ? b.throttle(Throttle.unlimited()) : b).build();
  }

  private KrakenClient client() {
    return client(SECRET, true);
  }

  @Test
  void serverTimeIsTheSandboxClockSyncAndAsync() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      assertThat(sandbox.clientConfig().baseUrl().isHttps()).isTrue();
      assertThat(kraken.serverTime()).isEqualTo(Instant.parse("2026-03-02T10:00:10Z"));
      assertThat(kraken.serverTimeAsync().join()).isEqualTo(Instant.parse("2026-03-02T10:00:10Z"));
    }
  }

  @Test
  void instrumentsListEverySimulatedPairUnderItsUnifiedSymbol() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      List<Instrument> instruments = kraken.instruments();
      assertThat(instruments).extracting(Instrument::symbol)
          .containsExactly(BTC_USDT, ETH_USDT, Symbol.of("SOL", "USDT"), EUR_USD, Symbol.of("GBP", "USD"));
      Instrument btc = instruments.get(0);
      assertThat(btc.providerSymbol()).isEqualTo("XBTUSDT");
      assertThat(btc.tickSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.01"));
      assertThat(btc.lotSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00001"));
      assertThat(kraken.instrumentsAsync().join()).isEqualTo(instruments);
    }
  }

  @Test
  void lastPriceIsTheSimulatorsLastTradeForOneCallOfWeightOne() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      assertThat(kraken.lastPrice(BTC_USDT)).isEqualByComparingTo(sandbox.market().ticker("BTC-USDT").last());
      assertThat(kraken.lastPrice(EUR_USD)).isEqualByComparingTo(sandbox.market().ticker("EUR-USD").last()); // ZEURZUSD
      assertThat(kraken.usage().endpoints().get("ticker")).isEqualTo(new io.tickguard.core.security.UsageSnapshot.EndpointUsage(2, 2, 0));
    }
  }

  @Test
  void tickersMatchTheSimulatorInTheOrderAsked() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      SimTicker sim = sandbox.market().ticker("BTC-USDT");
      Ticker btc = kraken.ticker(BTC_USDT);
      assertThat(btc.symbol()).isEqualTo(BTC_USDT);
      assertThat(btc.last()).isEqualByComparingTo(sim.last());
      assertThat(btc.bid()).isEqualByComparingTo(sim.bid());
      assertThat(btc.ask()).isEqualByComparingTo(sim.ask());
      assertThat(btc.high24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(sim.high24h()));
      assertThat(btc.volume24h()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo(sim.volume24h()));

      List<Ticker> two = kraken.tickers(EUR_USD, BTC_USDT); // EUR/USD answers under ZEURZUSD
      assertThat(two).extracting(Ticker::symbol).containsExactly(EUR_USD, BTC_USDT);
      assertThat(two.get(0).last()).isEqualByComparingTo(sandbox.market().ticker("EUR-USD").last());
      assertThat(kraken.tickerAsync(BTC_USDT).join()).isEqualTo(btc);
      assertThat(kraken.tickersAsync(EUR_USD, BTC_USDT).join()).isEqualTo(two);
    }
  }

  @Test
  void orderBookMatchesTheSimulator() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      OrderBook book = kraken.orderBook(ETH_USDT, 25);
      SimOrderBook sim = sandbox.market().orderBook("ETH-USDT", 25);
      assertThat(book.asks()).hasSize(25);
      assertThat(book.bids()).hasSizeBetween(1, 25);
      SimLevel bestBid = sim.bids().get(0);
      assertThat(book.bids().get(0).price()).isEqualByComparingTo(bestBid.price());
      assertThat(book.bids().get(0).size()).isEqualByComparingTo(bestBid.quantity());
      assertThat(book.asks().get(24).price()).isEqualByComparingTo(sim.asks().get(24).price());
      assertThat(kraken.orderBookAsync(ETH_USDT, 25).join()).isEqualTo(book);
    }
  }

  @Test
  void recentTradesMatchTheSimulator() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      List<Trade> trades = kraken.recentTrades(BTC_USDT, 50);
      List<SimTrade> sim = sandbox.market().recentTrades("BTC-USDT", 50);
      assertThat(trades).hasSize(50);
      for (int i = 0; i < 50; i++) {
        assertThat(trades.get(i).id()).isEqualTo(Long.toString(sim.get(i).id()));
        assertThat(trades.get(i).price()).isEqualByComparingTo(sim.get(i).price());
        assertThat(trades.get(i).size()).isEqualByComparingTo(sim.get(i).quantity());
        assertThat(trades.get(i).time()).isEqualTo(sim.get(i).time());
      }
      assertThat(kraken.recentTradesAsync(BTC_USDT, 50).join()).isEqualTo(trades);
    }
  }

  @Test
  void candlesCoverTheWindowAskedIncludingItsFirstOpen() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      Instant from = Instant.parse("2026-03-02T06:00:00Z");
      Instant to = Instant.parse("2026-03-02T09:00:00Z");
      List<Candle> candles = kraken.candles(BTC_USDT, Interval.ONE_HOUR, from, to);
      assertThat(candles).extracting(Candle::openTime).containsExactly(
          from, from.plusSeconds(3600), from.plusSeconds(7200), to);
      assertThat(kraken.candlesAsync(BTC_USDT, Interval.ONE_HOUR, from, to).join()).isEqualTo(candles);
      List<Candle> minutes = kraken.candles(BTC_USDT, Interval.FIVE_MINUTES, Instant.parse("2026-03-02T09:30:00Z"),
          Instant.parse("2026-03-02T10:00:00Z"));
      assertThat(minutes).hasSize(7);
    }
  }

  @Test
  void balancesAreSignedAndAcceptedSyncAndAsync() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client()) {
      List<Balance> balances = kraken.balances();
      assertThat(balances).extracting(Balance::asset).containsExactlyInAnyOrder("USD", "BTC", "USDT");
      assertThat(balances).extracting(Balance::providerAsset).containsExactlyInAnyOrder("ZUSD", "XXBT", "USDT");
      assertThat(balances).filteredOn(b -> b.asset().equals("BTC")).singleElement()
          .satisfies(b -> assertThat(b.free()).isEqualByComparingTo("0.5"));
      // The clock does not move: the second call's nonce is still greater than the first's.
      assertThat(kraken.balancesAsync().join()).isEqualTo(balances);
    }
  }

  @Test
  void wrongSecretIsRejectedAndNoSecretAppearsInTheFailure() {
    start(new KrakenRoutes());
    try (KrakenClient kraken = client(WRONG_SECRET, true)) {
      AuthenticationException e = (AuthenticationException) catchFailure(kraken::balances);
      assertThat(e.providerCode()).contains("EAPI:Invalid signature");
      // Refused inside HTTP 200, yet explained like a 401: what was signed, to compare with the docs.
      assertThat(e.signedPayload()).hasValueSatisfying(p -> assertThat(p).contains("/0/private/Balance").contains("nonce="));
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertThat(trace.toString()).doesNotContain(SECRET).doesNotContain(WRONG_SECRET);
      assertThat(e.toString()).doesNotContain(WRONG_SECRET);
      assertThatThrownBy(() -> kraken.balancesAsync().join()).isInstanceOf(CompletionException.class)
          .satisfies(f -> assertThat(ApiClient.unwrap(f)).isInstanceOf(AuthenticationException.class));
    }
    // A forged call did not burn the key's nonces: the right secret still works.
    try (KrakenClient kraken = client()) {
      assertThat(kraken.balances()).isNotEmpty();
    }
  }

  @Test
  void aStaleNonceFromAnotherClientOfTheSameKeyIsRejected() {
    start(new KrakenRoutes());
    try (KrakenClient ahead = client(); KrakenClient behind = client()) {
      clock.advance(Duration.ofSeconds(30));
      assertThat(ahead.balances()).isNotEmpty();
      clock.advance(Duration.ofSeconds(-30)); // the other process's nonces start 30 s lower
      assertThatThrownBy(behind::balances).isInstanceOfSatisfying(AuthenticationException.class, e -> {
        assertThat(e.providerCode()).contains("EAPI:Invalid nonce");
        assertThat(e.getMessage()).contains("nonces must increase per key");
      });
      // One client's own nonces keep increasing even though its clock stepped back.
      assertThat(ahead.balances()).isNotEmpty();
    }
  }

  @Test
  void sandboxCounterLimitIsARateLimitedException() {
    start(KrakenRoutes.builder().callCounter(2, 0.33).build());
    // Default throttle (Starter, 15): the sandbox's smaller counter refuses first.
    try (KrakenClient kraken = client(SECRET, false)) {
      kraken.balances();
      kraken.balances();
      RateLimitedException e = (RateLimitedException) catchFailure(kraken::balances);
      assertThat(e.clientSide()).isFalse();
      assertThat(e.providerCode()).contains("EAPI:Rate limit exceeded");
      assertThat(e.window()).isEqualTo("API_COUNTER");
      clock.advance(Duration.ofSeconds(4)); // the counter decays by 1.32
      assertThat(kraken.balances()).isNotEmpty();
    }
  }

  @Test
  void sandboxPublicLimitIsARateLimitedException() {
    start(KrakenRoutes.builder().publicLimit(2, Duration.ofMinutes(1)).build());
    try (KrakenClient kraken = client()) {
      kraken.serverTime();
      kraken.ticker(BTC_USDT);
      RateLimitedException e = (RateLimitedException) catchFailure(() -> kraken.orderBook(BTC_USDT, 10));
      assertThat(e.clientSide()).isFalse();
      assertThat(e.providerCode()).contains("EGeneral:Too many requests");
      assertThat(e.window()).isEqualTo("PUBLIC");
    }
  }

  private static RuntimeException catchFailure(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("the call succeeded");
  }
}
