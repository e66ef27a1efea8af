package io.tickguard.core.security.internal;

import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityEventListener;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Watches the estimated offset to the provider's clock after each sample and reports a {@link
 * SecurityEventKind#CLOCK_SKEW} event when it moves by {@value #JUMP_MILLIS} ms or more at once: the
 * local clock was stepped, or something between the bot and the provider rewrites {@code Date}.
 */
public final class ClockJumpWatch {
  /** The smallest change of the offset reported as a jump. */
  public static final long JUMP_MILLIS = 2_000;

  private final Supplier<Duration> offset;
  private final SecurityEventListener events;
  private final Clock clock;
  private final String host;
  private final AtomicReference<Duration> last = new AtomicReference<>();

  /** Watches {@code offset} for the provider at {@code host}. */
  public ClockJumpWatch(Supplier<Duration> offset, SecurityEventListener events, Clock clock, String host) {
    this.offset = offset;
    this.events = events;
    this.clock = clock;
    this.host = host;
  }

  /** Reads the offset after a sample; reports a jump. */
  public void sampled() {
    Duration now = offset.get();
    if (now.equals(last.get())) {
      return; // the usual case, every response: only read, so concurrent callers share the line
    }
    Duration before = last.getAndSet(now);
    if (before != null && now.minus(before).abs().toMillis() >= JUMP_MILLIS) {
      events.onEvent(SecurityEvent.of(SecurityEventKind.CLOCK_SKEW, clock.instant(), host, "", "",
          "the offset to the provider's clock jumped from " + before.toMillis() + " ms to " + now.toMillis() + " ms"));
    }
  }
}
