package io.tickguard.core.internal.pipeline;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.internal.CallDeadlines;
import io.tickguard.core.internal.RequestGuard;
import io.tickguard.core.internal.ResponseHandler;
import io.tickguard.core.observe.ResponseObserver;
import io.tickguard.core.observe.internal.AuditLogger;
import io.tickguard.core.security.KeyRestrictedException;
import io.tickguard.core.security.SecurityMonitor;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.core.security.internal.SecurityClassifier;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.validate.Validator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/**
 * The request pipeline of one client, composed here and nowhere else. The constructor reads top to
 * bottom in the order a call meets the stages:
 *
 * <ol>
 *   <li>{@link GuardStage Guard}: validate and encode, check scopes; nothing leaves before it;
 *   <li>{@link ClockSyncStage ClockSync}: the provider clock is fresh before anything signs; one
 *       resync and one retry after a rejected timestamp;
 *   <li>{@link ResponseStage Response}: the final answer becomes a valid typed value or a typed
 *       exception (it acts on the way back, after every retry);
 *   <li>{@link ResilienceStage Resilience}: breaker, bulkhead, retries; each attempt below is one
 *       attempt of the call;
 *   <li>{@link AuthStage Auth}: a 401 refreshes the credential once and replays the attempt once;
 *   <li>{@link ObserveStage Observe}: one audit and metrics event per attempt;
 *   <li>{@link DecodeStage Decode}: a 2xx answer is decoded within its attempt, so an error inside
 *       an HTTP 200 acts as the status it stands for on the stages above;
 *   <li>{@link ThrottleStage Throttle}: permits per attempt, server feedback;
 *   <li>{@link SocketTimeouts Timeouts}: on a host known to answer over HTTP/1.1, the exchange's
 *       reads and writes are bounded by the socket and the sweeper instead of Okio's watchdog;
 *   <li>{@link SendCheckStage SendCheck} (network level): the throttle's permit still counts where it
 *       was charged, or is charged again, right before the request leaves;
 *   <li>{@link SocketTimeouts SocketTimeout} (network level): the socket's read timeout and the send
 *       bound of a handed-over exchange;
 *   <li>{@link SignStage Sign} (network level): attach and sign on the connection, per transmission
 *       (for a WebSocket upgrade, which OkHttp runs without network interceptors, the innermost
 *       application stage);
 *   <li>{@link TransportStage Transport}: TLS (pins), pool, timeouts, typed transport failures.
 * </ol>
 *
 * <p>DESIGN.md numbers the stages by concern (Guard, Throttle, Resilience, Auth, Sign, Transport,
 * Response, Observe); the nesting above is the order that concern needs at run time: the throttle
 * and the audit are per attempt, so they sit inside Resilience, and Response judges only the final
 * answer, so it sits outside it. Stream connects run through the same stages ({@link
 * #openLines}, {@link #openWebSocket}).
 */
public final class Pipeline {
  private final ClientConfig config;
  private final RequestAuthenticator authenticator;
  private final RequestGuard guard;
  private final TransportStage transport;
  private final OkHttpClient idempotentHttp;
  private final OkHttpClient nonIdempotentHttp;
  private final OkHttpClient webSocketHttp;
  private final SecurityMonitor security;
  private final SecurityClassifier classifier;
  private final SocketTimeouts timeouts;

  /**
   * The pipeline of one client; {@code serverClock} may be {@code null} (no provider clock), {@code
   * trace} may be {@code null} (no tracing).
   */
  public Pipeline(
      ClientConfig config, RequestAuthenticator authenticator, ResponseHandler responses,
      ResponseObserver observer, ServerClock serverClock, AuditLogger audit, StageTrace trace) {
    this(config, authenticator, responses, observer, serverClock, audit, trace,
        SecurityMonitor.create(SecurityOptions.defaults(), config.clock()), new SecurityClassifier(code -> false));
  }

