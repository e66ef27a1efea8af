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
    long h = seed;
    for (byte b : symbol.getBytes(StandardCharsets.UTF_8)) {
      h = mix64(h ^ b);
    }
    h = mix64(h ^ index);
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
