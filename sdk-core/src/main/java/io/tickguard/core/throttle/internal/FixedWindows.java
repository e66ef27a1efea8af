package io.tickguard.core.throttle.internal;

/**
 * The arithmetic of epoch-aligned fixed windows with an edge guard, shared by every throttle that
 * keeps such windows (in process, and in Redis, whose Lua script mirrors it): which window a time
 * falls in, whether it lies in a window's edge, and until when a permit granted at a time may be
 * sent. All times are epoch milliseconds of the throttle's clock.
 */
public final class FixedWindows {
  private FixedWindows() {}

  /** The index of the window holding {@code t}: {@code floor(t / interval)}. */
  public static long index(long t, long intervalMillis) {
    return Math.floorDiv(t, intervalMillis);
  }

  /**
   * The guard a window of {@code intervalMillis} really uses: a guard as long as the window would
   * charge every request twice, so it is capped at half a window.
   */
  public static long guard(long edgeGuardMillis, long intervalMillis) {
    return Math.min(edgeGuardMillis, intervalMillis / 2);
  }

  /** Whether {@code t} lies in the last {@code guardMillis} of its window (a grant there is charged twice). */
  public static boolean inEdge(long t, long intervalMillis, long guardMillis) {
    return guardMillis > 0 && Math.floorMod(t, intervalMillis) >= intervalMillis - guardMillis;
  }

  /**
   * The time before which a permit granted at {@code grantedAt} must be sent: a grant outside the
   * edge is charged to its own window only, so it must leave before that window's edge begins; a
   * grant inside the edge is charged to the next window too, so it must leave before the next
   * window's edge. Sent before this time, the request reaches the server in a window it was charged
   * to as long as the network takes less than the guard.
   */
  public static long sendBy(long grantedAt, long intervalMillis, long guardMillis) {
    long index = index(grantedAt, intervalMillis);
    long lastCharged = inEdge(grantedAt, intervalMillis, guardMillis) ? index + 1 : index;
    return (lastCharged + 1) * intervalMillis - guardMillis;
  }
}
