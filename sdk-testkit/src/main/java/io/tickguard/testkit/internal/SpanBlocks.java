package io.tickguard.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One instrument's high, low and traded lots per block of {@link #SECONDS} simulated seconds, kept
 * so that 24-hour statistics and long candles add a few hundred blocks instead of scanning every
 * second again. A block's statistics are a pure function of the seed and the block's seconds, so a
 * cached block is exactly what a fresh scan would give. Bounded (least recently used out); thread-safe.
 */
public final class SpanBlocks {
  /** Seconds per block: a quarter of an hour, so a day is 96 blocks. */
  public static final long SECONDS = 900;
  /** Enough blocks for the longest scan the simulator allows (10 days) and then some. */
  private static final int CAPACITY = 1_200;

  private final Map<Long, Stats> byStart = new LinkedHashMap<>(256, 0.75f, true);

  /**
   * The statistics of the block starting at {@code start}, computed with {@code compute} the first
   * time. Computed under the lock: a request scanning the day while a preparing thread does waits
   * for the block in progress instead of computing it a second time.
   */
  public synchronized Stats block(long start, Supplier<Stats> compute) {
    Stats known = byStart.get(start);
    if (known == null) {
      known = compute.get();
      byStart.put(start, known);
      if (byStart.size() > CAPACITY) {
        byStart.remove(byStart.keySet().iterator().next()); // the least recently used block
      }
    }
    return known;
  }

  /**
   * High and low raw price and traded lots of some seconds.
   *
   * @param high the highest raw price (negative infinity for no seconds)
   * @param low the lowest raw price (positive infinity for no seconds)
   * @param volumeLots the lots traded
   */
  public record Stats(double high, double low, long volumeLots) {
    /** No seconds at all. */
    public static final Stats EMPTY = new Stats(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0);

    /** The statistics of both spans together. */
    public Stats plus(Stats other) {
      return new Stats(Math.max(high, other.high), Math.min(low, other.low), volumeLots + other.volumeLots);
    }
  }
}
