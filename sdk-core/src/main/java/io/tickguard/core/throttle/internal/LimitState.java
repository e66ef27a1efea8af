package io.tickguard.core.throttle.internal;

import io.tickguard.core.throttle.RateLimit;

/**
 * The mutable bookkeeping of one {@link RateLimit}, in epoch milliseconds of the throttle's clock.
 * Not thread-safe: the throttle calls it under its lock.
 *
 * <p>Grants are reservations: a caller is given a time {@code t >= now} at which its permits are
 * counted, then parks until {@code t}. Each state never grants earlier than its last grant, which
 * makes waiting FIFO per limit (a light request cannot overtake a heavy one queued before it).
 */
public interface LimitState {

  /** The limit this state tracks. */
  RateLimit limit();

  /** The earliest time at or after {@code t} at which {@code cost} fits. */
  long earliestAt(long t, long cost);

  /** Counts {@code cost} at time {@code t}, which {@link #earliestAt} returned. */
  void take(long t, long cost);

  /** Forgets what lies wholly before {@code now}. */
  void prune(long now);

  /** The server reports {@code used} of this limit at {@code now}; local state only ever rises. */
  void observeUsed(long now, long used);

  /**
   * The time before which a permit this state granted at {@code grantedAt} must be sent to count
   * where it was charged (see {@link FixedWindows#sendBy}); {@link Long#MAX_VALUE} when a later send
   * can only count less (a decaying counter).
   */
  default long sendBy(long grantedAt) {
    return Long.MAX_VALUE;
  }

  /** Nothing is granted before {@code until} (server says the budget is spent until then). */
  void blockUntil(long until);

  /** Creates the state for {@code limit}. */
  static LimitState of(RateLimit limit, long edgeGuardMillis) {
    return limit.kind() == RateLimit.Kind.FIXED_WINDOW
        ? new FixedWindowState(limit, edgeGuardMillis)
        : new DecayingCounterState(limit);
  }
}
