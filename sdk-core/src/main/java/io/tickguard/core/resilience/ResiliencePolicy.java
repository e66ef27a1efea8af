package io.tickguard.core.resilience;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.observe.MetricsListener;
import java.io.IOException;
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
    Response run(int number) throws IOException;
  }

  /** One attempt, no retry, no breaker. */
  static ResiliencePolicy none() {
    return (request, attempt) -> attempt.run(1);
  }
}
