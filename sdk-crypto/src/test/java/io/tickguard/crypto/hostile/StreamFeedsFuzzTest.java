package io.tickguard.crypto.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.stream.BinanceDepthSnapshot;
import io.tickguard.crypto.binance.stream.internal.BinanceFeed;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.crypto.coinbase.stream.internal.CoinbaseFeed;
import io.tickguard.crypto.kraken.stream.internal.KrakenFeed;
import io.tickguard.crypto.kraken.stream.KrakenPrecision;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.RecordingOutput;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.market.InvalidValueException;
import io.tickguard.testkit.MutableClock;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Coverage-guided fuzzing of the WebSocket message decoders (Binance, Kraken, Coinbase feeds) and of
 * the book checksum input. An input is a sequence of messages, one per line, delivered to a feed
 * subscribed to the book, ticker and trades of one symbol. Every message either decodes into events
 * or is refused with a {@link TickGuardException} (the transport then reconnects); never another
 * exception. Every book a listener or {@link LocalOrderBook} can see is sorted and uncrossed.
 *
 * <p>Committed inputs: {@code src/test/resources/io/tickguard/crypto/hostile/StreamFeedsFuzzTestInputs/<method>/}.
 */
class StreamFeedsFuzzTest {
  private static final int MAX_MESSAGES = 64;
  private static final Symbol BNB_BTC = Symbol.of("BNB", "BTC");
  private static final Symbol BTC_USD = Symbol.of("BTC", "USD");

  @FuzzTest
  void binanceFeed(byte[] data) {
    BinanceDepthSnapshot snapshot = new BinanceDepthSnapshot(158,
        List.of(level("0.0023", "5")), List.of(level("0.0027", "7")));
    BinanceFeed feed = new BinanceFeed((symbol, wire) -> CompletableFuture.completedFuture(snapshot),
        new MutableClock(Instant.parse("2026-01-01T00:00:00Z")));
    run(feed, BNB_BTC, data);
  }

  @FuzzTest
  void krakenFeed(byte[] data) {
    run(new KrakenFeed(s -> new KrakenPrecision(1, 8), 10), BTC_USD, data);
  }

  /**
   * The book checksum input: the first two bytes are the instrument's price and quantity precision
   * (as Kraken's AssetPairs reports them, possibly out of range), the rest the book messages whose
   * levels are written in that precision and hashed.
   */
  @FuzzTest
  void krakenChecksumInput(byte[] data) {
    if (data.length < 2) {
      return;
    }
    int price = data[0] % 24;
    int quantity = data[1] % 24;
    KrakenPrecision precision;
    try {
      precision = new KrakenPrecision(price, quantity);
    } catch (InvalidValueException refused) {
      return; // the client refuses such an instrument when it reads AssetPairs
    }
    run(new KrakenFeed(s -> precision, 10), BTC_USD, java.util.Arrays.copyOfRange(data, 2, data.length));
  }

  @FuzzTest
  void coinbaseFeed(byte[] data) {
    run(new CoinbaseFeed(), BTC_USD, data);
  }

  private static void run(Feed feed, Symbol symbol, byte[] data) {
    feed.subscribe(List.of(new Subscription(symbol, StreamChannel.BOOK), new Subscription(symbol, StreamChannel.TICKER),
        new Subscription(symbol, StreamChannel.TRADES)));
    feed.onOpen(Feed.Open.FIRST);
    RecordingOutput out = new RecordingOutput();
    String[] messages = new String(data, StandardCharsets.UTF_8).split("\n", MAX_MESSAGES);
    for (String message : messages) {
      int resubscribes = out.resubscribes.size();
      try {
        feed.onText(message, out);
      } catch (TickGuardException refused) {
        // what the transport does with a refused message: drop the connection, open a new one
        assertThat(refused.getMessage()).isNotBlank();
        feed.onDisconnect("refused message", out);
        feed.onOpen(Feed.Open.RECONNECT);
      }
      if (out.resubscribes.size() > resubscribes) {
        feed.onOpen(Feed.Open.RESUBSCRIBE);
      }
      feed.book(symbol).flatMap(LocalOrderBook::snapshot).ifPresent(StreamFeedsFuzzTest::assertSound);
    }
    for (MarketEvent e : out.events) {
      assertThat(e).isNotNull();
      if (e instanceof BookSnapshotEvent s) {
        assertSound(s.book());
      }
    }
  }

  /** Bids strictly descending, asks strictly ascending, sizes positive, best bid below best ask. */
  private static void assertSound(OrderBook book) {
    assertSorted(book.bids(), -1);
    assertSorted(book.asks(), 1);
    if (!book.bids().isEmpty() && !book.asks().isEmpty()) {
      assertThat(book.bids().get(0).price()).isLessThan(book.asks().get(0).price());
    }
  }

  private static void assertSorted(List<PriceLevel> levels, int direction) {
    for (int i = 0; i < levels.size(); i++) {
      assertThat(levels.get(i).size()).isPositive();
      if (i > 0) {
        assertThat(Integer.signum(levels.get(i).price().compareTo(levels.get(i - 1).price()))).isEqualTo(direction);
      }
    }
  }

  private static PriceLevel level(String price, String size) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
  }
}
