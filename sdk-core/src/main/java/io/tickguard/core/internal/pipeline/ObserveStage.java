package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.security.UsageMonitor;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.observe.ResponseObserver;
import io.tickguard.core.observe.internal.AuditLogger;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Stage 8, Observe: one audit event and one metrics event per attempt (endpoint, path template,
 * status, latency, attempt number, throttle wait, request id, failure class, including an error the
 * provider reported inside a 2xx body; never a value, header or body), and every response shown to the response observers (deprecation warnings, server-clock
 * {@code Date} samples). It wraps the Throttle stage, so an attempt the throttle refuses is recorded
 * too. A stream connect is audited by its session instead ({@code StreamConnectionEvent}), once per
 * connect and once per disconnect.
 */
final class ObserveStage implements Stage {
  private final AuditLogger audit;
  private final MetricsListener metrics;
  private final Function<Response, String> requestId;
  private final ResponseObserver observer;
  private final UsageMonitor usage;
  private final RequestAuthenticator authenticator;

  ObserveStage(AuditLogger audit, MetricsListener metrics, Function<Response, String> requestId,
      ResponseObserver observer, UsageMonitor usage, RequestAuthenticator authenticator) {
    this.usage = usage;
    this.authenticator = authenticator;
    this.audit = audit;
    this.metrics = metrics;
    this.requestId = requestId;
    this.observer = observer;
  }

  @Override
  public String name() {
    return "Observe";
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallContext call = CallContext.of(chain);
    Attempt attempt = call == null ? null : call.currentAttempt();
    if (call == null || call.isStream() || attempt == null) {
      return chain.proceed(request);
    }
    ApiRequest api = call.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      long took = System.nanoTime() - start;
      observer.onResponse(api, response);
      TickGuardException inBody = attempt.bodyFailureOrNull();
      int status = inBody == null ? response.code() : attempt.bodyFailureStatus();
      if (wanted(status, inBody != null)) {
        String failure = inBody == null ? null : inBody.getClass().getSimpleName();
        record(event(api, request, attempt, status, took, requestId.apply(response), failure));
      }
      count(api, status >= 400 || inBody != null);
      return response;
    } catch (IOException | RuntimeException e) {
      long took = System.nanoTime() - start;
      // An error inside a 2xx body was answered with that status; anything else got no answer.
      int status = attempt.bodyFailure().isPresent() ? attempt.bodyFailureStatus() : 0;
      record(event(api, request, attempt, status, took, null, e.getClass().getSimpleName()));
      if (e instanceof IOException && !(e instanceof StageFailure)) {
        count(api, true); // a typed refusal from below (throttle, signer) sent nothing
      }
      throw e;
    }
  }

  /**
   * Whether anyone takes the event of an attempt: a metrics listener, or the audit log at the level
   * the attempt logs at (a healthy call logs at DEBUG, usually off). Otherwise it is not built.
   */
  private boolean wanted(int status, boolean failure) {
    return metrics != MetricsListener.none() || audit.logs(status, failure);
  }

  private static AttemptEvent event(
      ApiRequest api, Request request, Attempt attempt, int status, long tookNanos, String requestId,
      String failure) {
    Duration latency = Duration.ofNanos(tookNanos).minus(attempt.throttleWait());
    return new AttemptEvent(
        api.endpoint().name(),
        api.endpoint().method().name(),
        request.url().host(),
        api.endpoint().pathTemplate(),
        attempt.number(),
        status,
        latency.isNegative() ? Duration.ZERO : latency,
        attempt.throttleWait(),
        requestId,
        failure);
  }

  private void count(ApiRequest api, boolean failed) {
    String credential;
    try {
      credential = authenticator.credentialId();
    } catch (RuntimeException e) {
      credential = "";
    }
    usage.record(api.endpoint().name(), api.weight(), api.endpoint().limits(), credential, failed);
  }

  private void record(AttemptEvent event) {
    audit.log(event);
    try {
      metrics.onAttempt(event);
    } catch (RuntimeException e) {
      // A broken metrics listener must not fail the call it observes.
    }
  }
}
