package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.internal.CallDeadlines;
import io.tickguard.core.internal.RequestGuard;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.validate.Validator;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * What the stages need to know about one call, carried as an OkHttp tag on every request of it: the
 * {@link ApiRequest}, the Guard that builds its HTTP request (the client's, or a stream host's), the
 * throttle it counts against (the client's, or a stream's connect limit), and for a buffered call the
 * decoder and validator whose result the Response stage leaves here.
 */
public final class CallContext {
  private final ApiRequest request;
  private final RequestGuard guard;
  private final HttpUrl baseUrl;
  private final Throttle throttle;
  private final ResponseDecoder<?> decoder;
  private final Validator<Object> validator;
  private volatile Object result;
  private volatile Attempt lastAttempt;
  private volatile Response answer;
  private volatile long deadlineNanos;
  private volatile boolean hasDeadline;
  /** The sweeper's handle on this call (a buffered call's), set before the call starts. */
  private CallDeadlines.Deadline bound;

  private CallContext(
      ApiRequest request, RequestGuard guard, HttpUrl baseUrl, Throttle throttle,
      ResponseDecoder<?> decoder, Validator<Object> validator) {
    this.request = Objects.requireNonNull(request, "request");
    this.guard = guard;
    this.baseUrl = baseUrl;
    this.throttle = throttle;
    this.decoder = decoder;
    this.validator = validator;
  }

  /** A buffered call whose response is decoded and validated. */
  @SuppressWarnings("unchecked")
  static <T> CallContext call(
      ApiRequest request, RequestGuard guard, HttpUrl baseUrl, Throttle throttle,
      ResponseDecoder<T> decoder, Validator<? super T> validator) {
    return new CallContext(request, guard, baseUrl, throttle, decoder, (Validator<Object>) validator);
  }

  /** A stream connect: the response is checked and handed over open, never decoded. */
  static CallContext stream(ApiRequest request, RequestGuard guard, HttpUrl baseUrl, Throttle connects) {
    return new CallContext(request, guard, baseUrl, connects, null, null);
  }

  /**
   * The request OkHttp starts the call with: the base URL and the tags only (the {@link ApiRequest}
   * and this context, which the Guard's request keeps). The Guard stage replaces it with the
   * validated request before anything else happens.
   */
  Request seed() {
    return new Request.Builder().url(baseUrl).tag(ApiRequest.class, request).tag(CallContext.class, this).build();
  }

  /** The call's request. */
  public ApiRequest request() {
    return request;
  }

  RequestGuard guard() {
    return guard;
  }

  /** The base URL the call goes to. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  Throttle throttle() {
    return throttle;
  }

  /** {@code true} for a stream connect (NDJSON or WebSocket upgrade). */
  public boolean isStream() {
    return decoder == null;
  }

  ResponseDecoder<?> decoder() {
    return decoder;
  }

  Validator<Object> validator() {
    return validator;
  }

  void result(Object value) {
    this.result = value;
  }

  /** The value the Response stage decoded and validated. */
  @SuppressWarnings("unchecked")
  <T> T result() {
    return (T) result;
  }

  void attempt(Attempt attempt) {
    this.lastAttempt = attempt;
  }

  /**
   * Keeps {@code response}, the network answer of the current attempt, until the call ends; the
   * answer before it, which every stage closes before it tries again, is closed here too in case one
   * did not.
   */
  Response answered(Response response) {
    Response before = answer;
    answer = response;
    if (before != null && before != response) {
      before.close();
    }
    return response;
  }

  /**
   * Closes the last network answer: called when the call ended without its answer being read and
   * closed (a stage threw while holding it), so its connection goes back to the pool or is closed
   * instead of staying allocated to a call nobody will finish. Closing a closed answer does nothing.
   */
  void closeAnswer() {
    Response last = answer;
    if (last != null) {
      last.close();
    }
  }

  /**
   * The attempt in progress (the last one the Resilience stage started), or {@code null} before it
   * ran. Attempts of one call run one after the other, so the stages inside Resilience read their
   * attempt here instead of from a tag on a request rebuilt per attempt.
   */
  Attempt currentAttempt() {
    return lastAttempt;
  }

  /** The last attempt made, or empty before the Resilience stage ran. */
  public java.util.Optional<Attempt> lastAttempt() {
    return java.util.Optional.ofNullable(lastAttempt);
  }

  /** The context of {@code request}, or {@code null} when it is not a TickGuard call. */
  static CallContext of(Request request) {
    return request.tag(CallContext.class);
  }

  /**
   * The context of the request {@code chain} carries, or {@code null} when it is not a TickGuard
   * call: what every stage asks first, answered by its stage group without a tag lookup.
   */
  static CallContext of(Interceptor.Chain chain) {
    return StageGroup.contextOf(chain);
  }

  /** The whole call must end by {@code deadlineNanos} ({@link System#nanoTime()} scale). */
  void deadline(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
    this.hasDeadline = true;
  }

  /** Hands the stages the sweeper's handle on this call (set on the calling thread before it starts). */
  void bound(CallDeadlines.Deadline bound) {
    this.bound = bound;
  }

  /** The sweeper's handle on this call, or {@code null} (a stream connect: not bounded as a whole). */
  CallDeadlines.Deadline bound() {
    return bound;
  }

  /**
   * The time left before the call's deadline (never negative), or empty for a call without one (a
   * stream connect). Waits inside the call (throttle, retry backoff) that would outlast it are not
   * started.
   */
  public java.util.Optional<java.time.Duration> timeLeft() {
    return hasDeadline ? java.util.Optional.of(waitBound()) : java.util.Optional.empty();
  }

  /**
   * What a wait inside the call (throttle) may last: the time left before the deadline (never
   * negative), or {@link io.tickguard.core.throttle.Throttle#NO_DEADLINE} for a call without one. The
   * stages ask it on every attempt, so it costs no {@code Optional}.
   */
  java.time.Duration waitBound() {
    if (!hasDeadline) {
      return io.tickguard.core.throttle.Throttle.NO_DEADLINE;
    }
    return java.time.Duration.ofNanos(Math.max(0, deadlineNanos - System.nanoTime()));
  }
}
