package io.tickguard.examples.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.token.BearerAuthenticator;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.binance.BinanceLimits;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.coinbase.CoinbaseLimits;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.crypto.kraken.KrakenLimits;
import io.tickguard.crypto.kraken.KrakenTier;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.testkit.Fault;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedCertificate;
import io.tickguard.testkit.binance.BinanceStreamRoutes;
import io.tickguard.testkit.coinbase.CoinbaseStreamRoutes;
import io.tickguard.testkit.kraken.KrakenStreamRoutes;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The chaos suite: a bot-like workload (four threads over Binance, Kraken and Coinbase REST, an OAuth
 * bearer session, and the three providers' book streams) runs through a bounded script of faults the
 * sandbox injects: connection resets, a 5xx burst, truncated bodies, malformed JSON, clock skew, a
 * revoked token family, a certificate that no longer matches the pin, a slow server and dropped
 * stream connections. It asserts what a user relies on under all of it:
 *
 * <ul>
 *   <li>no partial or invalid data is delivered: every value passes its check, every book a stream
 *       delivers or exposes is sorted and uncrossed, no update arrives for an invalidated book;
 *   <li>every failure is a typed {@code TickGuardException}; no call hangs;
 *   <li>after {@code close()}, no client thread and no client connection is left (thread names and
 *       the kernel's TCP table back to the baseline, the OkHttp pool empty);
 *   <li>memory stays bounded (the heap after the run is within a fixed margin of the baseline).
 * </ul>
 *
 * <p>Faults are scripted by count (the next N calls), never by time; the sandbox, the clients, their
 * throttles and retries share one {@link MutableClock} that only waits move, so a loaded machine makes
 * the run slower, never different in what it asserts. No assertion measures time.
 */
class ChaosSuiteTest {
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final String COINBASE_STREAM_KEY = "organizations/chaos/apiKeys/stream-key";
  private static final Endpoint OAUTH_ACCOUNT = Endpoint.builder("oauthAccount", HttpMethod.GET, "/demo/v1/oauth/account")
      .scope(Scope.ACCOUNT_READ).auth(AuthMode.BEARER).build();
  private static final int THREADS = 4;
  private static final int CALLS_PER_THREAD = 12;
  /** Heap growth allowed over the run, after GC: far above what a run keeps, far below a leak's growth. */
  private static final long HEAP_MARGIN_BYTES = 96L * 1024 * 1024;

  private final MutableClock clock = new MutableClock(Instant.now());
  private final KeyPair coinbaseStreamKey = p256();
  private final BinanceStreamRoutes binanceStreams = new BinanceStreamRoutes(11, "BTC-USDT");
  private final KrakenStreamRoutes krakenStreams = new KrakenStreamRoutes(23, "BTC-USDT");
  private final CoinbaseStreamRoutes coinbaseStreams =
      new CoinbaseStreamRoutes(31, "BTC-USDT").cdpKey(COINBASE_STREAM_KEY, coinbaseStreamKey.getPublic());

  @Test
  void aBotUnderScriptedFaultsGetsOnlyValidDataOrTypedFailuresAndLeavesNothingBehind() throws Exception {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Set<String> threadsBefore = Leaks.clientThreads();
    long heapBefore = heapAfterGc(memory);
    Workload bot;
    List<BookWatch> watches = new ArrayList<>();
    int port;
    try (SandboxServer sandbox = sandbox()) {
      port = sandbox.port();
      ClientConfig config = sandbox.clientConfigBuilder().clock(clock)
          .resilience(StandardResiliencePolicy.builder().maxAttempts(3).clock(clock).sleeper(clock::advance).build())
          .build();
      List<MarketStream> streams = new ArrayList<>();
      InMemoryTokenStore tokens = new InMemoryTokenStore();
      try (BinanceClient binance = BinanceClient.builder().config(config).throttle(throttle(BinanceLimits.spot()))
               .credentials(ProviderSandbox.BINANCE.demoCredentials()).build();
           KrakenClient kraken = KrakenClient.builder().config(config)
               .throttle(throttle(KrakenLimits.spot(KrakenTier.STARTER))).build();
           CoinbaseClient coinbase = CoinbaseClient.builder().config(config).throttle(throttle(CoinbaseLimits.advanced()))
               .credentials(ProviderSandbox.COINBASE.demoCredentials()).build();
           ApiClient tokenTransport = ApiClient.builder(config).build();
           ApiClient oauth = ApiClient.builder(config).authenticator(new BearerAuthenticator(
               TokenManager.builder(TokenEndpointClient.builder(tokenTransport.httpClient(), sandbox.tokenUrl(),
                       SandboxServer.DEMO_OAUTH_CLIENT_ID)
                   .clientSecret(Secret.of(SandboxServer.DEMO_OAUTH_CLIENT_SECRET.toCharArray()))
                   .scopes("account_read").clock(clock).build())
                   .store(tokens).clock(clock).build(),
               Set.of(Scope.ACCOUNT_READ))).build()) {
        bot = new Workload(operations(binance, kraken, coinbase, oauth));
        streams.add(open(binance.streams(), sandbox, "binance", watches));
        streams.add(open(kraken.streams(), sandbox, "kraken", watches));
        streams.add(open(coinbase.streams().cdpKey(ApiCredentials.ecP256(COINBASE_STREAM_KEY,
            Secret.ofBytes(Pem.encode("PRIVATE KEY", coinbaseStreamKey.getPrivate().getEncoded())))), sandbox, "coinbase", watches));

        phase(bot, sandbox, "baseline", () -> { });
        phase(bot, sandbox, "resets", () -> sandbox.faults().next(8, Fault.connectionReset()));
        phase(bot, sandbox, "5xx-burst", () -> sandbox.faults().next(16, Fault.status(503)));
        phase(bot, sandbox, "truncation", () -> sandbox.faults().next(8, Fault.truncatedBody()));
        phase(bot, sandbox, "malformed-json", () -> sandbox.faults().next(8, Fault.malformedJson()));
        phase(bot, sandbox, "clock-skew", () -> sandbox.faults().clockSkew(Duration.ofMinutes(3)));
        phase(bot, sandbox, "token-revoked", () -> {
          tokens.refreshToken().ifPresent(r -> sandbox.context().oauth().revokeFamilyOf(new String(r.chars())));
          sandbox.faults().next(2, Fault.expiredToken());
        });
        phase(bot, sandbox, "slow-server", () -> sandbox.faults().next(8, Fault.latency(Duration.ofMillis(200))));
        phase(bot, sandbox, "streams-dropped", () -> {
          binanceStreams.dropConnections();
          krakenStreams.dropConnections();
          coinbaseStreams.dropConnections();
        });
        // A pin change: new connections get a leaf from the same trusted CA with another key.
        sandbox.faults().serve(ServedCertificate.IMPOSTOR);
        try (BinanceClient fresh = BinanceClient.builder().config(config).throttle(throttle(BinanceLimits.spot())).build()) {
          Workload pinned = new Workload(List.of(new Workload.Op("binance.ticker (new connection, impostor)",
              () -> fresh.ticker(BTC), v -> null)));
          pinned.run("pin-change", 2, 3);
          assertThat(pinned.violations()).isEmpty();
          assertThat(pinned.values()).as("no value crosses a connection whose pin does not match").isZero();
          assertThat(pinned.typedIn("pin-change")).containsOnlyKeys("binance.ticker (new connection, impostor) -> CertificatePinningException");
        }
        phase(bot, sandbox, "after-pin-change", () -> { }); // pooled connections or typed refusals, nothing else
        sandbox.faults().serve(ServedCertificate.GENUINE);
        phase(bot, sandbox, "recovered", () -> { });

        for (int i = 0; i < streams.size(); i++) {
          BookWatch watch = watches.get(i);
          streams.get(i).book(BTC).ifPresent(b -> watch.checkExposed(BTC, b));
        }
        streams.forEach(MarketStream::close);
      }
      Leaks.awaitUntil("every client connection to the sandbox is closed", () -> Leaks.establishedTo(port) == 0,
          () -> Leaks.leftBehind(port));
      Leaks.awaitUntil("no client thread is left", () -> difference(Leaks.clientThreads(), threadsBefore).isEmpty(),
          () -> "\nleft: " + difference(Leaks.clientThreads(), threadsBefore) + Leaks.leftBehind(port));
    }

    System.out.println("Chaos suite outcomes: " + bot.outcomes() + "; streams: " + watches);
    assertThat(bot.violations()).as("untyped failures, invalid values or hangs").isEmpty();
    watches.forEach(w -> assertThat(w.violations()).as(w.toString()).isEmpty());
    assertThat(bot.values()).as("the bot got data through the faults").isPositive();
    assertThat(bot.typedFailures()).as("the faults reached the bot").isPositive();
    assertThat(bot.typedIn("5xx-burst")).as("the 5xx burst shows as typed failures").isNotEmpty();
    assertThat(bot.typedIn("malformed-json")).as("malformed JSON is refused, typed").isNotEmpty();
    assertThat(watches).allSatisfy(w -> assertThat(w.snapshots()).as(w.toString()).isPositive());
    assertThat(heapAfterGc(memory) - heapBefore).as("heap growth over the run").isLessThan(HEAP_MARGIN_BYTES);
  }

  private SandboxServer sandbox() {
    SandboxServer.Builder b = SandboxServer.builder().seed(7).clock(clock)
        .routes(binanceStreams).routes(krakenStreams).routes(coinbaseStreams);
    for (ProviderSandbox p : List.of(ProviderSandbox.BINANCE, ProviderSandbox.KRAKEN, ProviderSandbox.COINBASE)) {
      p.install(b);
    }
    return b.start();
  }

  private InProcessThrottle throttle(LimitPreset preset) {
    // Waits move the shared virtual clock instead of sleeping.
    return InProcessThrottle.builder(preset).clock(clock).sleeper(clock::advance).maxWait(Duration.ofMinutes(5)).build();
  }

  private static List<Workload.Op> operations(CryptoMarketData binance, CryptoMarketData kraken, CryptoMarketData coinbase,
      ApiClient oauth) {
    List<Workload.Op> ops = new ArrayList<>();
    for (var provider : List.of(new Object[] {"binance", binance}, new Object[] {"kraken", kraken},
        new Object[] {"coinbase", coinbase})) {
      String name = (String) provider[0];
      CryptoMarketData client = (CryptoMarketData) provider[1];
      ops.add(new Workload.Op(name + ".ticker", () -> client.ticker(BTC), v -> ticker((Ticker) v, BTC)));
      ops.add(new Workload.Op(name + ".book", () -> client.orderBook(BTC, 10), v -> book((OrderBook) v, BTC)));
      ops.add(new Workload.Op(name + ".trades", () -> client.recentTrades(BTC, 20), ChaosSuiteTest::trades));
    }
    ops.add(new Workload.Op("oauth.account", () -> oauth.execute(OAUTH_ACCOUNT.request().build(), ApiResponse::json),
        v -> ((JsonNode) v).has("balances") ? null : "account without balances"));
    return ops;
  }

  private static String ticker(Ticker t, Symbol asked) {
    if (!t.symbol().equals(asked)) {
      return "ticker of " + t.symbol() + " for " + asked;
    }
    return t.bid().compareTo(t.ask()) <= 0 ? null : "crossed ticker " + t;
  }

  private static String book(OrderBook b, Symbol asked) {
    if (!b.symbol().equals(asked) || b.bids().isEmpty() || b.asks().isEmpty()) {
      return "book of " + b.symbol() + " with " + b.bids().size() + "/" + b.asks().size() + " levels for " + asked;
    }
    if (b.bids().get(0).price().compareTo(b.asks().get(0).price()) >= 0) {
      return "crossed book";
    }
    for (List<PriceLevel> side : List.of(b.bids(), b.asks())) {
      for (int i = 1; i < side.size(); i++) {
        int c = side.get(i).price().compareTo(side.get(i - 1).price());
        if (side == b.bids() ? c >= 0 : c <= 0) {
          return "unsorted book";
        }
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static String trades(Object v) {
    List<Trade> trades = (List<Trade>) v;
    return trades.size() <= 20 ? null : trades.size() + " trades for a limit of 20";
  }

  private MarketStream open(io.tickguard.crypto.stream.MarketStreamBuilder<?> builder, SandboxServer sandbox, String name,
      List<BookWatch> watches) {
    BookWatch watch = new BookWatch(name);
    watches.add(watch);
    MarketStream stream = builder.baseUrl(sandbox.baseUrl()).listener(watch).clock(clock)
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build())
        .open();
    stream.subscribe(List.of(new Subscription(BTC, StreamChannel.BOOK)));
    return stream;
  }

  /** Arms the phase's faults, lets the streams move, runs the bot, then clears every fault. */
  private void phase(Workload bot, SandboxServer sandbox, String name, Runnable faults) throws InterruptedException {
    faults.run();
    binanceStreams.publishDepth("BTC-USDT", 20);
    krakenStreams.publishBook("BTC-USDT", 20);
    coinbaseStreams.publishBook("BTC-USDT", 20);
    bot.run(name, THREADS, CALLS_PER_THREAD);
    sandbox.faults().clear();
    clock.advance(Duration.ofMinutes(1)); // the next phase starts in fresh rate-limit windows
  }

  private static Set<String> difference(Set<String> now, Set<String> before) {
    Set<String> out = new HashSet<>(now);
    out.removeAll(before);
    return out;
  }

  private static long heapAfterGc(MemoryMXBean memory) {
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  private static KeyPair p256() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
