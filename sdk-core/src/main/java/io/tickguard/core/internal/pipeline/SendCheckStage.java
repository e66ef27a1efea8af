package io.tickguard.core.internal.pipeline;

import io.tickguard.core.throttle.Permit;
import io.tickguard.core.throttle.Throttle;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The Throttle's second look, on the established connection right before Sign and the write: a
 * permit granted in one window but about to leave after that window's edge (a scheduling delay, a
 * GC pause, a slow connection or TLS handshake between the Throttle stage and here) would count in
 * a later window at the server, which the throttle hands out in full to others. {@link
 * Throttle#beforeSend} charges such a permit again to the window it will count in, waiting within
 * the call's deadline and {@code maxWait}, or refuses with a client-side {@code
 * RateLimitedException} before anything is written (the attempt is not yet marked transmitted).
 * What the network adds after this point is what the edge guard covers. A permit still good costs one
 * clock read.
 *
 * <p>Being the outermost network stage, it also hands each network answer to the call's context
 * ({@link CallContext#answered}), so that a call ending in an exception never leaves a body, and
 * with it a connection, open.
 */
final class SendCheckStage implements Stage {

  @Override
  public String name() {
    return "SendCheck";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    if (call == null) {
      return chain.proceed(request);
    }
    Attempt attempt = call.currentAttempt();
    Permit permit = attempt == null ? null : attempt.permit();
    if (permit != null) {
      Permit sent = call.throttle().beforeSend(call.request(), permit, call.waitBound());
      if (sent != permit) {
        attempt.throttled(sent);
      }
    }
    return call.answered(chain.proceed(request));
  }
}
