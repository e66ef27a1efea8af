package io.tickguard.core.throttle.internal;

import io.tickguard.core.RateLimitedException;
import io.tickguard.core.RateLimitedException.WaitBound;
import java.time.Duration;

/**
 * How long one caller may wait for permits: the shorter of the throttle's {@code maxWait} and the
 * time left before the call's deadline, remembering which of the two it is so a refusal can say so.
 *
 * @param millis the bound in milliseconds, never negative
 * @param bound which bound it is
 */
public record WaitLimit(long millis, WaitBound bound) {

  /** The bound for a caller with {@code timeLeft} before its deadline, under {@code maxWait}. */
  public static WaitLimit of(Duration maxWait, Duration timeLeft) {
    long max = maxWait.toMillis();
    long left = Math.max(0, timeLeft.toMillis());
    return left < max ? new WaitLimit(left, WaitBound.CALL_DEADLINE) : new WaitLimit(max, WaitBound.MAX_WAIT);
  }

  /** The client-side refusal of a wait of {@code waitMillis} for {@code window}, beyond this bound. */
  public RateLimitedException refusal(String window, long waitMillis) {
    return RateLimitedException.clientSide(window, Duration.ofMillis(waitMillis), bound, Duration.ofMillis(millis));
  }
}
