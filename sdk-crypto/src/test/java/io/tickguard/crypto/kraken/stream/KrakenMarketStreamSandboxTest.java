package io.tickguard.crypto.kraken.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.crypto.stream.Await;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookModel;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.StreamRecorder;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.FeedStream;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.kraken.KrakenRoutes;
import io.tickguard.testkit.kraken.KrakenStreamRoutes;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Kraken v2 market streams end to end over pinned TLS against the sandbox's Kraken WebSocket (its
 * own checksum implementation, written from Kraken's guide): every message's CRC32 verified.
 */
class KrakenMarketStreamSandboxTest {
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final Subscription BOOK = new Subscription(BTC, StreamChannel.BOOK);
  /** Subscribed with the book on the same connection: its trades are the tests' in-order barrier. */
  private static final Subscription TRADES = new Subscription(BTC, StreamChannel.TRADES);

  private final KrakenStreamRoutes streams = new KrakenStreamRoutes(23, "BTC-USDT");
  private final SandboxServer sandbox = SandboxServer.builder().demoRoutes(false)
      .routes(streams).routes(new KrakenRoutes()).start();
  private final KrakenClient client = KrakenClient.builder().config(sandbox.clientConfig()).build();
  private final StreamRecorder recorder = new StreamRecorder();
  private final List<MarketEvent> events = recorder.events;
  private final List<StreamSignal> signals = recorder.signals;
  private final BookModel model = recorder.model;

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private MarketStream open(int depth) {
    return client.streams().baseUrl(sandbox.baseUrl()).depth(depth).listener(recorder)
        // Larger than every event a test publishes at once: a busy machine slows the listener, and
        // these tests are about books, not backpressure (BackpressureSandboxTest covers that).
        .buffer(32_768, io.tickguard.core.stream.Backpressure.FAIL).reconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(10)).maxDelay(Duration.ofMillis(50)).build()).open();
  }

  private void awaitSynced(MarketStream stream) {
    Await.until("the book is synced", () -> stream.book(BTC).isPresent());
  }

  /**
   * Publishes until the local book equals the sandbox's, compared only when nothing is in flight: a
   * trade sent after the book messages on the same connection is the barrier (the stream delivers in
   * order, and applies a book message before it delivers anything after it). Comparing while updates
   * travel could meet a local book that equals the sandbox's by chance, when a later change undid an
   * earlier one still in flight, and is then moved away from it by that message.
   */
  private void catchUp(MarketStream stream, int depth) {
    Await.until("the local book equals the sandbox's top " + depth, () -> {
      streams.publishBook("BTC-USDT", 1);
      awaitBarrier();
      return stream.book(BTC).map(b -> equalsTruth(b, depth)).orElse(false);
    });
  }

  /** Sends one trade and waits until the listener has it: every earlier message has been applied. */
  private void awaitBarrier() {
    Await.until("the sandbox has the trade subscription", () -> streams.openSessions().stream()
        .anyMatch(s -> s.topics().contains("trade:BTC/USDT")));
    String id = String.valueOf(streams.publishTrades("BTC-USDT", 1).get(0).id());
    Await.until("the barrier trade " + id + " arrived", () -> events.stream()
        .anyMatch(e -> e instanceof TradeEvent t && t.trade().id().equals(id)));
  }

  private boolean equalsTruth(OrderBook local, int depth) {
    SimOrderBook truth = streams.feed("BTC-USDT").snapshot(depth);
    return local.bids().equals(levels(truth.bids())) && local.asks().equals(levels(truth.asks()));
  }

  private static List<PriceLevel> levels(List<SimLevel> sim) {
    List<PriceLevel> out = new ArrayList<>();
    sim.forEach(l -> out.add(new PriceLevel(l.price(), l.quantity())));
    return out;
  }

  @Test
  void aBookVerifiedOverTenThousandUpdatesEqualsTheSandboxBook() {
    try (MarketStream stream = open(25)) {
      stream.subscribe(List.of(BOOK, TRADES));
      awaitSynced(stream);
      streams.publishBook("BTC-USDT", 10_000);
      catchUp(stream, 25);

      assertThat(equalsTruth(stream.book(BTC).orElseThrow(), 25)).isTrue();
      assertThat(((FeedStream) stream).bookVersion(BTC)).as("messages verified by checksum").isGreaterThan(5_000);
      assertThat(events).noneMatch(e -> e instanceof BookInvalidated);
      assertThat(model.updatesWhileInvalid).isZero();
    }
  }

  @Test
  void aCorruptedChecksumCausesExactlyOneResubscriptionAndNoInvalidBookIsObservable() {
    try (MarketStream stream = open(10)) {
      stream.subscribe(List.of(BOOK, TRADES));
      awaitSynced(stream);
      catchUp(stream, 10);

      streams.corruptNextChecksum("BTC-USDT");
      Await.until("the book was invalidated", () -> {
        streams.publishBook("BTC-USDT", 1);
        return events.stream().anyMatch(e -> e instanceof BookInvalidated);
      });
      Await.until("the book resynced", () -> model.snapshots == 2);
      catchUp(stream, 10);

      assertThat(events.stream().filter(e -> e instanceof BookInvalidated).toList()).singleElement()
          .satisfies(e -> assertThat(((BookInvalidated) e).reason()).isEqualTo(BookInvalidated.Reason.CHECKSUM_MISMATCH));
      assertThat(model.updatesWhileInvalid).isZero();
      assertThat(signals).anyMatch(s -> s instanceof StreamSignal.Resubscribed);
      assertThat(stream.connectionsOpened()).isEqualTo(1);
    }
  }

  @Test
  void aDroppedConnectionReconnectsResubscribesAndResyncs() {
    try (MarketStream stream = open(10)) {
      stream.subscribe(List.of(BOOK, TRADES));
      awaitSynced(stream);
      catchUp(stream, 10);

      streams.dropConnections();
      Await.until("a second connection", () -> streams.connectionsOpened() == 2);
      Await.until("the book resynced", () -> model.snapshots == 2);
      catchUp(stream, 10);

      assertThat(events).anyMatch(e -> e instanceof BookInvalidated i && i.reason() == BookInvalidated.Reason.DISCONNECTED);
    }
  }
}
