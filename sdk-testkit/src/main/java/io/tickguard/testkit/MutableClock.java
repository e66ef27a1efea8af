package io.tickguard.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock tests move by hand: virtual time instead of {@code Thread.sleep}. Give the same instance to
 * the sandbox ({@code SandboxServer.builder().clock(...)}) and to a client's {@code ClientConfig} to
 * age tokens, roll rate-limit windows over or skew one side against the other. Thread-safe; UTC.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;

  /** A clock standing at {@code start}. */
  public MutableClock(Instant start) {
    this.now = new AtomicReference<>(java.util.Objects.requireNonNull(start, "start"));
  }

  /** Moves the clock by {@code d} (negative to step back, as a corrected system clock may). */
  public void advance(Duration d) {
    now.updateAndGet(t -> t.plus(d));
  }

  /** Sets the clock to {@code instant}. */
  public void set(Instant instant) {
    now.set(java.util.Objects.requireNonNull(instant, "instant"));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