  /**
   * The pipeline of one client reporting to {@code security}: its kill switch is checked before
   * every call, failures that are security events ({@code classifier} tells which) are reported to
   * it, and each attempt's usage is counted in it.
   */
  public Pipeline(
      ClientConfig config, RequestAuthenticator authenticator, ResponseHandler responses,
      ResponseObserver observer, ServerClock serverClock, AuditLogger audit, StageTrace trace,
      SecurityMonitor security, SecurityClassifier classifier) {
    this.config = config;
    this.security = Objects.requireNonNull(security, "security");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.authenticator = authenticator;
    this.guard = new RequestGuard(config.baseUrl(), config.userAgent());
    this.transport = new TransportStage(config, responses.redactor());
    OkHttpClient.Builder http = transport.newClientBuilder();
    // Each group is one OkHttp interceptor (see StageGroup): the stages run as listed, one after the other.
    List<Stage> application = new ArrayList<>();
    application.add(new FailureBoundary());
    add(application, trace, new GuardStage(authenticator));
    add(application, trace, new ClockSyncStage(serverClock, responses.redactor()));
    add(application, trace, new ResponseStage(responses));
    // Bound once per client: the breaker belongs to this host and reports to this client's listener.
    add(application, trace, new ResilienceStage(config.resilience().bind(config.baseUrl().host(), config.metrics()),
        responses.redactor()));
    add(application, trace, new AuthStage(authenticator));
    add(application, trace, new ObserveStage(audit, config.metrics(), responses::requestId, observer,
        security.usageMonitor(), authenticator));
    add(application, trace, new DecodeStage(responses));
    add(application, trace, new ThrottleStage());
    this.timeouts = new SocketTimeouts(config);
    add(application, trace, timeouts.handover());
    http.addInterceptor(new StageGroup(application));
    Stage sendCheck = traced(new SendCheckStage(), trace);
    Stage sign = traced(new SignStage(authenticator), trace);
    http.addNetworkInterceptor(new StageGroup(List.of(sendCheck, traced(timeouts.onSocket(), trace), sign)));
    this.idempotentHttp = http.build();
    // Same pool and dispatcher; OkHttp must not silently resend a write on a failed connection.
    this.nonIdempotentHttp = idempotentHttp.newBuilder().retryOnConnectionFailure(false).build();
    // OkHttp runs no network interceptors for a WebSocket upgrade: there, Sign is the innermost
    // application stage instead (same pool, dispatcher and TLS).
    this.webSocketHttp = idempotentHttp.newBuilder()
        .addInterceptor(new StageGroup(List.of(sendCheck, sign))).build();
  }

  private static void add(List<Stage> group, StageTrace trace, Stage stage) {
    group.add(traced(stage, trace));
  }

  private static Stage traced(Stage stage, StageTrace trace) {
    return trace == null ? stage : new TracedStage(stage, trace);
  }

  /** The shared OkHttp client with every stage and the client's TLS settings. */
  public OkHttpClient httpClient() {
    return idempotentHttp;
  }

  /** Runs one buffered call through every stage; returns the decoded, validated value. */
  public <T> T execute(ApiRequest request, ResponseDecoder<T> decoder, Validator<? super T> validator) {
    security.killSwitch().check(request.endpoint().name()); // before any stage: nothing is sent
    try {
      return run(request, decoder, validator);
    } catch (TickGuardException e) {
      throw reported(e, request, config.baseUrl().host());
    }
  }

  /**
   * Reports {@code e} to the security monitor when it is a security event; a provider refusal for the
   * key's restrictions comes back as a {@link KeyRestrictedException} naming this client's egress.
   */
  public TickGuardException reported(TickGuardException e, ApiRequest request, String host) {
    TickGuardException out = classifier.isKeyRestriction(e)
        ? new KeyRestrictedException(e, config.egress().describe()) : e;
    classifier.eventFor(out, config.clock().instant(), host, request.endpoint().name())
        .ifPresent(security::onEvent);
    return out;
  }

  /**
   * Reports {@code e}, which refused or ended a stream of {@code endpoint} on {@code host}, to the
   * security monitor when it is a security event (see {@link SecurityClassifier#eventForStream}).
   */
  public void reportedStream(TickGuardException e, String endpoint, String host) {
    classifier.eventForStream(e, config.clock().instant(), host, endpoint).ifPresent(security::onEvent);
  }

  /** The client's security monitor. */
  public SecurityMonitor security() {
    return security;
  }

  private <T> T run(ApiRequest request, ResponseDecoder<T> decoder, Validator<? super T> validator) {
    CallContext call = CallContext.call(request, guard, config.baseUrl(), config.throttle(), decoder, validator);
    OkHttpClient client = request.retryable() ? idempotentHttp : nonIdempotentHttp;
    Call httpCall = client.newCall(call.seed());
    call.deadline(System.nanoTime() + config.callTimeout().toNanos());
    CallDeadlines.Deadline deadline = CallDeadlines.shared().start(httpCall, config.callTimeout());
    call.bound(deadline);
    boolean answered = false;
    try {
      httpCall.execute().close(); // the Response stage read the body: the value waits in the context
      answered = true;
      return call.result();
    } catch (IOException e) {
      throw transport.translate(deadline.expired() ? timedOut(deadline, e) : e, request, config.baseUrl().host(),
          call.lastAttempt().map(Attempt::transmitted).orElse(false));
    } finally {
      deadline.close();
      if (!answered) {
        // A stage that threw while holding an answer (a failed token refresh after a 401, a throwing
        // response observer) left its body open, and with it a connection no pool eviction reaches.
        call.closeAnswer();
      }
    }
  }

