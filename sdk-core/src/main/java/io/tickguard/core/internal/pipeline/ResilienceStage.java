package io.tickguard.core.internal.pipeline;

import io.tickguard.core.resilience.ResiliencePolicy;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stage 3, Resilience: hands every attempt of one call to the client's policy (circuit breaker,
 * bulkhead, retries of idempotent calls with full-jitter backoff and {@code Retry-After}), and tags
 * each attempt with its {@link Attempt}. A stream connect is made once: a stream session reconnects
 * under its own policy, and two retry layers would multiply each other.
 */
final class ResilienceStage implements Stage {
  private final ResiliencePolicy policy;

  ResilienceStage(ResiliencePolicy policy) {
    this.policy = policy;
  }

  @Override
  public String name() {
    return "Resilience";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(request);
    if (call == null) {
      return chain.proceed(request);
    }
    if (call.isStream()) {
      return attempt(chain, request, call, 1);
    }
    return policy.execute(call.request(), n -> attempt(chain, request, call, n));
  }

  private static Response attempt(Chain chain, Request request, CallContext call, int number) throws IOException {
    Attempt attempt = new Attempt(number);
    call.attempt(attempt);
    return chain.proceed(request.newBuilder().tag(Attempt.class, attempt).build());
  }
}
