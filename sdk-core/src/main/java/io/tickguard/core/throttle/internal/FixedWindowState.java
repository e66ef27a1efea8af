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
  /**
   * The window the last {@link #prune} found current, and its count, kept in two primitive fields:
   * nearly every grant and every check of a running client touches only this window, and the
   * throttle calls here under its lock, so this path neither boxes, allocates nor walks a tree while
   * other callers wait for the lock. {@link Long#MIN_VALUE} until the first prune.
   */
  private long currentIndex = Long.MIN_VALUE;
  private long currentUsed;
  /**
   * Used permits of every other window by index (epoch millis / interval): later windows (waiters'
   * grants, edge charges) and, until the next prune, earlier ones. Never holds {@link #currentIndex}.
   */
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
    add(index, cost);
    if (inEdge(t)) {
      add(index + 1, cost);
    }
    lastGrant = Math.max(lastGrant, t);
  }

  /**
   * Forgets every window before {@code now}'s and makes {@code now}'s the current one. A clock that
   * stepped back leaves the current window as it is (its window is not before the new time's, and
   * nothing is forgotten that a later time would need).
   */
  @Override
  public void prune(long now) {
    long index = FixedWindows.index(now, intervalMillis);
    if (index <= currentIndex) {
      return;
    }
    if (!used.isEmpty() && used.firstKey() < index) {
      used.headMap(index).clear();
    }
    Long carried = used.remove(index);
    currentIndex = index;
    currentUsed = carried == null ? 0 : carried;
  }

  @Override
  public void observeUsed(long now, long serverUsed) {
    long index = FixedWindows.index(now, intervalMillis);
    if (index == currentIndex) {
      currentUsed = Math.max(currentUsed, serverUsed);
    } else {
      used.merge(index, serverUsed, Math::max);
    }
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
    return index == currentIndex ? currentUsed : used.getOrDefault(index, 0L);
  }

  private void add(long index, long cost) {
    if (index == currentIndex) {
      currentUsed += cost;
    } else {
      used.merge(index, cost, Long::sum);
    }
  }

  private boolean inEdge(long t) {
    return FixedWindows.inEdge(t, intervalMillis, edgeGuardMillis);
  }
}
