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
   * {@code timeLeft}; throttles that wait should honour it.
   */
  default Duration acquire(ApiRequest request, Duration timeLeft) {
    return acquire(request);
  }

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
