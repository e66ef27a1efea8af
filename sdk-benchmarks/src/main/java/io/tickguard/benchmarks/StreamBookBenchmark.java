package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.BookMessages;
import io.tickguard.benchmarks.fixture.JacksonBooks;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.stream.BinanceDepthSnapshot;
import io.tickguard.crypto.binance.stream.internal.BinanceFeed;
import io.tickguard.crypto.coinbase.stream.internal.CoinbaseFeed;
import io.tickguard.crypto.kraken.stream.internal.KrakenFeed;
import io.tickguard.crypto.kraken.stream.KrakenPrecision;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.crypto.stream.internal.FeedOutput;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Stream message decode + local book update, per provider: TickGuard's feed (strict decoding, exact
 * decimals, typed events, the provider's check, a book readers can lock) against a hand-written
 * Jackson-streaming decoder of the same messages into two {@code TreeMap}s with the same check. One
 * operation is one message (1 to 4 level changes, 2.5 on average); divide by the average to get level
 * updates per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StreamBookBenchmark {
  private static final Symbol BTC = Symbol.of("BTC", "USDT");
  private static final Subscription BOOK = new Subscription(BTC, StreamChannel.BOOK);

  private BookMessages messages;
  private Sink sink;
  private Feed binance;
  private Feed kraken;
  private Feed coinbase;
  private final JacksonBooks baseline = new JacksonBooks();
  private int bi;
  private int ki;
  private int ci;
  private int ji;
  private int jk;
  private int jc;

  @Setup(Level.Trial)
  public void setUp(Blackhole bh) {
    messages = new BookMessages(7);
    sink = new Sink(bh::consume);
    startBinance();
    startKraken();
    startCoinbase();
    baseline.reset(messages);
  }

  private void startBinance() {
    BinanceFeed feed = binanceFeed(messages, sink);
    feed.onText(messages.binance[0], sink);
    if (!feed.book(BTC).orElseThrow().isValid()) {
      throw new IllegalStateException("Binance book did not sync");
    }
    binance = feed;
    bi = 1;
  }

  private void startKraken() {
    kraken = krakenFeed(messages, sink);
    ki = 0;
  }

  private void startCoinbase() {
    coinbase = coinbaseFeed(messages, sink);
    ci = 0;
  }

  /** A Binance feed at the history's start: the next {@code depthUpdate} of the history applies. */
  static BinanceFeed binanceFeed(BookMessages messages, FeedOutput out) {
    BinanceDepthSnapshot start = new BinanceDepthSnapshot(messages.startId, messages.startBids, messages.startAsks);
    BinanceFeed feed = new BinanceFeed((s, w) -> CompletableFuture.completedFuture(start), Clock.systemUTC());
    feed.onOpen(Feed.Open.FIRST);
    feed.subscribe(List.of(BOOK));
    // An event the snapshot already covers starts the documented procedure; the next one applies.
    feed.onText("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"s\":\"BTCUSDT\","
        + "\"U\":" + (messages.startId - 10) + ",\"u\":" + messages.startId + ",\"b\":[],\"a\":[]}}", out);
    return feed;
  }

  /** A Kraken feed that has verified the history's snapshot. */
  static KrakenFeed krakenFeed(BookMessages messages, FeedOutput out) {
    KrakenFeed feed = new KrakenFeed(s -> new KrakenPrecision(2, 5), 1000);
    feed.subscribe(List.of(BOOK));
    feed.onOpen(Feed.Open.FIRST);
    feed.onText(messages.krakenSnapshot, out);
    return feed;
  }

  /** A Coinbase feed that has applied the history's snapshot. */
  static CoinbaseFeed coinbaseFeed(BookMessages messages, FeedOutput out) {
    CoinbaseFeed feed = new CoinbaseFeed();
    feed.subscribe(List.of(BOOK));
    feed.onOpen(Feed.Open.FIRST);
    feed.onText(messages.coinbaseSnapshot, out);
    return feed;
  }

  @Benchmark
  public void binanceTickGuard() {
    if (bi == BookMessages.COUNT) {
      startBinance();
    }
    binance.onText(messages.binance[bi++], sink);
  }

  @Benchmark
  public boolean binanceJackson() {
    if (ji == BookMessages.COUNT) {
      baseline.reset(messages);
      ji = 0;
    }
    return baseline.binance(messages.binance[ji++]);
  }

  @Benchmark
  public void krakenTickGuard() {
    if (ki == BookMessages.COUNT) {
      startKraken();
    }
    kraken.onText(messages.kraken[ki++], sink);
  }

  @Benchmark
  public boolean krakenJackson() {
    if (jk == BookMessages.COUNT) {
      baseline.reset(messages);
      jk = 0;
    }
    return baseline.kraken(messages.kraken[jk++]);
  }

  @Benchmark
  public void coinbaseTickGuard() {
    if (ci == BookMessages.COUNT) {
      startCoinbase();
    }
    coinbase.onText(messages.coinbase[ci++], sink);
  }

  @Benchmark
  public boolean coinbaseJackson() {
    if (jc == BookMessages.COUNT) {
      baseline.reset(messages);
      jc = 0;
    }
    return baseline.coinbase(messages.coinbase[jc++]);
  }

  /** Hands events to {@code events} (a {@code Blackhole}, so they are not optimised away); any loss is a broken history. */
  record Sink(Consumer<Object> events) implements FeedOutput {
    @Override
    public void event(MarketEvent event) {
      events.accept(event);
    }

    @Override
    public void heartbeat() {}

    @Override
    public void gap(String reason) {
      throw new IllegalStateException("unexpected gap: " + reason);
    }

    @Override
    public void resubscribe(String reason) {
      throw new IllegalStateException("unexpected resubscribe: " + reason);
    }

    @Override
    public void reconnect(String reason) {}
  }
}
