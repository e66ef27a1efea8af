package io.tickguard.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Deterministic seeds from (seed, symbol, step, purpose). SplittableRandom's SplitMix64 is specified
 * by its Javadoc, so the same seed yields the same market on every JDK.
 */
public final class Mix {
  private Mix() {}

  /** A random generator for one (seed, symbol, index, salt) cell. */
  public static SplittableRandom random(long seed, String symbol, long index, long salt) {
    return random(prefix(seed, symbol), index, salt);
  }

  /**
   * The part of {@link #random(long, String, long, long)}'s seed that depends on the seed and the
   * symbol only: a caller asking for many cells of one symbol (every second of a day) computes it once.
   */
  public static long prefix(long seed, String symbol) {
    long h = seed;
    for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
      h = mix64(h ^ b);
    }
    return h;
  }

  /** The same generator as {@link #random(long, String, long, long)}, from {@link #prefix(long, String)}. */
  public static SplittableRandom random(long prefix, long index, long salt) {
    long h = mix64(prefix ^ index);
    h = mix64(h ^ salt);
    return new SplittableRandom(h);
  }

  /** Stafford's variant 13 finalizer, as in SplitMix64. */
  static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
