package io.tickguard.crypto.kraken.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventListener;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.crypto.LogCapture;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookOrder;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.Level3Book;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.crypto.kraken.KrakenWsToken;
import io.tickguard.crypto.stream.Await;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.OrderEvent;
import io.tickguard.crypto.stream.OrdersSnapshotEvent;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.StreamRecorder;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.kraken.KrakenRoutes;
import io.tickguard.testkit.kraken.KrakenStreamRoutes;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kraken's authenticated {@code level3} channel end to end over pinned TLS: the stream fetches a
 * WebSocket token through the client's signed REST call, puts it in the subscribe, and the sandbox
 * (its own reading of Kraken's docs: tokens good for 15 minutes to establish a connection, its own
 * L3 checksum) checks it. One clock drives the sandbox, the client and the stream.
 */
class KrakenLevel3SandboxTest {
  static final String KEY = "kraken-level3-key";
  static final String SECRET = Base64.getEncoder().encodeToString(
      "level3 end-to-end Kraken private key: sixty-four bytes of material".getBytes(StandardCharsets.US_ASCII));
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final Subscription ORDERS = new Subscription(BTC, StreamChannel.ORDERS);
  private static final Symbol ETH = Symbol.of("ETH", "USDT");
  private static final Subscription ETH_ORDERS = new Subscription(ETH, StreamChannel.ORDERS);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
  private final KrakenStreamRoutes streams = new KrakenStreamRoutes(29, "BTC-USDT", "ETH-USDT");
  private final SandboxServer sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(streams)
      .routes(KrakenRoutes.builder().callCounter(1000, 10).webSocketTokens(streams.tokens()).build())
      .apiKey(KEY, SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ).start();
  private final List<SecurityEvent> securityEvents = new CopyOnWriteArrayList<>();
  private final KrakenClient client = KrakenClient.builder()
      .config(sandbox.clientConfigBuilder().clock(clock).resilience(ResiliencePolicy.none())
          .security(SecurityOptions.builder().listener(SecurityEventListener.logging().andThen(securityEvents::add)).build())
          .build())
      .credentials(ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray()))).build();
  private final StreamRecorder recorder = new StreamRecorder();
  /** Every token the stream received, to prove none leaks. */
  final List<String> tokensSeen = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  MarketStream open() {
    return client.streams().baseUrl(sandbox.baseUrl()).listener(recorder).clock(clock)
        .tokens(() -> {
          KrakenWsToken t = client.webSocketToken();
          tokensSeen.add(new String(t.token().chars()));
          return t;
        })
        .buffer(32_768, io.tickguard.core.stream.Backpressure.FAIL)
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build())
        .open();
  }

  private long snapshots() {
    return recorder.events.stream().filter(e -> e instanceof OrdersSnapshotEvent).count();
  }

  /** The book a listener rebuilds from the events: orders per level in arrival order, truncated to 10 levels. */
  private Map<BookSide, TreeMap<BigDecimal, Map<String, BigDecimal>>> rebuild() {
    Map<BookSide, TreeMap<BigDecimal, Map<String, BigDecimal>>> book = new LinkedHashMap<>();
    for (MarketEvent e : recorder.events) {
      if (e instanceof OrdersSnapshotEvent s) {
        book.put(BookSide.BID, new TreeMap<>(Collections.reverseOrder()));
        book.put(BookSide.ASK, new TreeMap<>());
        s.bids().forEach(o -> put(book, o));
        s.asks().forEach(o -> put(book, o));
      } else if (e instanceof OrderEvent o) {
        if (o.action() == OrderEvent.Action.DELETE) {
          Map<String, BigDecimal> level = book.get(o.order().side()).get(o.order().limitPrice());
          level.remove(o.order().orderId());
          if (level.isEmpty()) {
            book.get(o.order().side()).remove(o.order().limitPrice());
          }
        } else {
          put(book, o.order());
        }
        book.values().forEach(side -> {
          while (side.size() > 10) {
            side.pollLastEntry();
          }
        });
      }
    }
    return book;
  }

  private static void put(Map<BookSide, TreeMap<BigDecimal, Map<String, BigDecimal>>> book, BookOrder o) {
    book.get(o.side()).computeIfAbsent(o.limitPrice(), p -> new LinkedHashMap<>()).put(o.orderId(), o.quantity());
  }

  private boolean equalsTruth() {
    SimOrderBook truth = streams.feed("BTC-USDT").snapshot(10);
    Map<BookSide, TreeMap<BigDecimal, Map<String, BigDecimal>>> book = rebuild();
    return book.size() == 2 && levels(book.get(BookSide.BID)).equals(sum(truth.bids()))
        && levels(book.get(BookSide.ASK)).equals(sum(truth.asks()));
  }

  private static List<String> levels(TreeMap<BigDecimal, Map<String, BigDecimal>> side) {
    List<String> out = new ArrayList<>();
    side.forEach((p, orders) -> out.add(p.stripTrailingZeros().toPlainString() + "x"
        + orders.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add).stripTrailingZeros().toPlainString()));
    return out;
  }

  private static List<String> sum(List<SimLevel> levels) {
    List<String> out = new ArrayList<>();
    levels.forEach(l -> out.add(l.price().stripTrailingZeros().toPlainString() + "x" + l.quantity().stripTrailingZeros().toPlainString()));
    return out;
  }

  @Test
  void level3SubscribeFetchesATokenAndEveryVerifiedOrderEventRebuildsTheSandboxBook() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(ORDERS));
      Await.until("the level3 snapshot", () -> snapshots() == 1);
      streams.publishBook("BTC-USDT", 500);
      Await.until("the orders equal the sandbox's top 10", () -> {
        streams.publishBook("BTC-USDT", 1);
        return equalsTruth();
      });

      assertThat(streams.tokens().issuedCount()).isEqualTo(1);
      assertThat(recorder.events.stream().filter(e -> e instanceof OrderEvent).map(e -> ((OrderEvent) e).action()).distinct())
          .contains(OrderEvent.Action.ADD, OrderEvent.Action.MODIFY, OrderEvent.Action.DELETE);
      assertThat(recorder.signals).noneMatch(s -> s instanceof StreamSignal.Gap || s instanceof StreamSignal.Resubscribed);
      assertThat(stream.connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void aTokenTheServerNoLongerAcceptsIsFetchedAgainExactlyOnceAndTheSymbolResubscribed() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(ORDERS));
      Await.until("the first snapshot", () -> snapshots() == 1);

      streams.tokens().expireAll(); // the client's cached token is fresh by its clock, stale by Kraken's
      streams.dropConnections();
      Await.until("the orders resynced on the new connection", () -> snapshots() == 2);

      assertThat(streams.tokens().issuedCount()).isEqualTo(2);
      assertThat(tokensSeen).hasSize(2);
      assertThat(recorder.signals).filteredOn(s -> s instanceof StreamSignal.Resubscribed).hasSize(1);
      streams.publishBook("BTC-USDT", 200);
      Await.until("the orders follow the sandbox again", () -> {
        streams.publishBook("BTC-USDT", 1);
        return equalsTruth();
      });
      assertThat(recorder.signals).noneMatch(s -> s instanceof StreamSignal.Gap);
    }
  }

  @Test
  void aReconnectAfterTheTokenWindowFetchesAFreshTokenBeforeSubscribing() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(ORDERS));
      Await.until("the first snapshot", () -> snapshots() == 1);

      clock.advance(Duration.ofMinutes(16)); // the first token can no longer establish a connection
      streams.dropConnections();
      Await.until("the orders resynced on the new connection", () -> snapshots() >= 2);

      assertThat(streams.tokens().issuedCount()).isEqualTo(2);
      assertThat(recorder.signals).as("the sandbox never refused a token")
          .noneMatch(s -> s instanceof StreamSignal.Resubscribed);
    }
  }

  /**
   * In the style of core's {@code SecretsNeverLoggedTest}: a token fetched, used, refused, fetched
   * again, and finally a fresh token refused so that the stream fails; no token may appear in any
   * log line (TRACE and up), security event, exception message or stack trace, signal, event or
   * {@code toString}.
   */
  @Test
  void noTokenReachesLogsSecurityEventsExceptionsSignalsEventsOrToString() {
    String text;
    try (LogCapture logs = new LogCapture(); MarketStream stream = open()) {
      stream.subscribe(List.of(ORDERS));
      Await.until("the first snapshot", () -> snapshots() == 1);
      streams.tokens().expireAll();
      streams.dropConnections();
      Await.until("the orders resynced", () -> snapshots() == 2);

      streams.tokens().expireAll();
      sandbox.close(); // nothing answers: the stream logs its reconnect attempts and failures
      Await.until("a reconnect attempt failed", () -> recorder.signals.stream().anyMatch(s -> s instanceof StreamSignal.Reconnecting));
      text = logs.text();
    }
    KrakenWsToken described = new KrakenWsToken(Secret.of(tokensSeen.get(0).toCharArray()), clock.instant(), Duration.ofMinutes(15));
    StringBuilder all = new StringBuilder(text).append(described);
    securityEvents.forEach(e -> all.append('\n').append(e));
    recorder.events.forEach(e -> all.append('\n').append(e));
    recorder.signals.forEach(s -> {
      all.append('\n').append(s);
      if (s instanceof StreamSignal.Disconnected d && d.cause().isPresent()) {
        all.append(stackTrace(d.cause().get()));
      }
      if (s instanceof StreamSignal.Closed c && c.failure().isPresent()) {
        all.append(stackTrace(c.failure().get()));
      }
    });

    assertThat(tokensSeen).hasSize(2);
    assertThat(text).as("the capture saw the stream's own lines").contains("Stream");
    for (String token : tokensSeen) {
      assertThat(all.toString()).doesNotContain(token);
    }
  }

  @Test
  void aFreshTokenRefusedAgainFailsTheLevel3ConnectionWithAnAuthenticationException() {
    try (MarketStream stream = client.streams().baseUrl(sandbox.baseUrl()).listener(recorder).clock(clock)
        .tokens(() -> {
          KrakenWsToken t = client.webSocketToken();
          streams.tokens().expireAll(); // Kraken refuses every token: a key without the WebSocket permission
          return t;
        })
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build())
        .open()) {
      stream.subscribe(List.of(ORDERS));
      Await.until("the stream failed", () -> recorder.signals.stream().anyMatch(s -> s instanceof StreamSignal.Closed));

      StreamSignal.Closed closed = (StreamSignal.Closed) recorder.signals.stream()
          .filter(s -> s instanceof StreamSignal.Closed).findFirst().orElseThrow();
      assertThat(closed.failure()).hasValueSatisfying(e -> assertThat(e)
          .isInstanceOf(io.tickguard.core.AuthenticationException.class).hasMessageContaining("WebSocket interface"));
      assertThat(streams.tokens().issuedCount()).isEqualTo(2);
      assertThat(recorder.events).noneMatch(e -> e instanceof OrdersSnapshotEvent);
    }
  }

  @Test
  void withoutCredentialsALevel3SubscribeIsRefusedBeforeAnythingIsSent() {
    try (KrakenClient anonymous = KrakenClient.builder().config(sandbox.clientConfigBuilder().clock(clock).build()).build();
        MarketStream stream = anonymous.streams().baseUrl(sandbox.baseUrl()).listener(recorder).open()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> stream.subscribe(List.of(ORDERS)))
          .isInstanceOf(io.tickguard.core.AuthenticationException.class).hasMessageContaining("credentials");
      assertThat(streams.tokens().issuedCount()).isZero();
      assertThat(stream.subscriptions()).isEmpty();
    }
  }

  private static String stackTrace(Throwable t) {
    java.io.StringWriter out = new java.io.StringWriter();
    t.printStackTrace(new java.io.PrintWriter(out));
    return out.toString();
  }

  @Test
  void otherChannelsKeepThePublicConnectionAndLevel3GetsItsOwn() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(new Subscription(BTC, StreamChannel.TRADES), ORDERS));
      Await.until("the level3 snapshot", () -> snapshots() == 1);
      Await.until("both connections", () -> stream.connections() == 2);

      streams.publishTrades("BTC-USDT", 3);
      Await.until("the trades", () -> recorder.events.stream().filter(e -> e instanceof io.tickguard.crypto.stream.TradeEvent).count() == 3);
      assertThat(streams.tokens().issuedCount()).isEqualTo(1);
    }
  }

  /** The stream's verified level3 book of {@code symbol} equals the sandbox's orders, order for order. */
  private boolean level3EqualsSandbox(MarketStream stream, Symbol symbol, String canonical) {
    return stream.level3Book(symbol).map(b -> orders(b).equals(sandboxOrders(canonical))).orElse(false);
  }

  private static List<String> orders(Level3Book book) {
    List<String> out = new ArrayList<>();
    book.bids().forEach(o -> out.add("bid " + o.orderId() + " " + o.limitPrice().toPlainString() + " " + o.quantity().toPlainString()));
    book.asks().forEach(o -> out.add("ask " + o.orderId() + " " + o.limitPrice().toPlainString() + " " + o.quantity().toPlainString()));
    return out;
  }

  private List<String> sandboxOrders(String canonical) {
    List<String> out = new ArrayList<>();
    streams.level3Orders(canonical).forEach(o -> out.add(o.side() + " " + o.orderId() + " " + o.limitPrice().toPlainString()
        + " " + o.quantity().toPlainString()));
    return out;
  }

  /** Publishes one change at a time until the stream's level3 book equals the sandbox's. */
  private void catchUp(MarketStream stream, Symbol symbol, String canonical) {
    Await.until("the level3 book of " + symbol + " equals the sandbox's", () -> {
      streams.publishBook(canonical, 1);
      return level3EqualsSandbox(stream, symbol, canonical);
    });
  }

  private long events(Symbol symbol) {
    return recorder.events.stream().filter(e -> symbolOf(e) == symbol || symbol.equals(symbolOf(e))).count();
  }

  private static Symbol symbolOf(MarketEvent e) {
    if (e instanceof OrderEvent o) {
      return o.symbol();
    }
    if (e instanceof OrdersSnapshotEvent s) {
      return s.symbol();
    }
    return e instanceof BookInvalidated i ? i.symbol() : null;
  }

  /** Order events of {@code symbol} delivered after a BookInvalidated and before the next snapshot. */
  private long orderEventsWhileInvalid(Symbol symbol) {
    long n = 0;
    boolean invalid = false;
    for (MarketEvent e : recorder.events) {
      if (!symbol.equals(symbolOf(e))) {
        continue;
      }
      if (e instanceof BookInvalidated) {
        invalid = true;
      } else if (e instanceof OrdersSnapshotEvent) {
        invalid = false;
      } else if (invalid) {
        n++;
      }
    }
    return n;
  }

  @Test
  void aLevel3BookVerifiedOverFifteenHundredUpdatesEqualsTheSandboxsOrdersAndItsLevelsTheSandboxsBook() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(ORDERS));
      Await.until("the level3 book is synced", () -> stream.level3Book(BTC).isPresent());
      streams.publishBook("BTC-USDT", 1_500);
      catchUp(stream, BTC, "BTC-USDT");

      Level3Book book = stream.level3Book(BTC).orElseThrow();
      assertThat(orders(book)).isEqualTo(sandboxOrders("BTC-USDT"));
      assertThat(recorder.events.stream().filter(e -> e instanceof OrderEvent).count())
          .as("order events verified by checksum").isGreaterThan(1_000);
      assertThat(book.levels().bids()).as("queues of several orders").hasSizeLessThan(book.bids().size());
      SimOrderBook truth = streams.feed("BTC-USDT").snapshot(10);
      assertThat(levels(book.levels()).equals(sum(truth.bids(), truth.asks()))).isTrue();
      assertThat(stream.book(BTC)).as("book(symbol) of an ORDERS-only symbol: the level3 book aggregated")
          .hasValue(book.levels());
      assertThat(stream.book(BTC, 3).orElseThrow().bids()).isEqualTo(book.levels().bids().subList(0, 3));
      assertThat(recorder.events).noneMatch(e -> e instanceof BookInvalidated);
      assertThat(recorder.signals).noneMatch(s -> s instanceof StreamSignal.Gap || s instanceof StreamSignal.Resubscribed);
    }
  }

  @Test
  void aCorruptedLevel3ChecksumCausesExactlyOneResyncAndTheBookThenEqualsTheSandboxsAgain() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(ORDERS));
      Await.until("the level3 book is synced", () -> stream.level3Book(BTC).isPresent());
      catchUp(stream, BTC, "BTC-USDT");

      streams.corruptNextLevel3Checksum("BTC-USDT");
      Await.until("the level3 book was invalidated", () -> {
        streams.publishBook("BTC-USDT", 1);
        return recorder.events.stream().anyMatch(e -> e instanceof BookInvalidated);
      });
      Await.until("the level3 book resynced", () -> snapshots() == 2);
      streams.publishBook("BTC-USDT", 300);
      catchUp(stream, BTC, "BTC-USDT");

      assertThat(recorder.events.stream().filter(e -> e instanceof BookInvalidated).toList()).singleElement()
          .satisfies(e -> assertThat(((BookInvalidated) e).reason()).isEqualTo(BookInvalidated.Reason.CHECKSUM_MISMATCH));
      assertThat(orderEventsWhileInvalid(BTC)).as("no order event of the invalid book reached the listener").isZero();
      assertThat(recorder.signals).filteredOn(s -> s instanceof StreamSignal.Resubscribed).hasSize(1);
      assertThat(recorder.signals).filteredOn(s -> s instanceof StreamSignal.Gap).hasSize(1);
      assertThat(streams.level3Acknowledged()).containsExactly(
          "subscribe BTC/USDT depth=10", "unsubscribe BTC/USDT depth=10", "subscribe BTC/USDT depth=10");
      assertThat(streams.tokens().issuedCount()).isEqualTo(1);
      assertThat(stream.connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void unsubscribingOneSymbolsLevel3StopsItsEventsWhileTheOtherContinuesOnTheSameConnection() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(ORDERS, ETH_ORDERS));
      Await.until("both level3 snapshots reached the listener", () -> snapshots() == 2); // none still in flight

      stream.unsubscribe(List.of(ORDERS));
      Await.until("the sandbox acknowledged the unsubscribe", () -> streams.level3Subscribers("BTC-USDT") == 0);
      long btcEvents = events(BTC);
      streams.publishBook("BTC-USDT", 300);
      streams.publishBook("ETH-USDT", 300);
      catchUp(stream, ETH, "ETH-USDT");

      assertThat(streams.level3Acknowledged()).as("accepted only with a valid token")
          .contains("unsubscribe BTC/USDT depth=10").doesNotContain("unsubscribe ETH/USDT depth=10");
      assertThat(events(BTC)).as("nothing of BTC after the unsubscribe").isEqualTo(btcEvents);
      assertThat(recorder.events).filteredOn(e -> e instanceof BookInvalidated).singleElement()
          .satisfies(e -> assertThat((BookInvalidated) e).extracting(BookInvalidated::symbol, BookInvalidated::reason)
              .containsExactly(BTC, BookInvalidated.Reason.UNSUBSCRIBED));
      assertThat(stream.level3Book(BTC)).isEmpty();
      assertThat(stream.book(BTC)).isEmpty();
      assertThat(stream.subscriptions()).containsExactly(ETH_ORDERS);
      assertThat(stream.connections()).as("as with level2, the connection stays for its other symbols").isEqualTo(1);

      stream.unsubscribe(List.of(ETH_ORDERS));
      Await.until("the sandbox acknowledged the second unsubscribe", () -> streams.level3Subscribers("ETH-USDT") == 0);
      assertThat(stream.subscriptions()).isEmpty();
      stream.subscribe(List.of(ORDERS));
      Await.until("BTC synced again", () -> stream.level3Book(BTC).isPresent());
      catchUp(stream, BTC, "BTC-USDT");
      assertThat(stream.connectionsOpened()).as("the level3 connection was kept and reused, as level2 keeps its own").isEqualTo(1);
      assertThat(streams.tokens().issuedCount()).isEqualTo(1);
    }
  }

  private static List<String> levels(io.tickguard.crypto.OrderBook book) {
    List<String> out = new ArrayList<>();
    book.bids().forEach(l -> out.add(l.price().stripTrailingZeros().toPlainString() + "x" + l.size().stripTrailingZeros().toPlainString()));
    book.asks().forEach(l -> out.add(l.price().stripTrailingZeros().toPlainString() + "x" + l.size().stripTrailingZeros().toPlainString()));
    return out;
  }

  private static List<String> sum(List<SimLevel> bids, List<SimLevel> asks) {
    List<String> out = new ArrayList<>(sum(bids));
    out.addAll(sum(asks));
    return out;
  }
}
