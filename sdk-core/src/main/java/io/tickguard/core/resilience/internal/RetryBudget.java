package io.tickguard.core.resilience.internal;

/**
 * A token bucket of retries: each call deposits {@code ratio} tokens (up to {@code capacity}), each
 * retry spends one. When a host is down, every call would otherwise retry and multiply the load on
 * it; the budget caps retries at about {@code ratio} of calls, while {@code capacity} still lets a
 * quiet client retry its occasional failure.
 */
public final class RetryBudget {
  private final double ratio;
  private final double capacity;
  private double tokens;

  /** A full bucket of {@code capacity} tokens, refilled by {@code ratio} per call. */
  public RetryBudget(double ratio, int capacity) {
    this.ratio = ratio;
    this.capacity = capacity;
    this.tokens = capacity;
  }

  /** A call started. */
  public synchronized void onCall() {
    tokens = Math.min(capacity, tokens + ratio);
  }

  /** Spends a token for one retry; {@code false} when the budget is exhausted. */
  public synchronized boolean tryRetry() {
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
