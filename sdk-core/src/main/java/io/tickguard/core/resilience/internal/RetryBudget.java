package io.tickguard.core.resilience.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A token bucket of retries: each call deposits {@code ratio} tokens (up to {@code capacity}), each
 * retry spends one. When a host is down, every call would otherwise retry and multiply the load on
 * it; the budget caps retries at about {@code ratio} of calls, while {@code capacity} still lets a
 * quiet client retry its occasional failure.
 *
 * <p>Lock-free: the tokens are kept in millionths in one atomic counter, and a call that finds the
 * bucket full (the usual state of a healthy client) only reads it, so concurrent callers do not
 * queue on a lock or contend for a cache line on every call.
 */
public final class RetryBudget {
  /** Millionths of a token: a ratio down to 1e-6 per call is kept exactly enough. */
  private static final long ONE = 1_000_000L;

  private final long ratio;
  private final long capacity;
  private final AtomicLong tokens;

  /** A full bucket of {@code capacity} tokens, refilled by {@code ratio} per call. */
  public RetryBudget(double ratio, int capacity) {
    this.ratio = Math.round(ratio * ONE);
    this.capacity = capacity * ONE;
    this.tokens = new AtomicLong(this.capacity);
  }

  /** A call started. */
  public void onCall() {
    while (true) {
      long current = tokens.get();
      if (current >= capacity) {
        return;
      }
      if (tokens.compareAndSet(current, Math.min(capacity, current + ratio))) {
        return;
      }
    }
  }

  /** Spends a token for one retry; {@code false} when the budget is exhausted. */
  public boolean tryRetry() {
    while (true) {
      long current = tokens.get();
      if (current < ONE) {
        return false;
      }
      if (tokens.compareAndSet(current, current - ONE)) {
        return true;
      }
    }
  }
}
