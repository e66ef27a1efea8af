package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ClockSkewException;
import io.tickguard.core.TransportException;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.observe.Redactor;
import io.tickguard.core.time.ServerClock;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Part of Sign, at application level: makes sure the provider clock is fresh before an attempt that
 * signs, and answers a {@link ClockSkewException} with one resync and one fresh call.
 *
 * <p>A resync asks the clock's sampler, which makes its own, separate call through the whole
 * pipeline (usually the provider's server-time endpoint). It happens here, before any attempt
 * starts and while no connection is held, never inside the network-level Sign stage: a nested call
 * there would hold one pooled connection while waiting for another, and the timestamp being signed
 * would age during the resync.
 */
final class ClockSyncStage implements Stage {
  private final ServerClock clock;
  private final Redactor redactor;

  /** {@code clock} may be {@code null}: then this stage only passes calls through. */
  ClockSyncStage(ServerClock clock, Redactor redactor) {
    this.clock = clock;
    this.redactor = redactor;
  }

  @Override
  public String name() {
    return "ClockSync";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    if (call == null || clock == null) {
      return chain.proceed(request);
    }
    if (signs(call)) {
      clock.resyncIfDue();
    }
    try {
      return chain.proceed(request);
    } catch (ClockSkewException skew) {
      // The provider refused the timestamp without acting on it: resync, then one fresh attempt.
      resync(skew);
      return chain.proceed(request);
    }
  }

  /** Calls whose authenticator takes a timestamp from the clock (HMAC, Ed25519, JWT signatures). */
  private static boolean signs(CallContext call) {
    AuthMode mode = call.request().endpoint().authMode();
    return mode == AuthMode.SIGNED || mode == AuthMode.BEARER;
  }

  private void resync(ClockSkewException skew) {
    try {
      clock.resyncNow();
    } catch (IOException | RuntimeException e) {
      skew.addSuppressed(new TransportException(
          "Resynchronising the server clock after a rejected timestamp failed", redactor.sanitize(e)));
      throw skew;
    }
  }
}
