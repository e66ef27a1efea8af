package io.tickguard.crypto.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.ClockSkewException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.pem.Pem;
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
import io.tickguard.testkit.binance.BinanceRoutes;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * BinanceClient end to end against the sandbox's Binance routes (written separately from Binance's
 * docs) over pinned TLS on 127.0.0.1: every CryptoMarketData call, signed balances with HMAC,
 * Ed25519 and RSA keys, a rejected signature, a server clock that runs ahead, and both sides of the
 * weight limit.
 */
class BinanceSandboxTest {
  static final String KEY = "e2e-hmac-key-0001";
  static final String SECRET = "e2e-hmac-secret-do-not-print";
  static final Symbol BTC = Symbol.of("BTC", "USDT");
  static final Symbol ETH = Symbol.of("ETH", "USDT");
  static final Symbol SOL = Symbol.of("SOL", "USDT");

  private SandboxServer sandbox;
  private BinanceRoutes routes;

  private SandboxServer start(BinanceRoutes binance, Clock clock) {
    routes = binance;
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(routes)
        .apiKey(KEY, SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ)
        .start();
    return sandbox;
  }

  private SandboxServer start() {
    return start(new BinanceRoutes(), Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private BinanceClient.Builder client() {
    return BinanceClient.builder().config(sandbox.clientConfig());
  }

  private long usedWeight() {
    return routes.weightLimiter().charge("127.0.0.1", 0).usedWeight();
  }

  @Test
  void lastPriceIsTheSimulatedLastTradeAndCostsWeightTwo() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-30T06:00:00Z"));
    start(new BinanceRoutes(), clock);
    try (BinanceClient binance = client().build()) {
      long before = usedWeight();
      java.math.BigDecimal price = binance.lastPrice(ETH);
      assertThat(usedWeight() - before).isEqualTo(2);
      assertThat(price).isEqualByComparingTo(binance.ticker(ETH).last()); // same virtual instant
    }
  }

  @Test
  void everyMarketDataCallWorksOverPinnedTls() {
    start();
    try (BinanceClient binance = client().build()) {
      assertThat(sandbox.clientConfig().baseUrl().isHttps()).isTrue();
      binance.ping();
      assertThat(Duration.between(binance.serverTime(), Instant.now()).abs()).isLessThan(Duration.ofMinutes(1));

      List<Instrument> instruments = binance.instruments();
      assertThat(instruments).extracting(Instrument::symbol).contains(BTC, ETH, SOL);
      Instrument btc = instruments.stream().filter(i -> i.symbol().equals(BTC)).findFirst().orElseThrow();
      assertThat(btc.providerSymbol()).isEqualTo("BTCUSDT");
      assertThat(btc.tickSize()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.01"));
      assertThat(btc.lotSize()).hasValueSatisfying(t -> assertThat(t).isEqualByComparingTo("0.00001"));

      Ticker ticker = binance.ticker(BTC);
      assertThat(ticker.symbol()).isEqualTo(BTC);
      assertThat(binance.lastPrice(BTC)).isPositive();
      assertThat(ticker.bid()).isLessThan(ticker.ask());
      assertThat(binance.tickers(ETH, BTC)).extracting(Ticker::symbol).containsExactly(ETH, BTC);

      OrderBook book = binance.orderBook(BTC, 100);
      assertThat(book.bids()).hasSize(100);
      assertThat(book.asks()).hasSize(100);
      assertThat(book.bids().get(0).price()).isLessThan(book.asks().get(0).price());

      List<Trade> trades = binance.recentTrades(SOL, 50);
      assertThat(trades).hasSize(50);
      assertThat(trades.get(0).time()).isBeforeOrEqualTo(trades.get(49).time());

      Instant now = Instant.now();
      List<Candle> candles = binance.candles(BTC, Interval.ONE_HOUR, now.minus(Duration.ofHours(5)), now);
      assertThat(candles).hasSizeBetween(5, 6);
      assertThat(candles).allSatisfy(c -> {
        assertThat(c.interval()).isEqualTo(Interval.ONE_HOUR);
        assertThat(c.high()).isGreaterThanOrEqualTo(c.low());
      });
    }
  }

  @Test
  void asyncVariantsRunTheSameCalls() throws Exception {
    start();
    try (BinanceClient binance = client().credentials(ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray()))).build()) {
      Instant now = Instant.now();
      CompletableFuture<Instant> time = binance.serverTimeAsync();
      CompletableFuture<List<Instrument>> instruments = binance.instrumentsAsync();
      CompletableFuture<Ticker> ticker = binance.tickerAsync(ETH);
      CompletableFuture<List<Ticker>> tickers = binance.tickersAsync(SOL, ETH);
      CompletableFuture<OrderBook> book = binance.orderBookAsync(ETH, 5);
      CompletableFuture<List<Trade>> trades = binance.recentTradesAsync(ETH, 10);
      CompletableFuture<List<Candle>> candles =
          binance.candlesAsync(ETH, Interval.FIVE_MINUTES, now.minus(Duration.ofMinutes(30)), now);
      CompletableFuture<List<Balance>> balances = binance.balancesAsync();
      CompletableFuture.allOf(time, instruments, ticker, tickers, book, trades, candles, balances).get(60, TimeUnit.SECONDS);

      assertThat(instruments.get()).isNotEmpty();
      assertThat(ticker.get().symbol()).isEqualTo(ETH);
      assertThat(tickers.get()).extracting(Ticker::symbol).containsExactly(SOL, ETH);
      assertThat(book.get().bids()).hasSize(5);
      assertThat(trades.get()).hasSize(10);
      assertThat(candles.get()).hasSizeBetween(6, 7);
      assertThat(balances.get()).extracting(Balance::asset).contains("BTC", "USDT");
    }
  }

