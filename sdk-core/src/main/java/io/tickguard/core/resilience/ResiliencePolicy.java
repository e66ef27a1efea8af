package io.tickguard.core.resilience;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.observe.MetricsListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Response;

/**
 * The Resilience stage: decides whether and when an attempt is repeated, and whether it is made at
 * all (circuit breaker, bulkhead). It wraps every attempt of one call.
 */
public interface ResiliencePolicy {

  /**
   * Runs {@code attempt} once or more for {@code request} and returns the response to hand to the
   * caller. An implementation that discards a response (to retry) must close it.
   */
  Response execute(ApiRequest request, Attempt attempt) throws IOException;

  /**
   * This policy bound to the client that calls {@code host}, reporting to {@code metrics}: state that
   * is per host (the circuit breaker) or per client (the bulkhead) is chosen here, once per client,
   * not per call. A client calls it once when it is built and uses the result for every call.
   *
   * @return the policy to use for that client; by default this policy itself
   */
  default ResiliencePolicy bind(String host, MetricsListener metrics) {
    return this;
  }

  /** One attempt of a call; {@code number} starts at 1. */
  @FunctionalInterface
  interface Attempt {
    /** Makes attempt {@code number} (from 1) and returns its response. */
    Response run(int number) throws IOException;

    /**
     * The time left before the call's deadline ({@code callTimeout} bounds the whole call, waits
     * included), or empty when the call has none. A policy must not start a wait that outlasts it:
     * the call would be cancelled while the thread sleeps.
     */
    default Optional<Duration> timeLeft() {
      return Optional.empty();
    }

    /**
     * How long the last attempt waited on this client before it was sent (the throttle's wait for a
     * permit): time the host is not answerable for, which a policy leaves out of a slow-call judgement.
     */
    default Duration clientWait() {
      return Duration.ZERO;
    }
  }

  /**
   * One attempt, no retry, no breaker: an explicit opt-out of the default {@link
   * StandardResiliencePolicy}. The outcome-unknown rule still holds (the pipeline applies it).
   */
  static ResiliencePolicy none() {
    return (request, attempt) -> attempt.run(1);
  }
}
