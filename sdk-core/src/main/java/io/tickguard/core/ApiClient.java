package io.tickguard.core;

import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.internal.AttemptInterceptor;
import io.tickguard.core.internal.CallDeadlines;
import io.tickguard.core.internal.RequestGuard;
import io.tickguard.core.internal.ResilienceInterceptor;
import io.tickguard.core.internal.ResponseHandler;
import io.tickguard.core.internal.SigningInterceptor;
import io.tickguard.core.internal.TransportFailures;
import io.tickguard.core.observe.AuditLogger;
import io.tickguard.core.observe.Redactor;
import io.tickguard.core.observe.DeprecationMonitor;
import io.tickguard.core.observe.ResponseObserver;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.tls.TlsFailures;
import io.tickguard.core.validate.Validator;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.ConnectionSpec;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The secure transport every provider client is built on: it runs an {@link ApiRequest} through the
 * pipeline (Guard, Resilience, Throttle, Auth and Sign, TLS transport, Response, Observe) and returns
 * a valid typed value or throws a typed {@link TickGuardException}.
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
  private final RequestAuthenticator authenticator;
  private final RequestGuard guard;
  private final ResponseHandler responses;
  private final OkHttpClient idempotentHttp;
  private final OkHttpClient nonIdempotentHttp;
  private final ExecutorService asyncExecutor;
  private final ServerClock serverClock;

  private ApiClient(Builder b) {
    this.config = b.config;
    this.authenticator = b.authenticator;
    this.guard = new RequestGuard(config.baseUrl(), config.userAgent());
    this.responses = new ResponseHandler(config.maxResponseBytes(), b.errorDecoder, b.requestIdHeaders, config.clock());
    this.idempotentHttp = newHttpClient(config, authenticator, responses, b.responseObserver);
    // Same pool and dispatcher; OkHttp must not silently resend a write on a failed connection.
    this.nonIdempotentHttp = idempotentHttp.newBuilder().retryOnConnectionFailure(false).build();
    this.asyncExecutor = Executors.newCachedThreadPool(daemonThreads());
    this.serverClock = b.serverClock;
  }

  /** Starts a client for {@code config}. */
  public static Builder builder(ClientConfig config) {
    return new Builder(config);
  }

  private static OkHttpClient newHttpClient(
      ClientConfig config, RequestAuthenticator authenticator, ResponseHandler responses,
      ResponseObserver observer) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(64);
    dispatcher.setMaxRequestsPerHost(64);
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(
                new ConnectionPool(config.maxIdleConnections(), config.keepAlive().toMillis(), TimeUnit.MILLISECONDS))
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.writeTimeout())
            // No OkHttp callTimeout: CallDeadlines bounds the whole call more cheaply (see there).
            // A redirect would carry X-MBX-APIKEY-style headers to another host; OkHttp strips only
            // Authorization. Providers do not redirect API calls, so a redirect is an error.
            .followRedirects(false)
            .followSslRedirects(false)
            // Bound once per client: the breaker belongs to this host and reports to this listener.
            .addInterceptor(new ResilienceInterceptor(
                config.resilience().bind(config.baseUrl().host(), config.metrics())))
            .addInterceptor(
                new AttemptInterceptor(
                    config.throttle(), authenticator, new AuditLogger(), config.metrics(),
                    responses::requestId, observer))
            .addNetworkInterceptor(new SigningInterceptor(authenticator));
    config.proxy().ifPresent(http::proxy);
    config.tls().applyTo(http); // last but one: nothing may loosen TLS after it
    if (!config.baseUrl().isHttps()) {
      // ClientConfig admits http:// only for a loopback host with an explicit opt-in.
      http.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    return http.build();
  }

  /** The configuration this client was built with. */
  public ClientConfig config() {
    return config;
  }

  /**
   * The shared OkHttp client, with this client's TLS settings and pins, for WebSocket streams of the
   * same provider. Calls made with it directly bypass the pipeline (no throttle, no audit).
   */
  public OkHttpClient httpClient() {
    return idempotentHttp;
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
    Request http = guard.toHttpRequest(request, authenticator.grantedScopes());
    try {
      return call(http, request, decoder, validator);
    } catch (ClockSkewException skew) {
      if (serverClock == null) {
        throw skew;
      }
      // The provider refused the timestamp without acting on it: resync, then one fresh attempt.
      resync(skew);
      return call(http, request, decoder, validator);
    }
  }

  private <T> T call(Request http, ApiRequest request, ResponseDecoder<T> decoder, Validator<? super T> validator) {
    OkHttpClient client = request.retryable() ? idempotentHttp : nonIdempotentHttp;
    Call httpCall = client.newCall(http);
    CallDeadlines.Deadline deadline = CallDeadlines.shared().start(httpCall, config.callTimeout());
    try (Response response = httpCall.execute()) {
      try {
        return responses.handle(request, response, decoder, validator);
      } catch (RateLimitedException refusal) {
        if (!refusal.clientSide() && response.isSuccessful()) {
          // A 429 already reached the throttle through onResponse; a refusal inside a 200 did not.
          config.throttle().onRateLimitInBody(request, refusal);
        }
        throw refusal;
      }
    } catch (IOException e) {
      throw translate(deadline.expired() ? callTimedOut(e) : e, request, http.url().host());
    } finally {
      deadline.close();
    }
  }

  /** The cancellation OkHttp reports when the deadline fired, told as the timeout it is. */
  private IOException callTimedOut(IOException cancelled) {
    InterruptedIOException timeout = new InterruptedIOException(
        "call timeout: the whole call took longer than callTimeout " + config.callTimeout());
    timeout.initCause(cancelled);
    return timeout;
  }

  private void resync(ClockSkewException skew) {
    try {
      serverClock.resyncNow();
    } catch (IOException | RuntimeException e) {
      skew.addSuppressed(new TransportException(
          "Resynchronising the server clock after a rejected timestamp failed", Redactor.sanitize(e)));
      throw skew;
    }
  }

  private TickGuardException translate(IOException e, ApiRequest request, String host) {
    Optional<TickGuardException> tls = TlsFailures.translate(e, host);
    if (tls.isPresent()) {
      if (tls.get() instanceof CertificatePinningException) {
        config.metrics().onPinFailure(host);
      }
      return tls.get();
    }
    return TransportFailures.translate(e, request, host);
  }

  /** {@link #execute(ApiRequest, ResponseDecoder, Validator)} on a TickGuard worker thread. */
  public <T> CompletableFuture<T> executeAsync(
      ApiRequest request, ResponseDecoder<T> decoder, Validator<? super T> validator) {
    return CompletableFuture.supplyAsync(() -> execute(request, decoder, validator), asyncExecutor);
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
    throw new UnsupportedOperationException("streams are being implemented (issue 11)");
  }

  /**
   * Opens a stream like {@link #openStream(io.tickguard.core.stream.StreamSpec,
   * io.tickguard.core.stream.StreamListener)} in queue mode: events wait in the bounded buffer for
   * {@link io.tickguard.core.stream.StreamSession#poll}; signals are not delivered (read {@link
   * io.tickguard.core.stream.StreamSession#state()} instead).
   */
  public <E> io.tickguard.core.stream.StreamSession<E> openStream(io.tickguard.core.stream.StreamSpec<E> spec) {
    Objects.requireNonNull(spec, "spec");
    throw new UnsupportedOperationException("streams are being implemented (issue 11)");
  }

  /** Unwraps the {@link TickGuardException} of a failed future's {@link CompletionException}. */
  public static RuntimeException unwrap(Throwable t) {
    Throwable cause = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    return cause instanceof RuntimeException r ? r : new TickGuardException("Call failed", cause);
  }

  /** Releases threads and connections; calls in flight are allowed to finish. */
  @Override
  public void close() {
    asyncExecutor.shutdown();
    idempotentHttp.dispatcher().executorService().shutdown();
    idempotentHttp.connectionPool().evictAll();
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

    private Builder(ClientConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      this.responseObserver = new DeprecationMonitor(config.metrics())::onResponse;
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
      return responseObserver((request, response) -> {
        String date = response.header("Date");
        if (date != null) {
          // OkHttp stamps with the wall clock; only the round trip is taken from it, so that the
          // sample is on the same (possibly configured) clock as the offset it is compared with.
          clock.observeDate(date, java.time.Duration.ofMillis(
              response.receivedResponseAtMillis() - response.sentRequestAtMillis()));
        }
      });
    }

    /** The headers the provider's request id is read from. */
    public Builder requestIdHeaders(List<String> names) {
      this.requestIdHeaders = List.copyOf(names);
      return this;
    }

    /** Builds the client and its OkHttp client; close it when done. */
    public ApiClient build() {
      return new ApiClient(this);
    }
  }
}
