package io.tickguard.core.testutil;

import io.tickguard.core.throttle.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when told to, and a sleeper that moves it instead of sleeping. */
public final class VirtualTime extends Clock implements Sleeper {
  private final AtomicLong millis;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  public VirtualTime(Instant start) {
    this.millis = new AtomicLong(start.toEpochMilli());
  }

  public static VirtualTime at(String isoInstant) {
    return new VirtualTime(Instant.parse(isoInstant));
  }

  public void advance(Duration d) {
    millis.addAndGet(d.toMillis());
  }

  /** Every sleep requested so far. */
  public List<Duration> sleeps() {
    return sleeps;
  }

  @Override
  public void sleep(Duration duration) {
    sleeps.add(duration);
    if (!duration.isNegative()) {
      millis.addAndGet(duration.toMillis());
    }
  }

  @Override
  public long millis() {
    return millis.get();
  }

  @Override
  public Instant instant() {
    return Instant.ofEpochMilli(millis.get());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("virtual time is UTC only");
  }
}
