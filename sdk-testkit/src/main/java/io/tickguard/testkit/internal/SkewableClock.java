package io.tickguard.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/** The server's clock: the injected clock plus a skew the clock-skew fault sets at run time. */
public final class SkewableClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> skew;

  /** A clock following {@code base} with no skew. */
  public SkewableClock(Clock base) {
    this(base, new AtomicReference<>(Duration.ZERO));
  }

  private SkewableClock(Clock base, AtomicReference<Duration> skew) {
    this.base = base;
    this.skew = skew;
  }

  /** Sets how far this clock runs ahead of (positive) or behind (negative) the base clock. */
  public void skew(Duration skew) {
    this.skew.set(skew);
  }

  /** The current skew. */
  public Duration skew() {
    return skew.get();
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new SkewableClock(base.withZone(zone), skew);
  }

  @Override
  public Instant instant() {
    return base.instant().plus(skew.get());
  }
}
