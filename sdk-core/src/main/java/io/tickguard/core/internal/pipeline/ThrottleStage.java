package io.tickguard.core.internal.pipeline;

import io.tickguard.core.throttle.Permit;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stage 2, Throttle: takes the attempt's permits from every limit window its endpoint counts
 * against (waiting in FIFO order up to the throttle's bound, else a client-side
 * {@code RateLimitedException}), then feeds the server's view back (usage headers, 429, 418). It
 * runs per attempt, inside Resilience, so a retry pays for itself. A wait that would outlast the
 * call's deadline is refused up front, with no permit taken ({@link SendCheckStage} checks the
 * permit again right before the request leaves). A stream connect counts against
 * the stream's connect limit instead of the client's request limits.
 */
final class ThrottleStage implements Stage {

  @Override
  public String name() {
    return "Throttle";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    if (call == null) {
      return chain.proceed(request);
    }
    if (chain.call().isCanceled()) {
      throw new IOException("Canceled"); // the call's deadline passed: take no permit for it
    }
    Permit permit = call.throttle().reserve(call.request(), call.waitBound());
    Attempt attempt = call.currentAttempt();
    if (attempt != null) {
      attempt.throttled(permit); // SendCheck looks at it again on the connection
    }
    Response response = chain.proceed(request);
    call.throttle().onResponse(call.request(), response);
    return response;
  }
}
