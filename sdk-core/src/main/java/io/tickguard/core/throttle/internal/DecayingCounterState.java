package io.tickguard.core.throttle.internal;

import io.tickguard.core.throttle.RateLimit;

/**
 * A counter that decays continuously (Kraken's call counter; equivalently a lazily refilled token
 * bucket). Kept as the counter's level at a reference time; the level at a later time is derived.
 */
final class DecayingCounterState implements LimitState {
  private final RateLimit limit;
  private final double decayPerMilli;
  private double level;
  private long levelAt = Long.MIN_VALUE;
  private long blockedUntil = Long.MIN_VALUE;

  DecayingCounterState(RateLimit limit) {
    this.limit = limit;
    this.decayPerMilli = limit.decayPerSecond() / 1000.0;
  }

  @Override
  public RateLimit limit() {
    return limit;
  }

  @Override
  public long earliestAt(long t, long cost) {
    long at = Math.max(t, Math.max(levelAt, blockedUntil));
    double excess = levelAt(at) + cost - limit.limit();
    if (excess <= 0) {
      return at;
    }
    return at + (long) Math.ceil(excess / decayPerMilli);
  }

  @Override
  public void take(long t, long cost) {
    level = levelAt(t) + cost;
    levelAt = Math.max(levelAt, t);
  }

  @Override
  public void prune(long now) {
    // Nothing to forget: the state is one number.
  }

  @Override
  public void observeUsed(long now, long used) {
    if (now >= levelAt) {
      level = Math.max(levelAt(now), used);
      levelAt = now;
    }
  }

  @Override
  public void blockUntil(long until) {
    blockedUntil = Math.max(blockedUntil, until);
  }

  private double levelAt(long t) {
    if (levelAt == Long.MIN_VALUE || t <= levelAt) {
      return level;
    }
    return Math.max(0, level - (t - levelAt) * decayPerMilli);
  }
}
