package io.tickguard.core;

import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.internal.ResponseHandler;
import io.tickguard.core.internal.pipeline.Pipeline;
import io.tickguard.core.internal.pipeline.StageTrace;
import io.tickguard.core.internal.stream.StreamOpener;
import io.tickguard.core.observe.Redactor;
import io.tickguard.core.observe.ResponseObserver;
import io.tickguard.core.observe.internal.AuditLogger;
import io.tickguard.core.observe.internal.DeprecationMonitor;
import io.tickguard.core.security.KillSwitch;
import io.tickguard.core.security.SecurityMonitor;
import io.tickguard.core.security.UsageSnapshot;
import io.tickguard.core.security.internal.SecurityClassifier;
import io.tickguard.core.security.internal.SecurityMetricsBridge;
import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.validate.Validator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import okhttp3.OkHttpClient;

/**
 * The secure transport every provider client is built on: it runs an {@link ApiRequest} through the
 * pipeline (Guard, clock sync, Response, Resilience, Auth, Observe, Throttle, Sign, TLS transport;
 * see docs/transport.md) and returns a valid typed value or throws a typed {@link
 * TickGuardException}. Streams ({@link #openStream}) are opened through the same stages.
 *
 * <p>One instance owns one OkHttp client (connection pool, dispatcher, TLS settings): share it for
 * the life of the application and close it at the end. It is thread-safe.
 *
 * <pre>{@code
 * try (ApiClient api = ApiClient.builder(ClientConfig.builder("https://api.example.com").build()).build()) {
 *   Ticker t = api.execute(TICKER.request().query("symbol", "BTCUSDT").build(), TickerDecoder.INSTANCE);
 * }
 * }</pre>
 */
public final class ApiClient implements AutoCloseable {
  /** Headers a provider's request id is read from, in order. */
  public static final List<String> DEFAULT_REQUEST_ID_HEADERS =
      List.of("X-Request-Id", "Request-Id", "X-Correlation-Id", "X-Amzn-RequestId", "CF-Ray");

  private final ClientConfig config;
  private final Pipeline pipeline;
  private final StreamOpener streams;
  private final ExecutorService asyncExecutor;
  private volatile boolean closed;

  private ApiClient(Builder b) {
    ClasspathCompatibility.require(); // a second OkHttp or an old jackson-annotations: refuse now, not mid-call
    this.config = b.config;
    ResponseHandler responses =
        new ResponseHandler(config.maxResponseBytes(), b.errorDecoder, b.requestIdHeaders, config.clock(), b.redactor);
    this.pipeline = new Pipeline(
        config, b.authenticator, responses, b.responseObserver, b.serverClock, b.audit, b.trace, b.security,
        new SecurityClassifier(b.keyRestrictionCodes));
    this.streams = new StreamOpener(config, pipeline, b.audit);
    this.asyncExecutor = Executors.newCachedThreadPool(daemonThreads());
  }

  /** Starts a client for {@code config}. */
  public static Builder builder(ClientConfig config) {
    return new Builder(config);
  }

  /** The configuration this client was built with. */
  public ClientConfig config() {
    return config;
  }

  /**
   * This client's security monitor: its events go to the configured listener ({@code
   * ClientConfig.Builder#security}), it owns the client's {@link KillSwitch} and usage counts. Pass
   * it to {@code TokenManager.Builder#securityEvents} so token failures are watched too.
   */
  public SecurityMonitor security() {
    return pipeline.security();
  }

  /** The client's kill switch: engaged, it refuses every call before anything is sent. */
  public KillSwitch killSwitch() {
    return pipeline.security().killSwitch();
  }

  /** Calls, request weight per endpoint and per limit window, and calls per credential, so far. */
  public UsageSnapshot usage() {
    return pipeline.security().usage();
  }

  /**
   * The shared OkHttp client, with this client's TLS settings and pins. Requests made with it
   * directly bypass the pipeline (no guard, throttle or audit): for tests and raw diagnostics only;
   * open streams with {@link #openStream}.
   */
  public OkHttpClient httpClient() {
    return pipeline.httpClient();
  }

  /** Runs {@code request} and decodes its response; the decoded value is not further validated. */
  public <T> T execute(ApiRequest request, ResponseDecoder<T> decoder) {
    return execute(request, decoder, Validator.none());
  }

