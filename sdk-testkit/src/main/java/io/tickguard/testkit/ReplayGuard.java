package io.tickguard.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Timestamp-window and nonce checks for signed requests. A nonce is remembered per key for twice the
 * window: any older request is refused by its timestamp anyway, so memory stays bounded. Thread-safe.
 */
public final class ReplayGuard {
  private final Clock clock;
  private final Duration window;
  private final ConcurrentMap<String, Instant> seen = new ConcurrentHashMap<>();

  /**
   * Creates a guard.
   *
   * @param clock the server's clock (skew faults move it)
   * @param window how far a timestamp may be from the server's time, either way
   */
  public ReplayGuard(Clock clock, Duration window) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.window = Objects.requireNonNull(window, "window");
  }

  /** The accepted distance between a request's timestamp and the server's time. */
  public Duration window() {
    return window;
  }

  /** Checks only the timestamp. */
  public FreshnessVerdict checkTimestamp(Instant timestamp) {
    Instant now = clock.instant();
    if (timestamp.isBefore(now.minus(window))) {
      return FreshnessVerdict.STALE_TIMESTAMP;
    }
    if (timestamp.isAfter(now.plus(window))) {
      return FreshnessVerdict.FUTURE_TIMESTAMP;
    }
    return FreshnessVerdict.FRESH;
  }

  /**
   * Checks the timestamp, then claims {@code nonce} for {@code key}. Only a {@link FreshnessVerdict#FRESH}
   * request's nonce is claimed, so a refused request does not burn its nonce.
   */
  public FreshnessVerdict check(String key, Instant timestamp, String nonce) {
    FreshnessVerdict time = checkTimestamp(timestamp);
    if (time != FreshnessVerdict.FRESH) {
      return time;
    }
    Instant now = clock.instant();
    evictOlderThan(now.minus(window.multipliedBy(2)));
    Instant previous = seen.putIfAbsent(key + "\n" + nonce, now);
    return previous == null ? FreshnessVerdict.FRESH : FreshnessVerdict.NONCE_REUSED;
  }

  private void evictOlderThan(Instant cutoff) {
    if (seen.size() < 10_000) {
      return; // cheap path: tests never come near this
    }
    for (Map.Entry<String, Instant> e : seen.entrySet()) {
      if (e.getValue().isBefore(cutoff)) {
        seen.remove(e.getKey(), e.getValue());
      }
    }
  }
}
