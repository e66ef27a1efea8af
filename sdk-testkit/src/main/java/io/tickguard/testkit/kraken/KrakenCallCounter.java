package io.tickguard.testkit.kraken;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Kraken's private API counter, per key: each call adds its cost; the counter decays by a fixed
 * amount per second; a call that would take it above the maximum is refused without being counted.
 * Thread-safe.
 */
final class KrakenCallCounter {
  private final int max;
  private final double decayPerSecond;
  private final Clock clock;
  private final ConcurrentMap<String, State> keys = new ConcurrentHashMap<>();

  KrakenCallCounter(int max, double decayPerSecond, Clock clock) {
    if (max < 1) {
      throw new IllegalArgumentException("max must be >= 1");
    }
    if (!(decayPerSecond >= 0)) {
      throw new IllegalArgumentException("decayPerSecond must be >= 0");
    }
    this.max = max;
    this.decayPerSecond = decayPerSecond;
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Adds {@code cost} to {@code key}'s counter, or returns {@code false} when that would exceed the maximum. */
  boolean charge(String key, int cost) {
    State s = keys.computeIfAbsent(key, k -> new State());
    synchronized (s) {
      long now = clock.millis();
      if (s.at != Long.MIN_VALUE && now > s.at) {
        s.value = Math.max(0, s.value - (now - s.at) / 1000.0 * decayPerSecond);
      }
      s.at = Math.max(s.at, now);
      if (s.value + cost > max) {
        return false;
      }
      s.value += cost;
      return true;
    }
  }

  private static final class State {
    long at = Long.MIN_VALUE;
    double value;
  }
}
