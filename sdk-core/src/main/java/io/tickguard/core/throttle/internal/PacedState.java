package io.tickguard.core.throttle.internal;

import io.tickguard.core.throttle.RateLimit;

/**
 * A fixed window whose budget is spread evenly: on top of the window's own count, permits are
 * granted no faster than one per {@code interval / limit}, so a caller at full speed is spaced out
 * instead of spending the window at once and then waiting for the next one. Nothing accumulates
 * while idle beyond the one grant that is due now (no burst after a pause). Not thread-safe: the
 * throttle calls it under its lock.
 */
public final class PacedState implements LimitState {
  private final LimitState window;
  private final double millisPerPermit;
  /** The earliest time the next permit may be granted, in fractional epoch milliseconds. */
  private double nextFree = Double.NEGATIVE_INFINITY;

  public PacedState(LimitState window) {
    this.window = window;
    RateLimit limit = window.limit();
    this.millisPerPermit = (double) limit.interval().toMillis() / limit.limit();
  }

  @Override
  public RateLimit limit() {
    return window.limit();
  }

  @Override
  public long earliestAt(long t, long cost) {
    long paced = Math.max(t, (long) Math.ceil(nextFree));
    return window.earliestAt(paced, cost);
  }

  @Override
  public void take(long t, long cost) {
    window.take(t, cost);
    nextFree = Math.max(nextFree, t) + cost * millisPerPermit;
  }

  @Override
  public void prune(long now) {
    window.prune(now);
  }

  @Override
  public void observeUsed(long now, long used) {
    window.observeUsed(now, used);
  }

  @Override
  public long sendBy(long grantedAt) {
    return window.sendBy(grantedAt);
  }

  @Override
  public void blockUntil(long until) {
    window.blockUntil(until);
  }
}
