package io.tickguard.core.throttle;

import io.tickguard.core.ApiRequest;
import java.time.Duration;

/**
 * A {@link Throttle} whose one primitive is {@link #reserve}: an {@link #acquire} is a reservation
 * whose wait is reported, with or without the call's deadline. {@link InProcessThrottle} and the
 * fleet throttle of {@code tickguard-redis} are built this way; a throttle of your own that keeps
 * fixed windows can be too, so that its acquire and reserve can never disagree.
 */
public interface ReservingThrottle extends Throttle {

  /** A {@link #reserve} without a deadline: only the throttle's own bound limits the wait. */
  @Override
  default Duration acquire(ApiRequest request) {
    return reserve(request, NO_DEADLINE).waited();
  }

  /** A {@link #reserve} within {@code timeLeft}. */
  @Override
  default Duration acquire(ApiRequest request, Duration timeLeft) {
    return reserve(request, timeLeft).waited();
  }

  /**
   * Takes {@code request.weight()} permits from every window its endpoint counts against, waiting
   * within the throttle's bound and {@code timeLeft}, and returns the {@link Permit} that {@link
   * #beforeSend} checks again at the last moment; see {@link Throttle#reserve}.
   */
  @Override
  Permit reserve(ApiRequest request, Duration timeLeft);
}
