package io.tickguard.testkit.market;

import io.tickguard.testkit.internal.Mix;
import io.tickguard.testkit.internal.PriceWalk;
import io.tickguard.testkit.internal.SpanBlocks;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A deterministic market: per instrument a seeded random walk, one step per second, from which every
 * ticker, book, trade and candle is derived. Everything is a pure function of (seed, instrument,
 * clock time): two simulators with the same seed and the same clock serve identical data, whatever
 * order they are asked in. Time comes from the injected {@link Clock} only.
 *
 * <p>The walk is anchored at the start of the UTC day the simulator was created in, so two sandboxes
 * started on the same day with the same seed agree even on a real clock. Thread-safe.
 */
public final class MarketSimulator {
  /** The largest span, in simulated seconds, one request may scan (candles, 24 h statistics). */
  public static final long MAX_SCAN_SECONDS = 10L * PriceWalk.DAY;

  private static final long SALT_SPREAD = 1;
  private static final long SALT_BOOK = 2;
  private static final long SALT_TRADE = 3;

  private final long seed;
  private final Clock clock;
  private final Map<String, Instrument> instruments;
  private final Map<String, PriceWalk> walks;
  private final Map<String, SpanBlocks> blocks;
  /** {@link Mix#prefix} of each symbol: per-second lookups then skip hashing the symbol's bytes. */
  private final Map<String, Long> prefixes;

  /**
   * Creates a simulator.
   *
   * @param seed the seed every price derives from
   * @param clock the simulation clock
   * @param instruments the instruments to simulate
   */
  public MarketSimulator(long seed, Clock clock, List<Instrument> instruments) {
    this.seed = seed;
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, Instrument> byName = new LinkedHashMap<>();
    Map<String, PriceWalk> walksByName = new LinkedHashMap<>();
    Map<String, SpanBlocks> blocksByName = new LinkedHashMap<>();
    Map<String, Long> prefixesByName = new LinkedHashMap<>();
    long anchorDay = Math.floorDiv(clock.instant().getEpochSecond(), PriceWalk.DAY);
    for (Instrument i : instruments) {
      if (byName.put(i.symbol(), i) != null) {
        throw new IllegalArgumentException("Instrument listed twice: " + i.symbol());
      }
      walksByName.put(i.symbol(), new PriceWalk(seed, i.symbol(), anchorDay, i.startPrice().doubleValue(), i.dailyVolatility()));
      blocksByName.put(i.symbol(), new SpanBlocks());
      prefixesByName.put(i.symbol(), Mix.prefix(seed, i.symbol()));
    }
    this.instruments = Collections.unmodifiableMap(byName);
    this.walks = Map.copyOf(walksByName);
    this.blocks = Map.copyOf(blocksByName);
    this.prefixes = Map.copyOf(prefixesByName);
  }

