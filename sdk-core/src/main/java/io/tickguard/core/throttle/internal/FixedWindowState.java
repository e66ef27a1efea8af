package io.tickguard.core.throttle.internal;

import io.tickguard.core.throttle.RateLimit;
import java.util.TreeMap;

/**
 * An epoch-aligned fixed window. Written here rather than taken from Resilience4j because its
 * RateLimiter counts periods from its own creation, not from the epoch the provider counts from, and
 * has no notion of a server correcting the count.
 *
 * <p>Edge guard: a request granted in the last {@code edgeGuard} of a window may reach the server
 * after the boundary and count in the next window there. Such a request is charged to both windows,
 * so clock skew and latency shorter than the guard can never push a server window over its limit.
 * Under saturation this costs nothing, because waiters are granted at window starts.
 */
final class FixedWindowState implements LimitState {
  private final RateLimit limit;
  private final long intervalMillis;
  private final long edgeGuardMillis;
  /** Used permits by window index (epoch millis / interval); only the current and later windows. */
  private final TreeMap<Long, Long> used = new TreeMap<>();
  private long lastGrant = Long.MIN_VALUE;
  private long blockedUntil = Long.MIN_VALUE;

  FixedWindowState(RateLimit limit, long edgeGuardMillis) {
    this.limit = limit;
    this.intervalMillis = limit.interval().toMillis();
    this.edgeGuardMillis = FixedWindows.guard(edgeGuardMillis, intervalMillis);
  }

  @Override
  public RateLimit limit() {
    return limit;
  }

  @Override
  public long earliestAt(long t, long cost) {
    long at = Math.max(t, Math.max(lastGrant, blockedUntil));
    while (true) {
      long index = FixedWindows.index(at, intervalMillis);
      boolean fits = usedIn(index) + cost <= limit.limit();
      if (fits && inEdge(at)) {
        fits = usedIn(index + 1) + cost <= limit.limit();
      }
      if (fits) {
        return at;
      }
      at = (index + 1) * intervalMillis;
    }
  }

  @Override
  public void take(long t, long cost) {
    long index = FixedWindows.index(t, intervalMillis);
    used.merge(index, cost, Long::sum);
    if (inEdge(t)) {
      used.merge(index + 1, cost, Long::sum);
    }
    lastGrant = Math.max(lastGrant, t);
  }

  @Override
  public void prune(long now) {
    used.headMap(FixedWindows.index(now, intervalMillis)).clear();
  }

  @Override
  public void observeUsed(long now, long serverUsed) {
    used.merge(FixedWindows.index(now, intervalMillis), serverUsed, Math::max);
  }

  @Override
  public long sendBy(long grantedAt) {
    return FixedWindows.sendBy(grantedAt, intervalMillis, edgeGuardMillis);
  }

  @Override
  public void blockUntil(long until) {
    blockedUntil = Math.max(blockedUntil, until);
  }

  private long usedIn(long index) {
    return used.getOrDefault(index, 0L);
  }

  private boolean inEdge(long t) {
    return FixedWindows.inEdge(t, intervalMillis, edgeGuardMillis);
  }
}
