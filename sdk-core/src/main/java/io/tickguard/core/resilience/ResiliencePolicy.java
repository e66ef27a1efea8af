package io.tickguard.core.resilience;

import io.tickguard.core.ApiRequest;
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