  /** BTC-USDT, ETH-USDT, SOL-USDT, EUR-USD and GBP-USD with realistic tick and lot sizes. */
  public static List<Instrument> defaultInstruments() {
    return List.of(
        new Instrument("BTC-USDT", new BigDecimal("65000.00"), new BigDecimal("0.01"), new BigDecimal("0.00001"), 50_000, 0.03),
        new Instrument("ETH-USDT", new BigDecimal("3200.00"), new BigDecimal("0.01"), new BigDecimal("0.0001"), 50_000, 0.04),
        new Instrument("SOL-USDT", new BigDecimal("150.000"), new BigDecimal("0.001"), new BigDecimal("0.001"), 100_000, 0.05),
        new Instrument("EUR-USD", new BigDecimal("1.08500"), new BigDecimal("0.00001"), new BigDecimal("1000"), 5_000, 0.006),
        new Instrument("GBP-USD", new BigDecimal("1.27000"), new BigDecimal("0.00001"), new BigDecimal("1000"), 5_000, 0.007));
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The simulation clock. */
  public Clock clock() {
    return clock;
  }

  /** The simulated instruments by symbol. */
  public Map<String, Instrument> instruments() {
    return instruments;
  }

  /** The instrument {@code symbol}, if simulated. */
  public Optional<Instrument> instrument(String symbol) {
    return Optional.ofNullable(instruments.get(symbol));
  }

  /** The ticker now. */
  public SimTicker ticker(String symbol) {
    Instrument i = require(symbol);
    long now = nowSecond();
    Top top = top(i, now);
    long dayAgo = now - PriceWalk.DAY + 1;
    Span day = scan(i, dayAgo, now);
    return new SimTicker(
        symbol, top.bid, top.bidQuantity, top.ask, top.askQuantity,
        price(i, now), price(i, dayAgo), day.high, day.low, lots(i, day.volumeLots), clock.instant());
  }

  /** Best bid and ask around the last trade of {@code second}: the bid at or one tick below it, the ask above. */
  private Top top(Instrument i, long second) {
    BigDecimal last = price(i, second);
    SplittableRandom r = Mix.random(seed, i.symbol(), second, SALT_SPREAD);
    BigDecimal bid = last.subtract(i.tickSize().multiply(BigDecimal.valueOf(r.nextInt(2))));
    if (bid.signum() <= 0) {
      bid = i.tickSize();
    }
    // Above the last trade, so bid <= last < ask always holds.
    BigDecimal ask = last.add(i.tickSize().multiply(BigDecimal.valueOf(1 + r.nextInt(3))));
    return new Top(bid, lots(i, 1 + r.nextInt(i.maxLotsPerLevel())), ask, lots(i, 1 + r.nextInt(i.maxLotsPerLevel())));
  }

  private record Top(BigDecimal bid, BigDecimal bidQuantity, BigDecimal ask, BigDecimal askQuantity) {}

  /** The order book now, {@code depth} levels a side (1 to 5000). */
  public SimOrderBook orderBook(String symbol, int depth) {
    if (depth < 1 || depth > 5000) {
      throw new IllegalArgumentException("depth must be 1..5000: " + depth);
    }
    Instrument i = require(symbol);
    Top t = top(i, nowSecond());
    SplittableRandom r = Mix.random(seed, symbol, nowSecond(), SALT_BOOK);
    List<SimLevel> bids = new ArrayList<>(depth);
    List<SimLevel> asks = new ArrayList<>(depth);
    BigDecimal bid = t.bid;
    BigDecimal ask = t.ask;
    bids.add(new SimLevel(bid, t.bidQuantity));
    asks.add(new SimLevel(ask, t.askQuantity));
    for (int n = 1; n < depth; n++) {
      BigDecimal nextBid = bid.subtract(i.tickSize().multiply(BigDecimal.valueOf(1 + r.nextInt(3))));
      if (nextBid.signum() > 0) {
        bid = nextBid;
        bids.add(new SimLevel(bid, lots(i, 1 + r.nextInt(i.maxLotsPerLevel()))));
      }
      ask = ask.add(i.tickSize().multiply(BigDecimal.valueOf(1 + r.nextInt(3))));
      asks.add(new SimLevel(ask, lots(i, 1 + r.nextInt(i.maxLotsPerLevel()))));
    }
    return new SimOrderBook(symbol, bids, asks, nowSecond(), clock.instant());
  }

  /** The latest {@code limit} trades (1 to 1000), oldest first; the newest is at the ticker's last price. */
  public List<SimTrade> recentTrades(String symbol, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1..1000: " + limit);
    }
    Instrument i = require(symbol);
    long now = nowSecond();
    List<SimTrade> trades = new ArrayList<>(limit);
    for (long s = now - limit + 1; s <= now; s++) {
      SplittableRandom r = Mix.random(seed, symbol, s, SALT_TRADE);
      long lots = tradeLots(i, s);
      boolean buyerMaker = r.nextBoolean();
      // The trade happens within its second, never after the clock's current instant.
      long maxMillis = s == now ? Math.floorMod(clock.millis(), 1000L) : 999;
      Instant at = Instant.ofEpochSecond(s).plusMillis(r.nextLong(maxMillis + 1));
      trades.add(new SimTrade(s, price(i, s), lots(i, lots), buyerMaker, at));
    }
    return trades;
  }

