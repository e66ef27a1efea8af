package io.tickguard.crypto.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.security.KeyAuditPolicy;
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
import io.tickguard.testkit.coinbase.CoinbaseRoutes;
import io.tickguard.testkit.market.SimTicker;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CoinbaseClient end to end against the sandbox's Coinbase routes over pinned TLS: every market-data
 * method, balances with real ES256 JWTs over several pages, and the refusals (foreign key, expired
 * token, rate limit). The sandbox and the client share one hand-moved clock.
 */
class CoinbaseSandboxTest {
  private static final String KEY_NAME = "organizations/0f3c/apiKeys/5e1b";
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final Symbol ETH = Symbol.of("ETH", "USDT");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00.400Z"));
  private final KeyPair key = p256();
  private final KeyPair foreign = p256();
  private final CoinbaseRoutes routes = new CoinbaseRoutes().maxAccountsPage(3).publicRequestsPerSecond(3)
      .cdpKey(KEY_NAME, key.getPublic(), Scope.MARKET_DATA, Scope.ACCOUNT_READ);
  private SandboxServer sandbox;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock).routes(routes).start();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private static KeyPair p256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Secret pem(KeyPair pair) {
    return Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()));
  }

  /** The provider's default limits (no throttle override); the clock moves a second per call. */
  private CoinbaseClient client(KeyPair signingKey) {
    return CoinbaseClient.builder().config(sandbox.clientConfigBuilder().clock(clock).build())
        .keyPermissionAudit(KeyAuditPolicy.OFF) // these tests count public calls; KeyPermissionAuditSandboxTest audits
        .credentials(CoinbaseKeys.cdp(KEY_NAME, pem(signingKey))).build();
  }

  private <T> T tick(T value) {
    clock.advance(Duration.ofSeconds(1));
    return value;
  }

  @Test
  void everyMarketDataMethodReadsTheSandboxOverPinnedTls() throws Exception {
    assertThat(sandbox.clientConfig().baseUrl().isHttps()).isTrue();
    try (CoinbaseClient client = client(key)) {
      Instant start = clock.instant();
      assertThat(tick(client.serverTime())).isEqualTo(start);

      List<Instrument> instruments = tick(client.instruments());
      assertThat(instruments).extracting(i -> i.symbol().base() + "-" + i.symbol().quote())
          .containsExactlyElementsOf(sandbox.market().instruments().keySet());
      Instrument btc = instruments.get(0);
      assertThat(btc.tickSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.01"));
      assertThat(btc.lotSize()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00001"));
      assertThat(btc.status().isTrading()).isTrue();

      SimTicker expected = sandbox.market().ticker("BTC-USDT");
      Ticker ticker = tick(client.ticker(BTC));
      assertThat(ticker.last()).isEqualByComparingTo(expected.last());
      assertThat(ticker.bid()).isEqualByComparingTo(expected.bid());
      assertThat(ticker.ask()).isEqualByComparingTo(expected.ask());

      List<Ticker> tickers = client.tickers(BTC, ETH);
      assertThat(tickers).extracting(Ticker::symbol).containsExactly(BTC, ETH);
      tick(tickers);

      OrderBook book = tick(client.orderBook(ETH, 5));
      assertThat(book.bids()).hasSize(5);
      assertThat(book.asks()).hasSize(5);
      assertThat(book.bestBid().orElseThrow().price()).isLessThan(book.bestAsk().orElseThrow().price());
      assertThat(book.time()).contains(clock.instant().minusSeconds(1));

      List<Trade> trades = tick(client.recentTrades(BTC, 10));
      assertThat(trades).hasSize(10);
      assertThat(trades.get(0).time()).isBefore(trades.get(9).time());

      Instant to = clock.instant();
      List<Candle> candles = tick(client.candles(BTC, Interval.ONE_HOUR, to.minus(Duration.ofHours(5)), to));
      assertThat(candles).hasSize(5);
      assertThat(candles.get(0).openTime()).isBefore(candles.get(4).openTime());
      assertThat(candles).allSatisfy(c -> assertThat(c.interval()).isEqualTo(Interval.ONE_HOUR));

      Ticker async = tick(client.tickerAsync(ETH).get(10, TimeUnit.SECONDS));
      assertThat(async.symbol()).isEqualTo(ETH);
      assertThat(tick(client.candlesAsync(ETH, Interval.FIVE_MINUTES, to.minus(Duration.ofMinutes(30)), to)
          .get(10, TimeUnit.SECONDS))).isNotEmpty();
      assertThat(tick(client.serverTimeAsync().get(10, TimeUnit.SECONDS))).isBefore(clock.instant());
    }
  }

  @Test
  void lastPriceIsTheSimulatorsLastTradeForOnePublicRequest() {
    try (CoinbaseClient client = client(key)) {
      assertThat(client.lastPrice(BTC)).isEqualByComparingTo(sandbox.market().ticker("BTC-USDT").last());
      assertThat(client.lastPrice(ETH)).isEqualByComparingTo(sandbox.market().ticker("ETH-USDT").last());
      assertThat(client.usage().endpoints().get("marketTrades"))
          .isEqualTo(new io.tickguard.core.security.UsageSnapshot.EndpointUsage(2, 2, 0));
    }
  }

  @Test
  void unknownProductIsAnInvalidRequestOnProductId() {
    try (CoinbaseClient client = client(key)) {
      assertThatThrownBy(() -> client.ticker(Symbol.of("DOGE", "USD")))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("product_id");
            assertThat(e.providerCode()).contains("NOT_FOUND");
          });
    }
  }

  @Test
  void balancesFollowEveryPageWithAFreshJwtEach() throws Exception {
    List<String> currencies = CoinbaseRoutes.accountCurrencies(sandbox.market());
    assertThat(currencies.size()).as("several pages of 3").isGreaterThan(6);
    try (CoinbaseClient client = client(key)) {
      List<Balance> balances = client.balances();
      assertThat(balances).extracting(Balance::asset).containsExactlyElementsOf(currencies);
      for (Balance b : balances) {
        assertThat(b.free()).isEqualByComparingTo(CoinbaseRoutes.availableBalance(sandbox.market(), b.asset()));
        assertThat(b.locked()).isEqualByComparingTo(CoinbaseRoutes.holdBalance(sandbox.market(), b.asset()));
      }
      // Each page carried its own token: the sandbox accepts a nonce only once.
      assertThat(tick(client.balancesAsync().get(10, TimeUnit.SECONDS))).hasSameSizeAs(balances);
    }
  }

  private static void assertNoToken(Throwable e) {
    List<String> texts = new ArrayList<>();
    Consumer<Throwable> collect = t -> {
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
    };
    for (Throwable t = e; t != null; t = t.getCause()) {
      collect.accept(t);
      for (Throwable s : t.getSuppressed()) {
        collect.accept(s);
      }
    }
    // Every JWT starts with the base64url of '{"', "eyJ"; none may be echoed, nor the bearer header.
    assertThat(texts).allSatisfy(text -> assertThat(text).doesNotContain("eyJ").doesNotContain("Bearer "));
  }

  @Test
  void jwtSignedWithAnotherKeyIsAnAuthenticationFailureWithoutTheToken() {
    try (CoinbaseClient client = client(foreign)) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(AuthenticationException.class, e -> {
        assertThat(e.httpStatus()).contains(401);
        assertThat(e.providerCode()).contains("UNAUTHENTICATED");
        assertThat(e.getMessage()).contains("invalid signature");
        assertNoToken(e);
      });
    }
  }

  @Test
  void machineClockMinutesBehindIsCorrectedBeforeSigning() {
    // Three minutes behind: uncorrected, every two-minute token would arrive expired.
    MutableClock behind = new MutableClock(clock.instant().minus(Duration.ofMinutes(3)));
    try (CoinbaseClient client = CoinbaseClient.builder()
        .config(sandbox.clientConfigBuilder().clock(behind).build()).credentials(CoinbaseKeys.cdp(KEY_NAME, pem(key))).build()) {
      assertThat(client.balances()).isNotEmpty();
      assertThat(client.serverClock().orElseThrow().offset())
          .isBetween(Duration.ofMinutes(3).minusSeconds(1), Duration.ofMinutes(3).plusSeconds(1));
    }
  }

  @Test
  void expiredTokenIsRefused() {
    MutableClock behind = new MutableClock(clock.instant());
    try (CoinbaseClient client = CoinbaseClient.builder()
        .config(sandbox.clientConfigBuilder().clock(behind).build()).credentials(CoinbaseKeys.cdp(KEY_NAME, pem(key))).build()) {
      assertThat(client.balances()).isNotEmpty(); // synchronised: offset zero
      // The server's clock jumps three minutes between two syncs: the next token arrives expired.
      clock.advance(Duration.ofMinutes(3));
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(AuthenticationException.class, e -> {
        assertThat(e.providerCode()).contains("UNAUTHENTICATED");
        assertThat(e.getMessage()).contains("token expired");
        assertNoToken(e);
      });
      // That 401's Date header revealed the jump: the next call resynchronises and passes.
      assertThat(client.balances()).isNotEmpty();
    }
  }

  @Test
  void sandboxLimitHitIsRateLimited() {
    try (CoinbaseClient client = CoinbaseClient.builder().config(sandbox.clientConfigBuilder().clock(clock).build())
        .throttle(Throttle.unlimited()).build()) {
      client.serverTime();
      client.serverTime();
      client.serverTime();
      assertThatThrownBy(client::serverTime).isInstanceOfSatisfying(RateLimitedException.class, e -> {
        assertThat(e.httpStatus()).contains(429);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
      });
    }
  }
}
