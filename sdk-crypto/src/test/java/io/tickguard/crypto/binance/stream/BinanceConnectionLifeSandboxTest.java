package io.tickguard.crypto.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.binance.stream.internal.BinanceFeed;
import io.tickguard.crypto.stream.Await;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.StreamRecorder;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.testkit.ManualStreamScheduler;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.binance.BinanceStreamRoutes;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.stream.StreamSessions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Binance connection's life on virtual time: the 24-hour lifetime and the server's pings, end to
 * end against the sandbox over pinned TLS. The sandbox and the stream share one {@link MutableClock};
 * the stream's timers (idle detection, reconnect backoff) run on a {@link ManualStreamScheduler}
 * only when the test advances it, so a day passes in seconds and nothing depends on the wall clock.
 */
class BinanceConnectionLifeSandboxTest {
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final ManualStreamScheduler scheduler = new ManualStreamScheduler(clock);
  private final BinanceStreamRoutes streams = new BinanceStreamRoutes(23, "BTC-USDT");
  private final SandboxServer sandbox = SandboxServer.builder().demoRoutes(false).clock(clock)
      .routes(streams).routes(new BinanceRoutes()).start();
  private final BinanceClient client = BinanceClient.builder().config(sandbox.clientConfig()).build();
  private final StreamRecorder recorder = new StreamRecorder();

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private MarketStream open() {
    MarketStream stream = client.streams().baseUrl(sandbox.baseUrl()).listener(recorder).clock(clock).scheduler(scheduler)
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build())
        .open();
    stream.subscribe(List.of(new Subscription(BTC, StreamChannel.BOOK)));
    awaitSubscribed();
    catchUp(stream);
    return stream;
  }

  private void awaitSubscribed() {
    Await.until("the sandbox sees the depth subscription", () -> streams.openSessions().stream()
        .anyMatch(s -> s.topics().contains("btcusdt@depth@100ms")));
  }

  /**
   * Publishes until the listener's book is at the sandbox's latest update id; runs whatever the
   * stream scheduled for now (a reconnect) on the way, without moving virtual time.
   */
  private void catchUp(MarketStream stream) {
    streams.publishDepth("BTC-USDT", 1);
    int[] polls = {0};
    Await.until("the local book reaches the sandbox's update id", () -> {
      scheduler.runDue();
      if (recorder.model.version() == streams.feed("BTC-USDT").lastUpdateId() && stream.book(BTC).isPresent()) {
        return true;
      }
      if (++polls[0] % 20 == 0) {
        streams.publishDepth("BTC-USDT", 1); // a resync applies its snapshot with the next message
      }
      return false;
    });
  }

  /** A market moving until {@code end}: one book update every two minutes (idle detection allows three). */
  private void liveUntil(MarketStream stream, Instant end) {
    while (clock.instant().isBefore(end)) {
      step(stream, Duration.ofMinutes(2));
    }
  }

  /** One step of virtual time with the market moving: the stream's due timers run, one update is sent. */
  private void step(MarketStream stream, Duration d) {
    scheduler.advance(d);
    streams.enforceLifetime();
    catchUp(stream);
  }

  @Test
  void theClientReplacesTheConnectionBeforeBinancesTwentyFourHourCloseAndResyncsOnce() {
    try (MarketStream stream = open()) {
      liveUntil(stream, T0.plus(Duration.ofHours(24).plusMinutes(10)));

      assertThat(streams.lifetimeCloses()).as("the sandbox never had to close a connection at 24 h").isZero();
      assertThat(streams.connectionsOpened()).isEqualTo(2);
      assertThat(streams.openSessions()).singleElement()
          .satisfies(s -> assertThat(s.openedAt()).isAfterOrEqualTo(T0.plus(BinanceFeed.LIFETIME))
              .isBefore(T0.plus(BinanceStreamRoutes.LIFETIME)));
      assertExactlyOneResync(BookInvalidated.Reason.SERVER_SHUTDOWN);
      assertBookEqualsSandbox(stream);
    }
  }

  @Test
  void whenBinanceClosesTheConnectionAtTwentyFourHoursTheClientReconnectsAndResyncsOnce() {
    try (MarketStream stream = open()) {
      liveUntil(stream, T0.plus(Duration.ofHours(23).plusMinutes(54))); // before the client's own deadline
      // The process is paused across the 24-hour mark (a suspended VM): no message arrived and no
      // timer ran since 23:54, and Binance closes the connection at 24 h.
      clock.advance(Duration.ofMinutes(7));
      streams.enforceLifetime();
      assertThat(streams.lifetimeCloses()).isEqualTo(1);
      streams.publishDepth("BTC-USDT", 3); // missed while disconnected: the resync must cover them
      // The client sees the close before its timers run (else its idle check would find the silence first).
      Await.until("the client saw the close", () -> recorder.signals.stream().anyMatch(s -> s instanceof StreamSignal.Disconnected));

      Await.until("the client reconnected", () -> {
        scheduler.runDue();
        return streams.connectionsOpened() == 2;
      });
      awaitSubscribed();
      catchUp(stream);
      step(stream, Duration.ofMinutes(1));

      assertThat(streams.connectionsOpened()).isEqualTo(2);
      assertThat(recorder.signals.stream().filter(s -> s instanceof StreamSignal.Disconnected)).hasSize(1);
      assertExactlyOneResync(BookInvalidated.Reason.DISCONNECTED);
      assertBookEqualsSandbox(stream);
    }
  }

  @Test
  void theClientAnswersEveryServerPingSoTheConnectionOutlivesThePongTimeout() {
    try (MarketStream stream = open()) {
      StreamSessions.Session session = streams.openSessions().get(0);
      int rounds = 12; // four minutes: four pong timeouts, more than the stream's idle timeout
      for (int i = 1; i <= rounds; i++) {
        step(stream, BinanceStreamRoutes.PING_INTERVAL); // the client has everything: nothing else in flight
        streams.ping();
        int expected = i;
        Await.until("the client's pong to ping " + i, () -> session.pongsReceived() == expected);
      }

      assertThat(session.pingsSent()).isEqualTo(rounds);
      assertThat(session.pongsReceived()).isEqualTo(rounds);
      assertThat(streams.pongTimeoutCloses()).isZero();
      assertThat(streams.connectionsOpened()).isEqualTo(1);
      assertThat(streams.openSessions()).containsExactly(session);
      assertThat(recorder.model.invalidations).isZero();
      assertBookEqualsSandbox(stream);
    }
  }

  /** One invalidation for {@code reason}, two snapshots, and per snapshot strictly rising update ids. */
  private void assertExactlyOneResync(BookInvalidated.Reason reason) {
    List<MarketEvent> events = recorder.events;
    assertThat(events.stream().filter(e -> e instanceof BookInvalidated).toList()).singleElement()
        .satisfies(e -> assertThat(((BookInvalidated) e).reason()).isEqualTo(reason));
    assertThat(recorder.model.snapshots).isEqualTo(2);
    assertThat(recorder.model.updatesWhileInvalid).isZero();
    long last = -1;
    int updates = 0;
    for (MarketEvent e : events) {
      if (e instanceof BookSnapshotEvent s) {
        last = s.version();
      } else if (e instanceof BookUpdateEvent u) {
        assertThat(u.version()).as("no update repeated or out of order").isGreaterThan(last);
        last = u.version();
        updates++;
      }
    }
    assertThat(updates).isPositive();
  }

  private void assertBookEqualsSandbox(MarketStream stream) {
    SimOrderBook truth = streams.feed("BTC-USDT").snapshot(100_000);
    OrderBook local = stream.book(BTC).orElseThrow();
    assertThat(local.bids()).containsExactlyElementsOf(levels(truth.bids()));
    assertThat(local.asks()).containsExactlyElementsOf(levels(truth.asks()));
    Await.until("the book rebuilt from events alone equals it", () -> recorder.model.matches(local));
  }

  private static List<PriceLevel> levels(List<SimLevel> sim) {
    List<PriceLevel> out = new ArrayList<>();
    sim.forEach(l -> out.add(new PriceLevel(l.price(), l.quantity())));
    return out;
  }
}