  @Test
  void unknownSymbolIsAnInvalidRequestOnSymbolWithBinancesCode() {
    start();
    try (BinanceClient binance = client().build()) {
      assertThatThrownBy(() -> binance.ticker(Symbol.of("NOPE", "USDT")))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("symbol");
            assertThat(e.providerCode()).contains("-1121");
          });
    }
  }

  @Test
  void balancesSignedWithAnHmacKey() {
    start();
    try (BinanceClient binance = client().credentials(ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray())))
        .recvWindow(Duration.ofSeconds(5)).build()) {
      List<Balance> balances = binance.balances();
      Balance usdt = balances.stream().filter(b -> b.asset().equals("USDT")).findFirst().orElseThrow();
      assertThat(usdt.free()).isEqualByComparingTo("10000");
      assertThat(usdt.locked()).isEqualByComparingTo("250");
      assertThat(balances).extracting(Balance::asset).containsExactly("BTC", "ETH", "USDT");
    }
  }

  @Test
  void balancesSignedWithAnEd25519KeyFromPem() throws Exception {
    start();
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    routes.publicKey("e2e-ed25519-key", pair.getPublic(), Scope.ACCOUNT_READ);
    Secret pem = Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try (BinanceClient binance = client().credentials(ApiCredentials.ed25519("e2e-ed25519-key", pem)).build()) {
      assertThat(binance.balances()).extracting(Balance::asset).contains("BTC");
    }
  }

  @Test
  void balancesSignedWithAnRsaKeyFromPem() throws Exception {
    start();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    routes.publicKey("e2e-rsa-key", pair.getPublic(), Scope.ACCOUNT_READ);
    Secret pem = Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
    try (BinanceClient binance = client().credentials(ApiCredentials.rsa("e2e-rsa-key", pem)).build()) {
      assertThat(binance.balances()).extracting(Balance::asset).contains("BTC");
    }
  }

  @Test
  void wrongSecretIsRejectedWithoutLeakingAnySecret() {
    start();
    String wrong = "wrong-secret-must-not-appear";
    try (BinanceClient binance = client().credentials(ApiCredentials.hmac(KEY, Secret.of(wrong.toCharArray()))).build()) {
      assertThatThrownBy(binance::balances)
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e).isNotInstanceOf(ClockSkewException.class);
            assertThat(e.providerCode()).contains("-1022");
            assertThat(e.signedPayload()).hasValueSatisfying(p -> assertThat(p).startsWith("timestamp="));
            assertThat(e.getMessage()).doesNotContain(wrong).doesNotContain(SECRET).doesNotContain("signature=")
                .doesNotContain(KEY);
          });
    }
  }

  @Test
  void unknownKeyIsAnAuthenticationFailureWithMinus2015() {
    start();
    try (BinanceClient binance = client().credentials(ApiCredentials.hmac("not-registered-key", Secret.of(SECRET.toCharArray())))
        .build()) {
      assertThatThrownBy(binance::balances)
          .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("-2015"));
    }
  }

  @Test
  void serverClockAheadOfTheRecvWindowIsResyncedFromTimeAndTheCallRetriedOnce() {
    start();
    List<AttemptEvent> attempts = new CopyOnWriteArrayList<>();
    MetricsListener record = new MetricsListener() {
      @Override
      public void onAttempt(AttemptEvent event) {
        attempts.add(event);
      }
    };
    ClientConfig config = sandbox.clientConfigBuilder().metrics(record).build();
    try (BinanceClient binance = BinanceClient.builder().config(config)
        .credentials(ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray()))).build()) {
      binance.balances(); // the first signed call syncs the clock: the offset is about zero
      assertThat(binance.serverClock().orElseThrow().offset().abs()).isLessThan(Duration.ofSeconds(2));
      attempts.clear();

      sandbox.faults().clockSkew(Duration.ofSeconds(30)); // Binance's clock jumps 30 s ahead
      assertThat(binance.balances()).isNotEmpty();

      assertThat(attempts).extracting(a -> a.endpoint() + " " + a.status())
          .containsExactly("account 400", "time 200", "time 200", "time 200", "account 200");
      assertThat(binance.serverClock().orElseThrow().offset())
          .isBetween(Duration.ofSeconds(28), Duration.ofSeconds(32));
    }
  }

  @Test
  void serverWeightLimitIsARateLimitWithRetryAfter() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:15Z"));
    start(new BinanceRoutes(BinanceRoutes.defaultPolicy().withMaxWeight(30)), clock);
    ClientConfig config = sandbox.clientConfigBuilder().clock(clock).build();
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      for (int i = 0; i < 6; i++) {
        binance.orderBook(BTC, 100); // weight 5 each: 30 of the sandbox's 30
      }
      assertThatThrownBy(() -> binance.orderBook(BTC, 100))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isFalse();
            assertThat(e.providerCode()).contains("-1003");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(45));
          });
      // The throttle now holds every call until Retry-After has passed, refusing without sending.
      assertThatThrownBy(binance::ping)
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.clientSide()).isTrue());
      for (int i = 0; i < 5; i++) { // a client that keeps calling never reaches Binance, so never earns a 418
        assertThatThrownBy(binance::ping)
            .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.banned()).isFalse());
      }
      assertThat(usedWeight()).isEqualTo(30);

      clock.advance(Duration.ofSeconds(45));
      binance.ping();
      assertThat(usedWeight()).isEqualTo(1);
    }
  }

  @Test
  void usedWeightHeaderFillsThePresetThrottleWhichThenRefusesBeforeSending() {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
    start(new BinanceRoutes(), clock);
    ClientConfig config = sandbox.clientConfigBuilder().clock(clock).build();
    try (BinanceClient binance = BinanceClient.builder().config(config).build()) {
      routes.weightLimiter().charge("127.0.0.1", 5995); // other processes behind the same IP
      binance.ping(); // X-MBX-USED-WEIGHT-1M: 5996
      assertThat(usedWeight()).isEqualTo(5996);

      assertThatThrownBy(() -> binance.orderBook(BTC, 100)) // weight 5 would make 6001 of 6000
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isTrue();
            assertThat(e.window()).isEqualTo("REQUEST_WEIGHT/1m");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(50));
          });
      assertThat(usedWeight()).as("nothing was sent").isEqualTo(5996);

      clock.advance(Duration.ofSeconds(50)); // the next minute
      assertThat(binance.orderBook(BTC, 100).bids()).hasSize(100);
    }
  }
}
