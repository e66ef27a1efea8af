package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.internal.CallDeadlines;
import io.tickguard.core.security.Egress;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Connection;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Bounds the reads and writes of a buffered HTTP/1.1 call without Okio's watchdog thread.
 *
 * <p>OkHttp enforces {@code readTimeout} and {@code writeTimeout} with Okio's {@code AsyncTimeout}:
 * every socket read and write enters a global queue, and a read or write that finds the queue empty
 * (every one, with a single caller) signals the watchdog thread awake. On a 2-core machine that
 * signal, a futex wake of a thread on the other core, was about a quarter of a small call's CPU on
 * the calling thread (docs/performance.md, round 14). Here, once this client's host is known to
 * answer over HTTP/1.1:
 *
 * <ul>
 *   <li>the last application stage ({@link #handover}) proceeds with OkHttp's read and write
 *       timeouts at zero, which keeps the exchange's reads and writes out of the watchdog's queue;
 *   <li>a network stage ({@link #onSocket}) then sets the socket's own {@code SO_TIMEOUT} to {@code
 *       readTimeout}, so each read is bounded by the kernel's wait exactly as before (OkHttp set both),
 *       and gives the call's sweeper ({@link CallDeadlines}) a send bound of {@code writeTimeout +
 *       readTimeout} until the answer's headers arrive: a write that stalls (a peer that stops
 *       reading) is cancelled by the sweeper at that bound plus at most one of its ticks.
 * </ul>
 *
 * <p>The first call of a client, an HTTP/2 host, a stream connect, a call without a sweeper handle
 * and every call of a client that connects through a proxy keep OkHttp's timeouts unchanged (a new
 * connection's proxy {@code CONNECT} is read with the chain's timeouts, before any network stage
 * runs). If a host known as HTTP/1.1 answers over another protocol (its server changed), that
 * exchange's wait for headers is still bounded by the send bound, its body by the whole-call deadline,
 * and the calls after it use OkHttp's timeouts again. A send bound that passes cancels the call, as
 * the whole-call deadline does: no retry resends a request to a peer that stopped reading it.
 */
final class SocketTimeouts {
  private final int readMillis;
  private final Duration sendBound;
  private final long sendBoundNanos;
  /** Direct connections only: see the class comment. */
  private final boolean direct;
  /** Whether this client's host last answered over HTTP/1.x (written only when it changes). */
  private volatile boolean http1;

  SocketTimeouts(ClientConfig config) {
    this.readMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, config.readTimeout().toMillis()));
    this.sendBound = config.writeTimeout().plus(config.readTimeout());
    this.sendBoundNanos = sendBound.toNanos();
    this.direct = config.proxy().isEmpty() && config.egress().route() == Egress.Route.DIRECT;
  }

  /** {@code writeTimeout + readTimeout}: how long a request may take to be sent and answered with headers. */
  Duration sendBound() {
    return sendBound;
  }

  /** Whether this client may hand its calls' bounds over at all: only when it connects directly. */
  boolean handsOverOnHttp1() {
    return direct;
  }

  /** The application stage, last of its group: hands the bounds to {@link #onSocket} when it can. */
  Stage handover() {
    return new Handover();
  }

  /** The network stage: the socket's read timeout and the send bound for a handed-over exchange. */
  Stage onSocket() {
    return new OnSocket();
  }

  private final class Handover implements Stage {
    @Override
    public String name() {
      return "Timeouts";
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      CallContext call = CallContext.of(chain);
      if (!direct || !http1 || call == null || call.isStream() || call.bound() == null) {
        return chain.proceed(request);
      }
      return chain.withReadTimeout(0, TimeUnit.MILLISECONDS).withWriteTimeout(0, TimeUnit.MILLISECONDS)
          .proceed(request);
    }
  }

  private final class OnSocket implements Stage {
    @Override
    public String name() {
      return "SocketTimeout";
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      Request request = chain.request();
      CallContext call = CallContext.of(chain);
      Connection connection = chain.connection();
      if (call == null || connection == null || call.isStream()) {
        return chain.proceed(request);
      }
      Protocol protocol = connection.protocol();
      boolean answersHttp1 = protocol == Protocol.HTTP_1_1 || protocol == Protocol.HTTP_1_0;
      if (answersHttp1 != http1) {
        http1 = answersHttp1;
      }
      CallDeadlines.Deadline bound = call.bound();
      if (chain.readTimeoutMillis() != 0 || bound == null) {
        return chain.proceed(request); // OkHttp's timeouts (its watchdog) bound this exchange
      }
      if (answersHttp1) {
        // OkHttp set SO_TIMEOUT to the chain's zero when it made this exchange's codec, just before.
        connection.socket().setSoTimeout(readMillis);
      }
      bound.sendBy(System.nanoTime() + sendBoundNanos);
      try {
        return chain.proceed(request);
      } finally {
        bound.sent();
      }
    }
  }
}