  /**
   * The latest {@code limit} candles (1 to 1000) of {@code interval}, oldest first; the newest one is
   * the interval in progress.
   *
   * @throws IllegalArgumentException when the request would scan more than {@link #MAX_SCAN_SECONDS}
   */
  public List<SimCandle> candles(String symbol, CandleInterval interval, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1..1000: " + limit);
    }
    if (interval.seconds() * limit > MAX_SCAN_SECONDS) {
      throw new IllegalArgumentException(
          "limit " + limit + " of " + interval.code() + " candles spans more than 10 days; ask for fewer");
    }
    Instrument i = require(symbol);
    long now = nowSecond();
    long currentStart = Math.floorDiv(now, interval.seconds()) * interval.seconds();
    List<SimCandle> candles = new ArrayList<>(limit);
    for (int n = limit - 1; n >= 0; n--) {
      long start = currentStart - n * interval.seconds();
      long end = Math.min(start + interval.seconds() - 1, now);
      Span span = scan(i, start, end);
      candles.add(new SimCandle(
          Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + interval.seconds()).minusMillis(1),
          price(i, start), span.high, span.low, price(i, end), lots(i, span.volumeLots), end - start + 1));
    }
    return candles;
  }

  /**
   * Computes the last 24 hours' statistics of {@code symbol} now, so that the next {@link #ticker}
   * (from any thread) only adds the seconds since: a caller that knows which symbol will be asked for
   * first can take that scan off the path to the first answer. The result is the same either way.
   *
   * @throws IllegalArgumentException when {@code symbol} is not simulated
   */
  public void prepareTicker(String symbol) {
    Instrument i = require(symbol);
    long now = nowSecond();
    scan(i, now - PriceWalk.DAY + 1, now);
  }

  /**
   * High, low and volume of the seconds {@code from..to}; rounding to ticks is monotonic, so min/max
   * commute with it. Whole {@link SpanBlocks#SECONDS}-blocks come from the instrument's block cache
   * (each a pure function of the seed and the block), the edges are scanned second by second.
   */
  private Span scan(Instrument i, long from, long to) {
    PriceWalk walk = walks.get(i.symbol());
    SpanBlocks cache = blocks.get(i.symbol());
    SpanBlocks.Stats total = SpanBlocks.Stats.EMPTY;
    long s = from;
    while (s <= to) {
      long blockStart = Math.floorDiv(s, SpanBlocks.SECONDS) * SpanBlocks.SECONDS;
      long blockEnd = blockStart + SpanBlocks.SECONDS - 1;
      if (s == blockStart && blockEnd <= to) {
        total = total.plus(cache.block(blockStart, () -> seconds(i, walk, blockStart, blockEnd)));
        s = blockEnd + 1;
      } else {
        long end = Math.min(to, blockEnd);
        total = total.plus(seconds(i, walk, s, end));
        s = end + 1;
      }
    }
    return new Span(round(i, total.high()), round(i, total.low()), total.volumeLots());
  }

  private SpanBlocks.Stats seconds(Instrument i, PriceWalk walk, long from, long to) {
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    long volume = 0;
    for (long s = from; s <= to; s++) {
      double p = walk.priceAt(s);
      high = Math.max(high, p);
      low = Math.min(low, p);
      volume += tradeLots(i, s);
    }
    return new SpanBlocks.Stats(high, low, volume);
  }

  private record Span(BigDecimal high, BigDecimal low, long volumeLots) {}

  private long nowSecond() {
    return Math.floorDiv(clock.millis(), 1000L);
  }

  private Instrument require(String symbol) {
    Instrument i = instruments.get(symbol);
    if (i == null) {
      throw new IllegalArgumentException("Unknown symbol " + symbol + "; simulated: " + instruments.keySet());
    }
    return i;
  }

  private BigDecimal price(Instrument i, long second) {
    return round(i, walks.get(i.symbol()).priceAt(second));
  }

  private static BigDecimal round(Instrument i, double raw) {
    long ticks = Math.max(1, Math.round(raw / i.tickSize().doubleValue()));
    return i.tickSize().multiply(BigDecimal.valueOf(ticks));
  }

  private long tradeLots(Instrument i, long second) {
    return 1 + Mix.random(prefixes.get(i.symbol()), second, SALT_TRADE ^ 0x10).nextInt(i.maxLotsPerLevel());
  }

  private static BigDecimal lots(Instrument i, long count) {
    return i.lotSize().multiply(BigDecimal.valueOf(count));
  }
}
