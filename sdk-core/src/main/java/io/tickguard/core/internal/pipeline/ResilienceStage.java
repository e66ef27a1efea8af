package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.OutcomeUnknownException;
import io.tickguard.core.observe.Redactor;
import io.tickguard.core.resilience.ResiliencePolicy;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stage 3, Resilience: hands every attempt of one call to the client's policy (circuit breaker,
 * bulkhead, retries of idempotent calls with full-jitter backoff and {@code Retry-After}), and records
 * each attempt's {@link Attempt} in the call's context, where the stages inside read it (the request
 * is not rebuilt per attempt for a tag). A stream connect is made once: a stream session reconnects
 * under its own policy, and two retry layers would multiply each other.
 *
 * <p>It also applies the outcome-unknown rule, whatever the policy: a call that is not {@link
 * ApiRequest#retryable() retryable} and whose final answer is a 5xx, or whose last attempt failed
 * after its request started on the wire, ends in {@link OutcomeUnknownException}. A failure before
 * the request was written (no connection, failed handshake) stays what it is: nothing was sent.
 */
final class ResilienceStage implements Stage {
  private final ResiliencePolicy policy;
  private final Redactor redactor;

  ResilienceStage(ResiliencePolicy policy, Redactor redactor) {
    this.redactor = redactor;
    this.policy = policy;
  }

  @Override
  public String name() {
    return "Resilience";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    if (call == null) {
      return chain.proceed(request);
    }
    if (call.isStream()) {
      return attempt(chain, request, call, 1);
    }
    ApiRequest api = call.request();
    Response response;
    try {
      response = policy.execute(api, new ResiliencePolicy.Attempt() {
        @Override
        public Response run(int number) throws IOException {
          return attempt(chain, request, call, number);
        }

        @Override
        public Optional<Duration> timeLeft() {
          return call.timeLeft();
        }

        @Override
        public Duration clientWait() {
          Attempt last = call.currentAttempt();
          return last == null ? Duration.ZERO : last.throttleWait();
        }
      });
    } catch (IOException e) {
      if (!api.retryable() && call.lastAttempt().map(Attempt::transmitted).orElse(false)) {
        // Redacted: OkHttp's messages may quote the URL, which may carry a key.
        throw new OutcomeUnknownException(api.endpoint().name(), 0, redactor.sanitize(e));
      }
      throw e;
    }
    Attempt last = call.currentAttempt();
    boolean reportedInBody = last != null && last.bodyFailureOrNull() != null;
    if (!api.retryable() && response.code() >= 500 && !reportedInBody) {
      int code = response.code();
      response.close();
      throw new OutcomeUnknownException(api.endpoint().name(), code, null);
    }
    return response;
  }

  private static Response attempt(Chain chain, Request request, CallContext call, int number) throws IOException {
    call.attempt(new Attempt(number)); // the stages inside read it from the context: no request rebuilt
    return chain.proceed(request);
  }
}
