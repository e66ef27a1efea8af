package io.tickguard.core.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.AuditLogger;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.observe.ResponseObserver;
import io.tickguard.core.throttle.Throttle;
import java.io.IOException;
import java.time.Duration;
import java.util.function.Function;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * One attempt of a call: Throttle (take permits), send (the {@link SigningInterceptor} signs it
 * afresh on the network side), feed the response back to the throttle, and Observe (one audit
 * event and one metrics event per attempt).
 * A 401 answered to a request that carried the current token is refreshed and replayed once.
 */
public final class AttemptInterceptor implements Interceptor {
  private final Throttle throttle;
  private final RequestAuthenticator authenticator;
  private final AuditLogger audit;
  private final MetricsListener metrics;
  private final Function<Response, String> requestId;
  private final ResponseObserver responseObserver;

  public AttemptInterceptor(
      Throttle throttle,
      RequestAuthenticator authenticator,
      AuditLogger audit,
      MetricsListener metrics,
      Function<Response, String> requestId,
      ResponseObserver responseObserver) {
    this.throttle = throttle;
    this.authenticator = authenticator;
    this.audit = audit;
    this.metrics = metrics;
    this.requestId = requestId;
    this.responseObserver = responseObserver;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ApiRequest api = request.tag(ApiRequest.class);
    if (api == null) {
      return chain.proceed(request); // not a TickGuard call (e.g. a WebSocket upgrade)
    }
    AttemptNumber number = request.tag(AttemptNumber.class);
    int attempt = number == null ? 1 : number.value();
    Response response = send(chain, request, api, attempt);
    if (response.code() == 401 && authenticator.refreshAfterUnauthorized(SigningInterceptor.sentRequest(response))) {
      response.close();
      response = send(chain, request, api, attempt); // one replay with fresh credentials, never a loop
    }
    return response;
  }

  private Response send(Chain chain, Request request, ApiRequest api, int attempt) throws IOException {
    long start = System.nanoTime();
    Duration waited = Duration.ZERO;
    try {
      waited = throttle.acquire(api);
      long sent = System.nanoTime();
      // Auth and Sign happen in SigningInterceptor, on the network side, just before writing.
      Response response = chain.proceed(request);
      Duration latency = Duration.ofNanos(System.nanoTime() - sent);
      throttle.onResponse(api, response);
      responseObserver.onResponse(api, response);
      record(event(api, request, attempt, response.code(), latency, waited, requestId.apply(response), null));
      return response;
    } catch (IOException | RuntimeException e) {
      Duration latency = Duration.ofNanos(System.nanoTime() - start).minus(waited);
      record(event(api, request, attempt, 0, latency, waited, null, e.getClass().getSimpleName()));
      throw e;
    }
  }

  private static AttemptEvent event(
      ApiRequest api, Request request, int attempt, int status, Duration latency, Duration waited,
      String requestId, String failure) {
    return new AttemptEvent(
        api.endpoint().name(),
        api.endpoint().method().name(),
        request.url().host(),
        api.endpoint().pathTemplate(),
        attempt,
        status,
        latency.isNegative() ? Duration.ZERO : latency,
        waited,
        requestId,
        failure);
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
