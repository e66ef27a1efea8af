package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ApiRequest;
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
    CallContext call = CallContext.of(request);
    Attempt attempt = request.tag(Attempt.class);
    if (call == null || call.isStream() || attempt == null) {
      return chain.proceed(request);
    }
    ApiRequest api = call.request();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      Duration latency = Duration.ofNanos(System.nanoTime() - start).minus(attempt.throttleWait());
      observer.onResponse(api, response);
      String inBody = attempt.bodyFailure().map(f -> f.getClass().getSimpleName()).orElse(null);
      int status = inBody == null ? response.code() : attempt.bodyFailureStatus();
      record(event(api, request, attempt, status, latency, requestId.apply(response), inBody));
      count(api, status >= 400 || inBody != null);
      return response;
    } catch (IOException | RuntimeException e) {
      Duration latency = Duration.ofNanos(System.nanoTime() - start).minus(attempt.throttleWait());
      // An error inside a 2xx body was answered with that status; anything else got no answer.
      int status = attempt.bodyFailure().isPresent() ? attempt.bodyFailureStatus() : 0;
      record(event(api, request, attempt, status, latency, null, e.getClass().getSimpleName()));
      if (e instanceof IOException && !(e instanceof StageFailure)) {
        count(api, true); // a typed refusal from below (throttle, signer) sent nothing
      }
      throw e;
    }
  }

  private static AttemptEvent event(
      ApiRequest api, Request request, Attempt attempt, int status, Duration latency, String requestId,
      String failure) {
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
