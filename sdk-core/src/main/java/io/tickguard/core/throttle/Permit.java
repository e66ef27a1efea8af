package io.tickguard.core.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What one {@link Throttle#reserve} took for one attempt: how long the caller waited, when the
 * permits were granted, and the time before which the request must leave to count in the windows it
 * was charged to.
 *
 * <p>A fixed window is charged for the window its grant time falls in (and the next one, when the
 * grant lies in the edge guard). A request granted in time but sent late (a scheduling delay, a GC
 * pause, a slow connection) reaches the server in a later window, which the throttle hands out in
 * full to other callers: the server then counts one request too many and answers 429. {@link
 * Throttle#beforeSend} therefore looks at {@link #sendBy()} at the last moment before the bytes
 * leave and charges a late permit again, to the window it will really count in.
 *
 * <p>Immutable; the times are on the throttle's clock.
 */
public final class Permit {
  private static final long UNBOUNDED = Long.MAX_VALUE;

  private final Duration waited;
  private final long grantedAtMillis;
  private final long sendByMillis;

  private Permit(Duration waited, long grantedAtMillis, long sendByMillis) {
    this.waited = Objects.requireNonNull(waited, "waited");
    this.grantedAtMillis = grantedAtMillis;
    this.sendByMillis = sendByMillis;
  }

  /**
   * A permit granted at {@code grantedAtMillis} (epoch milliseconds of the throttle's clock) after a
   * wait of {@code waited}, to be sent before {@code sendByMillis}; {@link Long#MAX_VALUE} for no
   * such bound.
   */
  public static Permit of(Duration waited, long grantedAtMillis, long sendByMillis) {
    return new Permit(waited, grantedAtMillis, sendByMillis);
  }

  /**
   * A permit that may be sent at any time (no fixed window was charged, or a throttle that does not
   * track windows); {@link Throttle#beforeSend} has nothing to check for it.
   */
  public static Permit unbounded(Duration waited) {
    return new Permit(waited, Long.MIN_VALUE, UNBOUNDED);
  }

  /** How long the caller waited for this permit, for the audit log. */
  public Duration waited() {
    return waited;
  }

  /** When the permits were granted (counted), on the throttle's clock; empty for {@link #unbounded}. */
  public Optional<Instant> grantedAt() {
    return grantedAtMillis == Long.MIN_VALUE ? Optional.empty() : Optional.of(Instant.ofEpochMilli(grantedAtMillis));
  }

  /** The grant time in epoch milliseconds ({@link Long#MIN_VALUE} for an unbounded permit). */
  public long grantedAtMillis() {
    return grantedAtMillis;
  }

  /** The time before which the request must leave; empty when any time will do. */
  public Optional<Instant> sendBy() {
    return sendByMillis == UNBOUNDED ? Optional.empty() : Optional.of(Instant.ofEpochMilli(sendByMillis));
  }

  /** Whether a send at {@code nowMillis} (the throttle's clock) still counts where this permit was charged. */
  public boolean coversSendAt(long nowMillis) {
    return nowMillis < sendByMillis;
  }

  /** This permit after a further wait of {@code more} (the audit log reports the sum). */
  public Permit waitedAlso(Duration more) {
    return new Permit(waited.plus(more), grantedAtMillis, sendByMillis);
  }

  @Override
  public String toString() {
    return "Permit{waited=" + waited.toMillis() + "ms"
        + (grantedAtMillis == Long.MIN_VALUE ? "" : ", grantedAt=" + Instant.ofEpochMilli(grantedAtMillis))
        + (sendByMillis == UNBOUNDED ? "" : ", sendBy=" + Instant.ofEpochMilli(sendByMillis)) + "}";
  }
}