  /**
   * Runs {@code request}, decodes the response and validates the result.
   *
   * @throws InvalidRequestException an input broke its endpoint's rules (nothing was sent)
   * @throws PermissionDeniedException the credentials lack the endpoint's scope (nothing was sent)
   * @throws RateLimitedException a client-side or provider rate limit was hit
   * @throws AuthenticationException the provider refused the credentials
   * @throws InvalidResponseException the response was not a valid value
   * @throws ProviderException the provider reported another error
   * @throws TransportException the network or TLS failed
   */
  public <T> T execute(ApiRequest request, ResponseDecoder<T> decoder, Validator<? super T> validator) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(decoder, "decoder");
    Objects.requireNonNull(validator, "validator");
    try {
      if (closed) {
        throw new ClientClosedException("call " + request.endpoint().name());
      }
      return pipeline.execute(request, decoder, validator);
    } finally {
      // A call that outlived close() has just returned its connection to the pool: evict it now, or
      // it would idle there for OkHttp's keep-alive with nobody left to close it. Every such call
      // evicts (only idle connections go), so the last one out leaves none, and calls need no shared
      // counter of their own that every caller would write.
      if (closed) {
        pipeline.httpClient().connectionPool().evictAll();
      }
    }
  }

  /** {@link #execute(ApiRequest, ResponseDecoder, Validator)} on a TickGuard worker thread. */
  public <T> CompletableFuture<T> executeAsync(
      ApiRequest request, ResponseDecoder<T> decoder, Validator<? super T> validator) {
    try {
      if (!closed) {
        return CompletableFuture.supplyAsync(() -> execute(request, decoder, validator), asyncExecutor);
      }
    } catch (RejectedExecutionException e) {
      // close() ran between the check and the submit: refused like any use after close
    }
    return CompletableFuture.failedFuture(new ClientClosedException("async call " + request.endpoint().name()));
  }

  /**
   * Opens a stream through the pipeline and delivers its events and signals to {@code listener} on
   * the session's own delivery thread. The first connect happens before this method returns: it
   * runs the Guard on {@code spec.connect()}, waits for the stream's connect limit, authenticates
   * the connect request with this client's authenticator, connects over this client's TLS (pins
   * included) and sends the protocol's subscribe messages. Later connects (after a loss) are the
   * session's, under the spec's {@link io.tickguard.core.stream.ReconnectPolicy}.
   *
   * @throws InvalidRequestException the connect request broke its endpoint's rules (nothing was sent)
   * @throws PermissionDeniedException the credentials lack the endpoint's scope (nothing was sent)
   * @throws RateLimitedException the stream's connect limit refused within its bound
   * @throws CertificatePinningException the stream host's certificate matched no pin
   * @throws AuthenticationException the provider refused the credentials
   * @throws ProviderException the provider answered the connect with an error status
   * @throws TransportException the network or TLS failed
   */
  public <E> io.tickguard.core.stream.StreamSession<E> openStream(
      io.tickguard.core.stream.StreamSpec<E> spec, io.tickguard.core.stream.StreamListener<E> listener) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(listener, "listener");
    return streams.open(spec, listener);
  }

  /**
   * Opens a stream like {@link #openStream(io.tickguard.core.stream.StreamSpec,
   * io.tickguard.core.stream.StreamListener)} in queue mode: events wait in the bounded buffer for
   * {@link io.tickguard.core.stream.StreamSession#poll}; signals are not delivered (read {@link
   * io.tickguard.core.stream.StreamSession#state()} instead).
   */
  public <E> io.tickguard.core.stream.StreamSession<E> openStream(io.tickguard.core.stream.StreamSpec<E> spec) {
    Objects.requireNonNull(spec, "spec");
    return streams.open(spec, null);
  }

  /** Unwraps the {@link TickGuardException} of a failed future's {@link CompletionException}. */
  public static RuntimeException unwrap(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause instanceof RuntimeException r ? r : new TickGuardException("Call failed", cause);
  }

  /**
   * Releases threads and connections. Streams are closed; calls in flight are allowed to finish, and
   * the last of them closes its connection on the way out, so nothing stays pooled. Later calls and
   * streams are refused with {@link ClientClosedException}. Idempotent.
   */
  @Override
  public void close() {
    closed = true;
    streams.close();
    asyncExecutor.shutdown();
    pipeline.httpClient().dispatcher().executorService().shutdown();
    pipeline.httpClient().connectionPool().evictAll();
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "tickguard-async-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Builds an {@link ApiClient}. */
  public static final class Builder {
    private final ClientConfig config;
    private RequestAuthenticator authenticator = RequestAuthenticator.anonymous();
    private ErrorDecoder errorDecoder = ErrorDecoder.standard();
    private List<String> requestIdHeaders = DEFAULT_REQUEST_ID_HEADERS;
    private ResponseObserver responseObserver;
    private ServerClock serverClock;
    private AuditLogger audit = new AuditLogger();
    private StageTrace trace;
    private Redactor redactor = Redactor.standard();
    private Predicate<String> keyRestrictionCodes = code -> false;
    private final SecurityMonitor security;

    private Builder(ClientConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      this.security = SecurityMonitor.create(config.security(), config.clock());
      this.responseObserver =
          new DeprecationMonitor(new SecurityMetricsBridge(config.metrics(), security))::onResponse;
    }

    /**
     * Also shows every response to {@code observer} (for example a server-clock sampler reading
     * {@code Date}); deprecation warnings stay on. It must not consume or close the body.
     */
    public Builder responseObserver(ResponseObserver observer) {
      Objects.requireNonNull(observer, "observer");
      ResponseObserver deprecations = this.responseObserver;
      this.responseObserver = (request, response) -> {
        deprecations.onResponse(request, response);
        observer.onResponse(request, response);
      };
      return this;
    }

    /** How calls are authenticated and signed; anonymous (public data only) by default. */
    public Builder authenticator(RequestAuthenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /** How error responses become exceptions; the provider's own decoder reads its error codes. */
    public Builder errorDecoder(ErrorDecoder errorDecoder) {
      this.errorDecoder = Objects.requireNonNull(errorDecoder, "errorDecoder");
      return this;
    }

    /**
     * The provider's server-corrected clock: every response's {@code Date} header is fed to it, and
     * a call refused with {@link ClockSkewException} triggers {@link ServerClock#resyncNow()} and one
     * retry. Pass the same clock to the signer so timestamps follow the provider's time.
     */
    public Builder serverClock(ServerClock clock) {
      this.serverClock = Objects.requireNonNull(clock, "serverClock");
      io.tickguard.core.security.internal.ClockJumpWatch jumps = new io.tickguard.core.security.internal.ClockJumpWatch(
          clock::offset, security, config.clock(), config.baseUrl().host());
      return responseObserver((request, response) -> {
        String date = response.header("Date");
        if (date != null) {
          // OkHttp stamps with the wall clock; only the round trip is taken from it, so that the
          // sample is on the same (possibly configured) clock as the offset it is compared with.
          clock.observeDate(date, java.time.Duration.ofMillis(
              response.receivedResponseAtMillis() - response.sentRequestAtMillis()));
          jumps.sampled();
        }
      });
    }

    /** The headers the provider's request id is read from. */
    public Builder requestIdHeaders(List<String> names) {
      this.requestIdHeaders = List.copyOf(names);
      return this;
    }

    /**
     * Also treats the values of header {@code names} as secrets (case-insensitive), on top of the
     * generic ones ({@link Redactor#SECRET_HEADERS}): a provider client registers its own credential
     * headers here ({@code X-MBX-APIKEY}, {@code API-Sign}, ...), so a provider's answer that echoes
     * one back is scrubbed before it reaches an exception or a log.
     *
     * @throws IllegalArgumentException a name is not a header name token
     */
    public Builder secretHeaders(String... names) {
      this.redactor = redactor.withSecretHeaders(List.of(names));
      return this;
    }

    /**
     * Also treats the values of query or form parameter {@code names} as secrets (case-insensitive),
     * on top of the generic ones ({@link Redactor#SECRET_PARAMETERS}).
     *
     * @throws IllegalArgumentException a name is not a parameter name token
     */
    public Builder secretParameters(String... names) {
      this.redactor = redactor.withSecretParameters(List.of(names));
      return this;
    }

    /**
     * Also treats a refusal whose provider code {@code codes} accepts as the key's restrictions (its
     * IP allow-list or permissions) refusing the call: it is thrown as a {@link
     * io.tickguard.core.security.KeyRestrictedException} naming this client's egress, and reported
     * as a {@code CREDENTIAL_REJECTED} security event. Core knows no provider's codes; a provider
     * client registers its own here (Binance {@code -2014}/{@code -2015}, Kraken {@code
     * EGeneral:Permission denied}). Repeated calls add to the codes; none by default.
     */
    public Builder keyRestrictionCodes(Predicate<String> codes) {
      Objects.requireNonNull(codes, "codes");
      this.keyRestrictionCodes = this.keyRestrictionCodes.or(codes);
      return this;
    }

    /** Wiring for tests in core only: reports every stage entered and left, in order. */
    Builder stageTrace(StageTrace trace) {
      this.trace = Objects.requireNonNull(trace, "trace");
      return this;
    }

    /** Builds the client and its OkHttp client; close it when done. */
    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