  /**
   * Opens a streamed response through every stage (Resilience makes one attempt); the caller reads
   * and closes the returned response's body. Not bounded by the call timeout: a stream is meant to
   * last.
   *
   * @param baseUrl the stream host ({@code https://}), or the client's
   * @param connects the stream's connect limit
   */
  public OpenedCall openLines(ApiRequest request, HttpUrl baseUrl, Throttle connects) {
    security.killSwitch().check(request.endpoint().name());
    CallContext call = streamCall(request, baseUrl, connects);
    Call httpCall = nonIdempotentHttp.newCall(call.seed());
    try {
      return new OpenedCall(httpCall.execute(), call, httpCall);
    } catch (IOException e) {
      throw transport.translate(e, request, baseUrl.host(), call.lastAttempt().map(Attempt::transmitted).orElse(false));
    }
  }

  /**
   * Starts a WebSocket upgrade through every stage (Resilience makes one attempt); {@code listener}
   * learns the outcome. A stage's typed refusal reaches {@code onFailure} as a {@link StageFailure}:
   * pass it to {@link #translate}.
   */
  public OpenedSocket openWebSocket(
      ApiRequest request, HttpUrl baseUrl, Throttle connects, WebSocketListener listener) {
    security.killSwitch().check(request.endpoint().name());
    CallContext call = streamCall(request, baseUrl, connects);
    return new OpenedSocket(webSocketHttp.newWebSocket(call.seed(), listener), call);
  }

  /** The typed exception for a failure of a call to {@code request} on {@code host}. */
  public TickGuardException translate(IOException e, ApiRequest request, String host) {
    return transport.translate(e, request, host, false);
  }

  private CallContext streamCall(ApiRequest request, HttpUrl baseUrl, Throttle connects) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    RequestGuard streamGuard = baseUrl.equals(config.baseUrl()) ? guard : new RequestGuard(baseUrl, config.userAgent());
    return CallContext.stream(request, streamGuard, baseUrl, connects);
  }

  /** The cancellation OkHttp reports when a bound of the sweeper fired, told as the timeout it is. */
  private IOException timedOut(CallDeadlines.Deadline deadline, IOException cancelled) {
    InterruptedIOException timeout = new InterruptedIOException(deadline.sendStalled()
        ? "write timeout: the request was still being sent, or its answer's headers had not come, after"
            + " writeTimeout + readTimeout (" + timeouts.sendBound() + ")"
        : "call timeout: the whole call took longer than callTimeout " + config.callTimeout());
    timeout.initCause(cancelled);
    return timeout;
  }

  /** The client's authenticator (stream connects present its credentials). */
  public RequestAuthenticator authenticator() {
    return authenticator;
  }

  /**
   * An open streamed response and its call's context.
   *
   * @param response the open response; the caller closes it
   * @param call the call's context (throttle wait of its attempt)
   * @param httpCall the OkHttp call, to cancel a read in progress
   */
  public record OpenedCall(Response response, CallContext call, Call httpCall) {
    /** How long the connect waited for the stream's connect limit. */
    public Duration throttleWait() {
      return call.lastAttempt().map(Attempt::throttleWait).orElse(Duration.ZERO);
    }
  }

  /**
   * A WebSocket being opened and its call's context.
   *
   * @param socket the socket; its listener learns when it opened
   * @param call the call's context (throttle wait of its attempt, once opened)
   */
  public record OpenedSocket(WebSocket socket, CallContext call) {
    /** How long the connect waited for the stream's connect limit. */
    public Duration throttleWait() {
      return call.lastAttempt().map(Attempt::throttleWait).orElse(Duration.ZERO);
    }
  }

  /** A stage wrapped to report entering and leaving to a {@link StageTrace}. */
  private record TracedStage(Stage stage, StageTrace trace) implements Stage {
    @Override
    public String name() {
      return stage.name();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
      trace.entered(stage.name(), chain.request());
      try {
        Response response = stage.intercept(chain);
        trace.left(stage.name(), null);
        return response;
      } catch (IOException | RuntimeException | Error e) {
        trace.left(stage.name(), e);
        throw e;
      }
    }
  }
}
