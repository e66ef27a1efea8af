package io.tickguard.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The log-price random walk of one instrument, one step per second, defined for every second before
 * and after its anchor day. Each UTC day is generated from its own seed and stitched to its
 * neighbour, so any second's price is the same whatever order it is asked in.
 */
public final class PriceWalk {
  /** Seconds per generated chunk: one UTC day. */
  public static final int DAY = 86_400;
  private static final int CACHED_DAYS = 16;

  private final long seed;
  private final String symbol;
  private final long anchorDay;
  private final double anchorLogPrice;
  private final double sigmaPerStep;
  private final Map<Long, double[]> chunks = new LinkedHashMap<>(32, 0.75f, true);
  /** First log price of every day computed so far; small, never evicted, so days stitch cheaply. */
  private final Map<Long, Double> dayStarts = new java.util.HashMap<>();

  /**
   * Creates a walk.
   *
   * @param seed simulation seed
   * @param symbol instrument symbol, part of every day's seed
   * @param anchorDay UTC day number (epoch day) whose first second has {@code startPrice}
   * @param startPrice price at the anchor
   * @param dailyVolatility standard deviation of one day's log return
   */
  public PriceWalk(long seed, String symbol, long anchorDay, double startPrice, double dailyVolatility) {
    this.seed = seed;
    this.symbol = symbol;
    this.anchorDay = anchorDay;
    this.anchorLogPrice = StrictMath.log(startPrice);
    this.sigmaPerStep = dailyVolatility / StrictMath.sqrt(DAY);
    dayStarts.put(anchorDay, anchorLogPrice);
  }

  /** The price at epoch second {@code second}. */
  public synchronized double priceAt(long second) {
    long day = Math.floorDiv(second, DAY);
    int offset = Math.floorMod(second, DAY);
    return StrictMath.exp(chunk(day)[offset]);
  }

  private double[] chunk(long day) {
    double[] cached = chunks.get(day);
    if (cached != null) {
      return cached;
    }
    double[] built = build(day, dayStart(day));
    chunks.put(day, built);
    if (chunks.size() > CACHED_DAYS) {
      Long eldest = chunks.keySet().iterator().next();
      chunks.remove(eldest);
    }
    return built;
  }

  /** The first log price of {@code day}, walking day by day from the nearest known day. */
  private double dayStart(long day) {
    Double known = dayStarts.get(day);
    if (known != null) {
      return known;
    }
    double start;
    if (day > anchorDay) {
      // Day d starts one step after day d-1 ends.
      double previousStart = dayStart(day - 1);
      double sumPrevious = sum(increments(day - 1), 1, DAY);
      start = previousStart + sumPrevious + sigmaPerStep * increments(day)[0];
    } else {
      // Day d ends one step before day d+1 starts.
      double nextStart = dayStart(day + 1);
      double end = nextStart - sigmaPerStep * increments(day + 1)[0];
      start = end - sum(increments(day), 1, DAY);
    }
    dayStarts.put(day, start);
    return start;
  }

  private double sum(double[] z, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += sigmaPerStep * z[i];
    }
    return s;
  }

  private double[] build(long day, double start) {
    double[] z = increments(day);
    double[] lp = new double[DAY];
    lp[0] = start;
    for (int i = 1; i < DAY; i++) {
      lp[i] = lp[i - 1] + sigmaPerStep * z[i];
    }
    return lp;
  }

  /** Unit-variance increments of {@code day}: a scaled sum of four uniforms, stable across JDKs. */
  private double[] increments(long day) {
    SplittableRandom r = Mix.random(seed, symbol, day, 0x5741_4c4bL);
    double[] z = new double[DAY];
    double scale = StrictMath.sqrt(3.0);
    for (int i = 0; i < DAY; i++) {
      z[i] = (r.nextDouble() + r.nextDouble() + r.nextDouble() + r.nextDouble() - 2.0) * scale;
    }
    return z;
  }
}
