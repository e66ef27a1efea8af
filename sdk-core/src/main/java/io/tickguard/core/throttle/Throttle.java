package io.tickguard.core.throttle;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.RateLimitedException;
import java.time.Duration;
import okhttp3.Response;

/**
 * The Throttle stage: client-side rate limiting so the provider never has to. An interface so that a
 * shared implementation (for example one budget in Redis for many JVMs) can replace the in-process
 * one.
 */
public interface Throttle {

  /**
   * Takes {@code request.weight()} permits from every window its endpoint counts against, for one
   * attempt. Waits in FIFO order up to the configured bound.
   *
   * @return how long the caller waited, for the audit log
   * @throws io.tickguard.core.RateLimitedException (client side) when permits cannot be had within
   *     the bound; nothing is taken in that case
   */
  Duration acquire(ApiRequest request);

  /**
   * Like {@link #acquire(ApiRequest)}, but refuses (client side, nothing taken) when the permits
   * cannot be had within {@code timeLeft} either: the call's deadline would cancel it while it
   * waits, and a permit taken for a cancelled call is spent for nothing. The default ignores
   * {@code timeLeft}; throttles that wait should honour it, and say which bound ended the wait
   * ({@link RateLimitedException#waitBound()}).
   */
  default Duration acquire(ApiRequest request, Duration timeLeft) {
    return acquire(request);
  }

  /**
   * What the pipeline calls for each attempt: {@link #acquire(ApiRequest, Duration)}, returning a
   * {@link Permit} that remembers the windows it was charged to, so that {@link #beforeSend} can
   * check it again at the last moment before the request leaves. The default returns an {@link
   * Permit#unbounded unbounded} permit: a throttle that keeps fixed windows should override both.
   *
   * @param timeLeft the time left before the call's deadline; {@link #NO_DEADLINE} for none
   */
  default Permit reserve(ApiRequest request, Duration timeLeft) {
    return Permit.unbounded(acquire(request, timeLeft));
  }

  /**
   * Called by the pipeline on the established connection, right before {@code request} is signed
   * and written. When {@code permit} can no longer be sent in the windows it was charged to ({@link
   * Permit#coversSendAt}: the time between the grant and the send carried it past a window's edge),
   * the request is charged again to the windows it will now count in, waiting within {@code
   * timeLeft} and the throttle's {@code maxWait}, or refused with a client-side {@link
   * RateLimitedException} (nothing is sent). Returns the permit to send with (the same one when it
   * still holds). The default returns {@code permit} unchanged.
   */
  default Permit beforeSend(ApiRequest request, Permit permit, Duration timeLeft) {
    return permit;
  }

  /** The {@code timeLeft} of a call without a deadline (a stream connect): only {@code maxWait} bounds its waits. */
  Duration NO_DEADLINE = Duration.ofMillis(Long.MAX_VALUE);

  /**
   * Feeds the server's view back: usage headers, {@code Retry-After}, 429 and 418. Must not consume
   * or close the body.
   */
  void onResponse(ApiRequest request, Response response);

  /**
   * The provider refused {@code request} for rate or quota reasons in the body of a successful HTTP
   * status (Kraken's {@code EAPI:Rate limit exceeded} inside HTTP 200, an envelope's quota error), so
   * {@link #onResponse} saw only a 200. Throttles that pause on a 429 should pause here too. The
   * default does nothing.
   */
  default void onRateLimitInBody(ApiRequest request, RateLimitedException refusal) {}

  /** No client-side limit (only for providers without limits, and tests). */
  static Throttle unlimited() {
    return Unlimited.INSTANCE;
  }

  /** The throttle that never waits. */
  enum Unlimited implements Throttle {
    INSTANCE;

    @Override
    public Duration acquire(ApiRequest request) {
      return Duration.ZERO;
    }

    @Override
    public void onResponse(ApiRequest request, Response response) {}
  }
}
