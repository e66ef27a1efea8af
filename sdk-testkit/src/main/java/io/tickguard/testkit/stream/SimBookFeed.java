package io.tickguard.testkit.stream;

import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A deterministic order book that changes one diff at a time, the source every sandbox stream
 * serves its snapshots and updates from: it starts from the simulator's book and applies seeded
 * random changes near the top (new levels, new sizes, removals), never crossing the book. Its own
 * book is the truth end-to-end tests compare a client's local book with. Thread-safe.
 */
public final class SimBookFeed {
  private static final int TICKS_FROM_TOP = 25;

  private final String symbol;
  private final Instrument instrument;
  private final SplittableRandom random;
  private final NavigableMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
  private final NavigableMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
  private long lastUpdateId;

  /** A feed of {@code symbol} seeded with {@code seed}, starting from the simulator's book of {@code depth} levels. */
  public SimBookFeed(MarketSimulator market, String symbol, long seed, int depth) {
    this.symbol = Objects.requireNonNull(symbol, "symbol");
    this.instrument = market.instrument(symbol)
        .orElseThrow(() -> new IllegalArgumentException("Not a simulated instrument: " + symbol));
    this.random = new SplittableRandom(seed ^ symbol.hashCode());
    SimOrderBook start = market.orderBook(symbol, depth);
    start.bids().forEach(l -> bids.put(l.price(), l.quantity()));
    start.asks().forEach(l -> asks.put(l.price(), l.quantity()));
    this.lastUpdateId = 1000;
  }

  /** The canonical symbol ({@code BTC-USDT}). */
  public String symbol() {
    return symbol;
  }

  /** The simulated instrument (tick and lot sizes give the price and quantity precision). */
  public Instrument instrument() {
    return instrument;
  }

  /** The update id of the last change. */
  public synchronized long lastUpdateId() {
    return lastUpdateId;
  }

  /** The book now, {@code depth} levels a side; its sequence is {@link #lastUpdateId()}. */
  public synchronized SimOrderBook snapshot(int depth) {
    return new SimOrderBook(symbol, top(bids, depth), top(asks, depth), lastUpdateId, java.time.Instant.EPOCH);
  }

  /** Applies the next change (one to four level changes) and returns it. */
  public synchronized SimBookDiff next() {
    int changes = 1 + random.nextInt(4);
    List<SimLevel> bidChanges = new ArrayList<>();
    List<SimLevel> askChanges = new ArrayList<>();
    for (int i = 0; i < changes; i++) {
      boolean bid = random.nextBoolean();
      SimLevel change = change(bid);
      (bid ? bidChanges : askChanges).add(change);
      NavigableMap<BigDecimal, BigDecimal> side = bid ? bids : asks;
      if (change.quantity().signum() == 0) {
        side.remove(change.price());
      } else {
        side.put(change.price(), change.quantity());
      }
    }
    long first = lastUpdateId + 1;
    lastUpdateId += changes;
    return new SimBookDiff(first, lastUpdateId, bidChanges, askChanges);
  }

  private SimLevel change(boolean bid) {
    NavigableMap<BigDecimal, BigDecimal> side = bid ? bids : asks;
    if (side.size() > 10 && random.nextInt(10) < 3) {
      int index = random.nextInt(Math.min(20, side.size()));
      BigDecimal price = side.keySet().stream().skip(index).findFirst().orElseThrow();
      return new SimLevel(price, BigDecimal.ZERO.setScale(instrument.lotSize().scale()));
    }
    BigDecimal tick = instrument.tickSize();
    BigDecimal ticks = tick.multiply(BigDecimal.valueOf(1 + random.nextInt(TICKS_FROM_TOP)));
    BigDecimal price = bid ? asks.firstKey().subtract(ticks) : bids.firstKey().add(ticks);
    if (price.signum() <= 0) {
      price = bids.firstKey();
    }
    BigDecimal quantity = instrument.lotSize().multiply(BigDecimal.valueOf(1 + random.nextInt(instrument.maxLotsPerLevel())));
    return new SimLevel(price, quantity);
  }

  private static List<SimLevel> top(Map<BigDecimal, BigDecimal> side, int depth) {
    List<SimLevel> out = new ArrayList<>(Math.min(depth, side.size()));
    for (Map.Entry<BigDecimal, BigDecimal> e : side.entrySet()) {
      if (out.size() == depth) {
        break;
      }
      out.add(new SimLevel(e.getKey(), e.getValue()));
    }
    return out;
  }
}
