package io.tickguard.crypto.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.stream.Await;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookModel;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.StreamRecorder;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.binance.BinanceStreamRoutes;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Binance market streams end to end: BinanceClient's pipeline over pinned TLS to the sandbox's
 * Binance WebSocket (written separately from Binance's docs), books kept by the documented procedure
 * against the sandbox's own book.
 */
class BinanceMarketStreamSandboxTest {
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final Subscription BOOK = new Subscription(BTC, StreamChannel.BOOK);

  private final BinanceStreamRoutes streams = new BinanceStreamRoutes(11, "BTC-USDT");
  private final SandboxServer sandbox = SandboxServer.builder().demoRoutes(false)
      .routes(streams).routes(new BinanceRoutes()).start();
  private final BinanceClient client = BinanceClient.builder().config(sandbox.clientConfig()).build();
  private final StreamRecorder recorder = new StreamRecorder();
  private final List<MarketEvent> events = recorder.events;
  private final List<StreamSignal> signals = recorder.signals;
  private final BookModel model = recorder.model;

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private MarketStream open() {
    // Room for every event of the 10,000-update test: the publisher outruns a listener starved by a
    // loaded machine, and with the default 4,096 the FAIL policy would end the stream (as designed).
    return client.streams().baseUrl(sandbox.baseUrl()).listener(recorder).buffer(32_768, Backpressure.FAIL)
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build())
        .open();
  }

  private void awaitSubscribed() {
    Await.until("the sandbox sees the depth subscription", () -> streams.openSessions().stream()
        .anyMatch(s -> s.topics().contains("btcusdt@depth@100ms")));
  }

  /** Publishes until the stream's book is at the sandbox's latest update id. */
  private void catchUp(MarketStream stream) {
    awaitPublishing("the local book reaches the sandbox's update id",
        () -> model.version() == streams.feed("BTC-USDT").lastUpdateId() && stream.book(BTC).isPresent());
  }

  /**
   * Waits for {@code done}, publishing one update every 50th look (a book synced from a snapshot
   * waits for the next update to bridge it). An update on every look, about 1,000 a second on a fast
   * machine, outran the resync it waited for: the 250-weight depth snapshot waited its turn in the
   * client's paced throttle, snapshot followed snapshot (in burst mode they used up the minute's
   * weight), and tests ran into the 60 s bound of the wait, by how much depending on the machine and
   * on what ran before.
   */
  private void awaitPublishing(String what, BooleanSupplier done) {
    int[] looks = {0};
    Await.until(what, () -> {
      if (looks[0]++ % 50 == 0) {
        streams.publishDepth("BTC-USDT", 1);
      }
      return done.getAsBoolean();
    });
  }

  private static List<PriceLevel> levels(List<SimLevel> sim) {
    List<PriceLevel> out = new ArrayList<>();
    sim.forEach(l -> out.add(new PriceLevel(l.price(), l.quantity())));
    return out;
  }

  private void assertBookEqualsSandbox(MarketStream stream) {
    SimOrderBook truth = streams.feed("BTC-USDT").snapshot(100_000);
    OrderBook local = stream.book(BTC).orElseThrow();
    assertThat(local.bids()).containsExactlyElementsOf(levels(truth.bids()));
    assertThat(local.asks()).containsExactlyElementsOf(levels(truth.asks()));
    // The listener gets its events on the session's delivery thread, after the book has them.
    Await.until("the book rebuilt from events alone equals it", () -> model.matches(local));
  }

  @Test
  void aBookMaintainedOverTenThousandUpdatesEqualsTheSandboxBook() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      awaitSubscribed();
      for (int i = 0; i < 100; i++) {
        streams.publishDepth("BTC-USDT", 100);
      }
      catchUp(stream);

      assertBookEqualsSandbox(stream);
      assertThat(streams.feed("BTC-USDT").lastUpdateId()).isGreaterThan(1000 + 10_000);
      assertThat(model.invalidations).isZero();
      assertThat(model.updatesWhileInvalid).isZero();
    }
  }

  @Test
  void aSequenceGapCausesExactlyOneResyncAndNoInvalidBookIsObservable() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      awaitSubscribed();
      catchUp(stream);
      int snapshotsBefore = streams.snapshotsServed();

      streams.skipNextDepthUpdate("BTC-USDT");
      streams.publishDepth("BTC-USDT", 50);
      catchUp(stream);

      assertThat(streams.snapshotsServed()).isEqualTo(snapshotsBefore + 1);
      assertThat(events.stream().filter(e -> e instanceof BookInvalidated).toList()).singleElement()
          .satisfies(e -> assertThat(((BookInvalidated) e).reason()).isEqualTo(BookInvalidated.Reason.SEQUENCE_GAP));
      assertThat(model.snapshots).isEqualTo(2);
      assertThat(model.updatesWhileInvalid).isZero();
      assertThat(signals).anyMatch(s -> s instanceof StreamSignal.Gap);
      assertBookEqualsSandbox(stream);
    }
  }

  @Test
  void aDroppedConnectionReconnectsResubscribesAndResyncs() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      awaitSubscribed();
      catchUp(stream);

      streams.dropConnections();
      Await.until("a second connection", () -> streams.connectionsOpened() == 2);
      awaitSubscribed();
      catchUp(stream);

      assertThat(stream.connectionsOpened()).isEqualTo(2);
      assertThat(events).anyMatch(e -> e instanceof BookInvalidated i && i.reason() == BookInvalidated.Reason.DISCONNECTED);
      assertThat(model.snapshots).isEqualTo(2);
      assertThat(signals).anyMatch(s -> s instanceof StreamSignal.Disconnected);
      assertBookEqualsSandbox(stream);
    }
  }

  @Test
  void serverShutdownReplacesTheConnectionWithoutExposingTheOldBook() {
    try (MarketStream stream = open()) {
      stream.subscribe(List.of(BOOK));
      awaitSubscribed();
      catchUp(stream);

      streams.serverShutdown();
      Await.until("the client moved to a new connection", () -> streams.connectionsOpened() == 2);
      awaitSubscribed();
      catchUp(stream);

      assertThat(events).anyMatch(e -> e instanceof BookInvalidated i && i.reason() == BookInvalidated.Reason.SERVER_SHUTDOWN);
      assertBookEqualsSandbox(stream);
    }
  }

  @Test
  void aSlowListenerGetsDropOldestWhileTheReaderKeepsTheBookCurrent() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BookModel ignored = new BookModel();
    StreamListener<MarketEvent> slow = event -> {
      ignored.on(event);
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    };
    try (MarketStream stream = client.streams().baseUrl(sandbox.baseUrl()).listener(slow)
        .buffer(8, Backpressure.DROP_OLDEST).open()) {
      stream.subscribe(List.of(BOOK));
      awaitSubscribed();
      // The listener is stuck on its first event; the reader must still keep the book current.
      awaitPublishing("the book is synced and current while the listener is blocked",
          () -> stream.book(BTC).isPresent() && streams.feed("BTC-USDT").lastUpdateId() == currentVersion(stream));
      streams.publishDepth("BTC-USDT", 200);
      Await.until("events were dropped, counted", () -> stream.droppedEvents() > 0);
      Await.until("the reader applied every update", () -> currentVersion(stream) == streams.feed("BTC-USDT").lastUpdateId());
      OrderBook local = stream.book(BTC).orElseThrow();
      SimOrderBook truth = streams.feed("BTC-USDT").snapshot(100_000);
      assertThat(local.bids()).containsExactlyElementsOf(levels(truth.bids()));
      release.countDown();
    }
  }

  @Test
  void aBookIsStaleTheMomentItsConnectionEndsBeforeDisconnectedIsDelivered() throws Exception {
    CountDownLatch armed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<StreamSignal> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
    StreamListener<MarketEvent> stuck = new StreamListener<>() {
      @Override
      public void onEvent(MarketEvent event) {
        model.on(event);
        if (armed.getCount() == 0) {
          try {
            release.await(); // the delivery thread is held: Disconnected cannot be delivered
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }

      @Override
      public void onSignal(StreamSignal signal) {
        delivered.add(signal);
      }
    };
    // A manual scheduler: the reconnect (which would invalidate the books on its own) never runs,
    // so only the end-of-connection hook can make the book stale in this window.
    io.tickguard.testkit.ManualStreamScheduler scheduler =
        new io.tickguard.testkit.ManualStreamScheduler(new io.tickguard.testkit.MutableClock(java.time.Instant.EPOCH));
    try (MarketStream stream = client.streams().baseUrl(sandbox.baseUrl()).listener(stuck).scheduler(scheduler)
        .open()) {
      try {
        holdDeliveryAndDropTheConnection(stream, armed, delivered);
      } finally {
        release.countDown(); // else close() would wait for the held delivery thread
      }
      Await.until("Disconnected is delivered after the book went stale", () -> delivered.stream()
          .anyMatch(s -> s instanceof StreamSignal.Disconnected));
    }
  }

  private void holdDeliveryAndDropTheConnection(MarketStream stream, CountDownLatch armed, List<StreamSignal> delivered) {
      stream.subscribe(List.of(BOOK));
      awaitSubscribed();
      catchUp(stream);
      armed.countDown();
      streams.publishDepth("BTC-USDT", 1); // the listener takes it and stays there
      Await.until("the reader applied the update", () -> currentVersion(stream) == streams.feed("BTC-USDT").lastUpdateId());
      assertThat(stream.book(BTC)).isPresent();

      streams.dropConnections();

      Await.until("the book is refused while the consumer has not been told", () -> stream.book(BTC).isEmpty());
      assertThat(stream.book(BTC, 5)).isEmpty();
      assertThat(currentVersion(stream)).isEqualTo(-1L);
      assertThat(delivered).noneMatch(s -> s instanceof StreamSignal.Disconnected);
      assertThat(streams.connectionsOpened()).as("no reconnect yet").isEqualTo(1);
  }

  private static long currentVersion(MarketStream stream) {
    return ((io.tickguard.crypto.stream.internal.FeedStream) stream).bookVersion(BTC);
  }

  @Test
  void afterCloseNoConnectionAndNoStreamThreadIsLeft() {
    MarketStream stream = open();
    stream.subscribe(List.of(BOOK));
    awaitSubscribed();
    catchUp(stream);

    stream.close();

    Await.until("the sandbox saw the connection close", () -> streams.openSessions().isEmpty());
    assertThat(stream.connections()).isZero();
    Await.until("no stream thread is alive", () -> Thread.getAllStackTraces().keySet().stream()
        .noneMatch(t -> t.isAlive() && t.getName().startsWith("tickguard-stream-stream")));
    assertThat(stream.book(BTC)).as("a closed stream's book has no source any more").isEmpty();
  }
}
