package io.tickguard.crypto.binance.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.StreamOverflowException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.stream.Await;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TradeEvent;
import io.tickguard.crypto.stream.internal.FeedStream;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.binance.BinanceStreamRoutes;
import io.tickguard.testkit.market.SimTrade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both overflow policies in queue mode through a real provider feed: Binance trades over pinned TLS
 * from the sandbox, a consumer that does not poll while 100 trades arrive into a queue of 16.
 */
class BackpressureSandboxTest {
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final int PUBLISHED = 100;
  private static final int CAPACITY = 16;

  private final BinanceStreamRoutes streams = new BinanceStreamRoutes(5, "BTC-USDT");
  private final SandboxServer sandbox = SandboxServer.builder().demoRoutes(false)
      .routes(streams).routes(new BinanceRoutes()).start();
  private final BinanceClient client = BinanceClient.builder().config(sandbox.clientConfig()).build();

  @AfterEach
  void stop() {
    client.close();
    sandbox.close();
  }

  private MarketStream openQueue(Backpressure policy) {
    MarketStream stream = client.streams().baseUrl(sandbox.baseUrl()).buffer(CAPACITY, policy).open();
    stream.subscribe(List.of(new Subscription(BTC, StreamChannel.TRADES)));
    Await.until("the sandbox sees the trade subscription", () -> streams.openSessions().stream()
        .anyMatch(s -> s.topics().contains("btcusdt@trade")));
    return stream;
  }

  @Test
  void failPolicyEndsTheSubscriptionAndPollThrowsTheOverflowAfterTheQueuedEvents() {
    try (MarketStream stream = openQueue(Backpressure.FAIL)) {
      List<SimTrade> published = streams.publishTrades("BTC-USDT", PUBLISHED);

      // A connection whose own buffer overflowed first is closed (connections() == 0) while its
      // delivery thread still moves the events it holds into the queue; polling then would take them
      // as they come, more than the queue's capacity in all. Once the stream has failed, nothing more
      // enters the queue.
      Await.until("the subscription failed and its connection ended", () -> ((FeedStream) stream).hasFailed()
          && stream.connections() == 0 && streams.openSessions().isEmpty());
      List<MarketEvent> taken = new ArrayList<>();
      assertThatThrownBy(() -> {
        while (true) {
          stream.poll(Duration.ZERO).ifPresent(taken::add);
        }
      }).isInstanceOf(StreamOverflowException.class).hasMessageContaining("fell behind");
      assertThat(taken).hasSizeLessThanOrEqualTo(CAPACITY).allMatch(e -> e instanceof TradeEvent);
      List<String> first = published.subList(0, taken.size()).stream().map(t -> Long.toString(t.id())).toList();
      assertThat(taken).as("the oldest trades, in order: none lost before the failure")
          .map(e -> ((TradeEvent) e).trade().id()).containsExactlyElementsOf(first);
      assertThat(stream.droppedEvents()).as("FAIL never drops silently").isZero();
      assertThatThrownBy(() -> stream.subscribe(List.of(new Subscription(BTC, StreamChannel.BOOK))))
          .isInstanceOf(io.tickguard.core.stream.StreamClosedException.class);
    }
  }

  @Test
  void dropOldestKeepsTheNewestEventsInOrderAndCountsEveryDrop() {
    try (MarketStream stream = openQueue(Backpressure.DROP_OLDEST)) {
      List<SimTrade> published = streams.publishTrades("BTC-USDT", PUBLISHED);

      Await.until("every trade was either kept or counted as dropped",
          () -> stream.droppedEvents() == PUBLISHED - CAPACITY);
      // Every trade is now dropped or kept, but a kept one may still sit in the connection's own
      // buffer on its way to the queue: wait for each (poll returns as soon as one is there), then
      // nothing more may come.
      List<String> kept = new ArrayList<>();
      for (int i = 0; i < CAPACITY; i++) {
        Optional<MarketEvent> e = stream.poll(Duration.ofMinutes(1));
        assertThat(e).as("kept trade %d of %d", i + 1, CAPACITY).isPresent();
        kept.add(((TradeEvent) e.get()).trade().id());
      }
      assertThat(stream.poll(Duration.ZERO)).as("nothing beyond the kept trades").isEmpty();
      List<String> newest = published.subList(PUBLISHED - CAPACITY, PUBLISHED).stream().map(t -> Long.toString(t.id())).toList();
      assertThat(kept).containsExactlyElementsOf(newest);
      assertThat(stream.connections()).as("the connection stays open").isEqualTo(1);
    }
  }
}
