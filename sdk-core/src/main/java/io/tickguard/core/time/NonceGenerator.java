package io.tickguard.core.time;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nonces for one API key that strictly increase, whatever the threads and whatever the wall clock
 * does: each nonce is {@code max(previous + 1, now)}. If the clock steps backwards (NTP correction,
 * VM resume), nonces keep counting up from the last one instead of repeating or going back, which
 * Kraken would reject as "invalid nonce".
 *
 * <p>Use one generator per key: the provider orders nonces per key.
 */
public final class NonceGenerator {
  private final Clock clock;
  private final TimeUnit unit;
  private final AtomicLong last = new AtomicLong(Long.MIN_VALUE);

  private NonceGenerator(Clock clock, TimeUnit unit) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.unit = Objects.requireNonNull(unit, "unit");
  }

  /** Millisecond nonces. */
  public static NonceGenerator millis(Clock clock) {
    return new NonceGenerator(clock, TimeUnit.MILLISECONDS);
  }

  /** Microsecond nonces (more room when many calls share a millisecond). */
  public static NonceGenerator micros(Clock clock) {
    return new NonceGenerator(clock, TimeUnit.MICROSECONDS);
  }

  /** The next nonce, greater than every nonce returned before. */
  public long next() {
    long now;
    if (unit == TimeUnit.MILLISECONDS) {
      now = clock.millis();
    } else {
      java.time.Instant instant = clock.instant();
      now = TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1000;
    }
    return last.accumulateAndGet(now, (previous, current) -> Math.max(previous + 1, current));
  }
}
