package io.tickguard.forex.saxo;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.StreamLimits;
import io.tickguard.core.stream.StreamScheduler;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.token.AuthorizationBrowser;
import io.tickguard.core.token.BearerAuthenticator;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.core.token.PkceLogin;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import io.tickguard.core.token.TokenStore;
import io.tickguard.forex.Conversion;
import io.tickguard.forex.ConversionPath;
import io.tickguard.forex.Currency;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.ForexMarketData;
import io.tickguard.forex.ForexValidators;
import io.tickguard.forex.FxCandle;
import io.tickguard.forex.FxInstrument;
import io.tickguard.forex.Granularity;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteListener;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.forex.QuoteStreaming;
import io.tickguard.forex.Rounding;
import io.tickguard.market.internal.DaemonExecutor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Saxo OpenAPI FX spot market data over the TickGuard pipeline, for a user who logs in.
 *
 * <p>Saxo has no API keys: a native app logs its user in once with {@link #login} (authorization
 * code with PKCE through the user's browser and a loopback redirect), after which the client keeps
 * the session alive by itself. Access tokens live about 20 minutes, refresh tokens about an hour, and
 * every refresh returns a new refresh token: the {@link TokenManager} refreshes early, once however
 * many threads ask, stores the new refresh token in the {@link TokenStore} before using it and never
 * sends the old one again. With a {@link io.tickguard.core.token.FileTokenStore} a restarted process
 * resumes the session without a new login, as long as the stored refresh token has not expired.
 *
 * <pre>{@code
 * try (SaxoClient saxo = SaxoClient.builder().appKey("my-app-key")
 *     .tokenStore(new FileTokenStore(Path.of(System.getProperty("user.home"), ".myapp", "saxo.token")))
 *     .build()) {
 *   if (!saxo.hasSession()) {
 *     saxo.login(uri -> System.out.println("Log in at " + uri)); // or open it in the browser
 *   }
 *   Quote eurusd = saxo.quote(CurrencyPair.of("EUR", "USD"));
 * }
 * }</pre>
 *
 * <p>Unless a throttle was chosen (on the builder, or in the {@link ClientConfig} given), calls are
 * throttled to Saxo's 120 requests per minute per session and service group ({@link
 * SaxoLimits#openApi()}), corrected by Saxo's {@code X-RateLimit-*} headers. Prices keep the
 * digits of Saxo's JSON numbers. Pairs map to Saxo's Uics through the FX spot instrument list,
 * fetched once.
 */
public final class SaxoClient implements ForexMarketData, QuoteStreaming {
  /** Most chart samples Saxo returns per call. */
  public static final int MAX_CHART_SAMPLES = 1200;

  private static final Map<Granularity, Integer> HORIZONS = horizons();
  private static final java.security.SecureRandom CONTEXT_IDS = new java.security.SecureRandom();
  private static final List<Currency> CROSS_VIAS = List.of(Currency.of("USD"), Currency.of("EUR"));

  private final ApiClient rest;
  private final ApiClient streaming;
  private final TokenManager tokens;
  private final TokenEndpointClient tokenEndpoint;
  private final okhttp3.OkHttpClient tokenHttp;
  private final TokenStore store;
  private final SaxoUrls urls;
  private final Clock clock;
  private final ForexValidators validators;
  private final ExecutorService async;
  private final Duration loginTimeout;
  private final SaxoStreamSettings streamSettings;
  private final java.util.concurrent.ScheduledExecutorService keeper;
  private final StreamLimits streamLimits;
  private final StreamScheduler streamScheduler;
  private final Object uicLock = new Object();
  private Map<CurrencyPair, Integer> uics; // guarded by uicLock
  private Map<Integer, CurrencyPair> pairsByUic; // guarded by uicLock

  private SaxoClient(Builder b) {
    this.urls = b.urls;
    ClientConfig base = b.config == null ? ClientConfig.builder(urls.rest().toString()).build() : b.config;
    this.clock = base.clock();
    // The builder's throttle, else one the config chose (Throttle.unlimited() included), else Saxo's preset.
    Throttle throttle = b.throttle != null ? b.throttle
        : base.throttleChosen() ? base.throttle()
        : InProcessThrottle.builder(SaxoLimits.openApi()).clock(clock).build();
    ClientConfig restConfig = base.newBuilder().baseUrl(urls.rest().toString()).throttle(throttle).build();
    ClientConfig streamingConfig = base.newBuilder().baseUrl(urls.streaming().toString()).throttle(throttle).build();
    this.tokenHttp = tokenHttp(base);
    this.tokenEndpoint = TokenEndpointClient.builder(tokenHttp, urls.token(), b.appKey)
        .clock(clock).defaultLifetime(Duration.ofMinutes(20))
        .allowPlaintextLoopback(base.plaintextLoopbackAllowed()).build();
    this.store = b.store;
    this.tokens = TokenManager.builder(tokenEndpoint).store(store).clock(clock).refreshMargin(b.refreshMargin)
        .jitter(b.jitter ? max -> java.util.concurrent.ThreadLocalRandom.current().nextLong(max / 4 + 1) : max -> 0)
        .refreshTokenRequired(true).metrics(base.metrics()).build();
    BearerAuthenticator bearer = new BearerAuthenticator(tokens, Set.of());
    this.rest = ApiClient.builder(restConfig).authenticator(bearer).errorDecoder(SaxoErrors.INSTANCE).build();
    this.streaming = ApiClient.builder(streamingConfig).authenticator(bearer).errorDecoder(SaxoErrors.INSTANCE).build();
    this.validators = ForexValidators.of(clock, b.maxQuoteAge, io.tickguard.market.TimestampValidators.DEFAULT_FUTURE_TOLERANCE);
    this.async = DaemonExecutor.create("saxo");
    this.loginTimeout = b.loginTimeout;
    this.streamSettings = b.streamSettings;
    // A connect is a request to the streaming service group: it counts against that group's limit.
    this.streamLimits = StreamLimits.builder().connects(throttle).build();
    this.streamScheduler = b.streamScheduler;
    this.keeper = b.keepAlive.isZero() ? null : startKeeper(b.keepAlive);
  }

  /**
   * Asks the token manager for a token every {@code interval}, so that an idle client (or one that
   * only streams) still refreshes before its access token expires: the refresh token lives an hour
   * and the stream's token must be renewed before Saxo cuts it. The manager decides by its clock
   * whether a refresh is due; this only gives it the chance.
   */
  private java.util.concurrent.ScheduledExecutorService startKeeper(Duration interval) {
    java.util.concurrent.ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tickguard-saxo-session");
      t.setDaemon(true);
      return t;
    });
    s.scheduleWithFixedDelay(() -> {
      try {
        if (hasSession()) {
          tokens.token();
        }
      } catch (RuntimeException e) {
        // The next call reports it to its caller; the keeper only keeps trying.
        org.slf4j.LoggerFactory.getLogger(SaxoClient.class).warn("Saxo session keep-alive could not refresh ({})",
            e.getClass().getSimpleName());
      }
    }, interval.toMillis(), interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    return s;
  }

  /**
   * The login service's own client: the configuration's TLS settings and pins, its timeouts, no
   * redirects (a redirect could carry the code or a refresh token elsewhere).
   */
  private static okhttp3.OkHttpClient tokenHttp(ClientConfig config) {
    okhttp3.OkHttpClient.Builder b = new okhttp3.OkHttpClient.Builder()
        .connectTimeout(config.connectTimeout()).readTimeout(config.readTimeout()).writeTimeout(config.writeTimeout())
        .followRedirects(false).followSslRedirects(false);
    config.proxy().ifPresent(b::proxy);
    config.tls().applyTo(b);
    return b.build();
  }

  /** Starts a builder for Saxo's simulation environment; set the app key with {@link Builder#appKey}. */
  public static Builder builder() {
    return new Builder();
  }

  // ---- session ---------------------------------------------------------------------------------

  /**
   * Logs the user in: opens {@code browser} on Saxo's login page, receives the redirect on a
   * one-shot loopback listener and starts the session with the tokens. Blocks until the login ends.
   *
   * @throws io.tickguard.core.AuthenticationException when the login fails, times out, or its
   *     redirect carries another state than this login's
   */
  public void login(AuthorizationBrowser browser) {
    PkceLogin login = PkceLogin.builder(tokenEndpoint, urls.authorize()).timeout(loginTimeout).build();
    tokens.accept(login.login(browser));
  }

  /** Whether a session exists to resume: a refresh token is stored (it may still have expired). */
  public boolean hasSession() {
    return store.refreshToken().isPresent();
  }

  /** The session's tokens: refreshed early and single-flight; add a listener to follow rotations. */
  public TokenManager tokens() {
    return tokens;
  }

  // ---- ForexMarketData -------------------------------------------------------------------------

  @Override
  public Quote quote(CurrencyPair pair) {
    return quotes(pair).get(0);
  }

  @Override
  public List<Quote> quotes(CurrencyPair... pairs) {
    Objects.requireNonNull(pairs, "pairs");
    if (pairs.length == 0) {
      return List.of();
    }
    List<CurrencyPair> asked = List.of(pairs);
    if (new LinkedHashSet<>(asked).size() != asked.size()) {
      throw new InvalidRequestException("pairs", "Each pair may be asked once: " + asked);
    }
    String uicList = asked.stream().map(p -> Integer.toString(uic(p))).collect(Collectors.joining(","));
    Map<Integer, CurrencyPair> byUic = pairsByUic();
    List<Quote> quotes = rest.execute(
        SaxoEndpoints.INFO_PRICES.request().query("AssetType", "FxSpot").query("Uics", uicList)
            .query("FieldGroups", "Quote,DisplayAndFormat").build(),
        response -> SaxoDecoders.quotes(response.json(), asked, byUic), validators.quotes());
    return quotes.stream().map(validators::flagStale).toList();
  }

  /**
   * Bid and ask candles from {@code /chart/v3/charts} starting in {@code [from, to]}, at most {@link
   * #MAX_CHART_SAMPLES}. Saxo's horizons: 1, 5, 10, 15, 30 minutes, 1, 2, 4, 6, 8 hours, 1 day, 1
   * week, 1 month; other granularities are refused before anything is sent.
   */
  @Override
  public List<FxCandle> candles(CurrencyPair pair, Granularity granularity, Instant from, Instant to) {
    Objects.requireNonNull(pair, "pair");
    Integer horizon = HORIZONS.get(Objects.requireNonNull(granularity, "granularity"));
    if (horizon == null) {
      throw new InvalidRequestException("granularity", "Saxo charts have no " + granularity + " horizon; use one of "
          + HORIZONS.keySet());
    }
    if (from == null || to == null || !from.isBefore(to)) {
      throw new InvalidRequestException("from", "from must be before to, was " + from + " .. " + to);
    }
    long count = granularity.duration()
        .map(d -> Duration.between(from, to).dividedBy(d) + 1)
        .orElse(Duration.between(from, to).toDays() / 28 + 1);
    if (count > MAX_CHART_SAMPLES) {
      throw new InvalidRequestException("to", "Saxo returns at most " + MAX_CHART_SAMPLES + " samples per call; "
          + from + " .. " + to + " spans " + count + " " + granularity + " candles: ask for a shorter window");
    }
    int uic = uic(pair);
    Instant now = clock.instant();
    return rest.execute(
        SaxoEndpoints.CHARTS.request().query("AssetType", "FxSpot").query("Uic", Integer.toString(uic))
            .query("Horizon", Integer.toString(horizon)).query("Mode", "From")
            .query("Time", from.truncatedTo(ChronoUnit.SECONDS).toString()).query("Count", Long.toString(count)).build(),
        response -> SaxoDecoders.candles(response.json(), pair, granularity, from, to, now),
        validators.candles(pair, granularity));
  }

  /** Every FX spot pair Saxo lists, with its pip location, precision and minimum size. */
  @Override
  public List<FxInstrument> instruments() {
    List<FxInstrument> all = new ArrayList<>();
    int top = 1000;
    for (int page = 0; page < 50; page++) {
      ApiRequest request = SaxoEndpoints.INSTRUMENT_DETAILS.request().query("AssetTypes", "FxSpot")
          .query("$top", Integer.toString(top)).query("$skip", Integer.toString(page * top)).build();
      JsonNode body = rest.execute(request, response -> response.json());
      List<FxInstrument> batch = SaxoDecoders.instruments(body);
      if (batch.size() > top) {
        throw new InvalidResponseException("Data", "Saxo returned " + batch.size() + " instruments where at most " + top + " were asked");
      }
      all.addAll(batch);
      if (body.get("__next") == null || batch.isEmpty()) {
        remember(all);
        return List.copyOf(all);
      }
    }
    throw new InvalidResponseException("__next", "Saxo's instrument list did not end after 50 pages");
  }

  /** FX spot instruments whose symbol or description matches {@code keywords} ({@code /ref/v1/instruments}). */
  public List<FxInstrument> search(String keywords) {
    Objects.requireNonNull(keywords, "keywords");
    JsonNode found = rest.execute(
        SaxoEndpoints.INSTRUMENTS.request().query("AssetTypes", "FxSpot").query("Keywords", keywords).build(),
        response -> response.json());
    JsonNode data = SaxoJson.array(found, "Data", "Data");
    if (data.isEmpty()) {
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < data.size(); i++) {
      ids.add(Integer.toString(SaxoJson.integer(data.get(i), "Identifier", "Data[" + i + "].Identifier")));
    }
    JsonNode details = rest.execute(SaxoEndpoints.INSTRUMENT_DETAILS.request().query("AssetTypes", "FxSpot")
        .query("Uics", String.join(",", ids)).build(), response -> response.json());
    return SaxoDecoders.instruments(details);
  }

  /** Converts at the mid of the direct, inverse or cross (through USD or EUR) Saxo quotes. */
  @Override
  public Conversion convert(BigDecimal amount, Currency from, Currency to, Rounding rounding) {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(rounding, "rounding");
    List<CurrencyPair> route = ConversionPath.route(from, to, uicsByPair().keySet(), CROSS_VIAS)
        .orElseThrow(() -> new InvalidRequestException("to", "Saxo quotes no FX spot route from " + from + " to " + to));
    List<Quote> quotes = quotes(route.toArray(new CurrencyPair[0]));
    return Conversion.of(amount, ConversionPath.atMid(from, quotes), rounding);
  }

  // ---- streaming -------------------------------------------------------------------------------

  /**
   * Streams InfoPrices of {@code pairs} over Saxo's WebSocket to {@code listener}, on the core
   * stream session: the connect passes the pipeline's Guard, Throttle (the streaming service
   * group's limit), bearer auth, pinned TLS and audit. One context id per stream, one subscription
   * made over REST, snapshot then deltas applied onto it. The connection is re-authorized after
   * every token refresh, resumes after a drop with the last message id, and recreates the
   * subscription when Saxo resets it. {@code options} sets the buffer, its backpressure and the
   * reconnect policy.
   */
  @Override
  public QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteStreamOptions options, QuoteListener listener) {
    Objects.requireNonNull(listener, "listener");
    return openStream(pairs, options, spec -> streaming.openStream(spec, listener));
  }

  /** As {@link #streamQuotes(Collection, QuoteStreamOptions, QuoteListener)}, for {@link QuoteStream#poll}. */
  @Override
  public QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteStreamOptions options) {
    return openStream(pairs, options, streaming::openStream);
  }

  private QuoteStream openStream(Collection<CurrencyPair> pairs, QuoteStreamOptions options,
      java.util.function.Function<StreamSpec<QuoteEvent>, StreamSession<QuoteEvent>> opener) {
    Objects.requireNonNull(options, "options");
    if (Objects.requireNonNull(pairs, "pairs").isEmpty()) {
      throw new InvalidRequestException("pairs", "Stream at least one pair");
    }
    Map<Integer, CurrencyPair> byUic = new HashMap<>();
    for (CurrencyPair p : pairs) {
      byUic.put(uic(p), p);
    }
    String contextId = newContextId();
    SaxoPricingProtocol protocol = new SaxoPricingProtocol(byUic, (ref, uics) -> subscribe(contextId, ref, uics),
        validators, clock, streamSettings.maxPayloadBytes());
    ApiRequest first = SaxoEndpoints.CONNECT.request().query("contextId", contextId).build();
    StreamSpec.Builder<QuoteEvent> spec = StreamSpec.webSocket(first, protocol)
        .connectFor(reason -> reason == OpenReason.FIRST || protocol.lastMessageId() < 0 ? first
            : SaxoEndpoints.CONNECT.request().query("contextId", contextId)
                .query("messageid", Long.toString(protocol.lastMessageId())).build())
        .limits(streamLimits)
        .reconnect(options.reconnect())
        .heartbeat(streamSettings.heartbeatInterval(), streamSettings.missedHeartbeats())
        .buffer(options.bufferCapacity(), options.backpressure())
        // A message is frames: their headers (at most 8 + 2 + 1 + 255 + 1 + 4 bytes each) and payloads.
        .maxMessageBytes((int) Math.min(Integer.MAX_VALUE, 2L * Math.max(streamSettings.maxPayloadBytes(), 1 << 20)))
        .reauthorizer(() -> streaming.execute(
            SaxoEndpoints.AUTHORIZE_STREAM.request().query("contextid", contextId).build(), r -> Boolean.TRUE))
        .clock(clock);
    if (streamScheduler != null) {
      spec.scheduler(streamScheduler);
    }
    java.util.concurrent.atomic.AtomicReference<StreamSession<QuoteEvent>> open = new java.util.concurrent.atomic.AtomicReference<>();
    // Registered before the connect, so a refresh during it still re-authorizes the new connection.
    AutoCloseable reauthorizeOnRefresh = tokens.addListener(token -> {
      StreamSession<QuoteEvent> session = open.get();
      if (session != null && !session.state().isFinal()) {
        session.reauthorize();
      }
    });
    StreamSession<QuoteEvent> session;
    try {
      session = opener.apply(spec.build());
    } catch (RuntimeException e) {
      closeQuietly(reauthorizeOnRefresh);
      throw e;
    }
    open.set(session);
    return new QuoteStream(Set.copyOf(byUic.values()), session, () -> {
      closeQuietly(reauthorizeOnRefresh);
      protocol.referenceId().ifPresent(ref -> unsubscribe(contextId, ref));
    });
  }

  /** Creates the InfoPrice subscription {@code ref} on {@code contextId}; Saxo's answer holds the snapshot. */
  private JsonNode subscribe(String contextId, String ref, Map<Integer, CurrencyPair> byUic) {
    tools.jackson.databind.node.ObjectNode body = io.tickguard.core.json.StrictJson.mapper().createObjectNode()
        .put("ContextId", contextId).put("ReferenceId", ref).put("Format", "application/json")
        .put("RefreshRate", streamSettings.refreshRateMillis());
    tools.jackson.databind.node.ObjectNode arguments = body.putObject("Arguments").put("AssetType", "FxSpot");
    arguments.put("Uics", byUic.keySet().stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
    arguments.putArray("FieldGroups").add("Quote").add("DisplayAndFormat");
    return rest.execute(SaxoEndpoints.SUBSCRIBE.request()
        .jsonBody(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).build(), response -> response.json());
  }

  /** Removes a closed stream's subscription; a failure only leaves it to expire with its context. */
  private void unsubscribe(String contextId, String ref) {
    try {
      rest.execute(SaxoEndpoints.UNSUBSCRIBE.request().path("ContextId", contextId).path("ReferenceId", ref).build(),
          r -> Boolean.TRUE);
    } catch (io.tickguard.core.TickGuardException e) {
      org.slf4j.LoggerFactory.getLogger(SaxoClient.class).debug("Saxo stream {} could not remove its subscription ({})",
          contextId, e.getClass().getSimpleName());
    }
  }

  private static void closeQuietly(AutoCloseable registration) {
    try {
      registration.close();
    } catch (Exception ignored) {
      // removing a listener from a list cannot fail
    }
  }

  private static String newContextId() {
    byte[] id = new byte[12];
    CONTEXT_IDS.nextBytes(id);
    return "tg-" + java.util.HexFormat.of().formatHex(id);
  }

  @Override
  public Executor asyncExecutor() {
    return async;
  }

  @Override
  public void close() {
    if (keeper != null) {
      keeper.shutdownNow();
    }
    async.shutdownNow();
    rest.close();
    streaming.close();
    tokenHttp.dispatcher().executorService().shutdown();
    tokenHttp.connectionPool().evictAll();
    if (store instanceof AutoCloseable closeable) {
      try {
        closeable.close(); // a FileTokenStore's lock: the next client (a restart, the next CLI command) may open it
      } catch (Exception e) {
        org.slf4j.LoggerFactory.getLogger(SaxoClient.class).debug("Closing the token store failed ({})", e.getClass().getSimpleName());
      }
    }
  }

  // ---- Uics ------------------------------------------------------------------------------------

  private int uic(CurrencyPair pair) {
    Integer uic = uicsByPair().get(Objects.requireNonNull(pair, "pair"));
    if (uic == null) {
      throw new InvalidRequestException("pair", "Saxo lists no FxSpot instrument for " + pair
          + (uicsByPair().containsKey(pair.inverse()) ? "; it quotes " + pair.inverse() : ""));
    }
    return uic;
  }

  private Map<CurrencyPair, Integer> uicsByPair() {
    synchronized (uicLock) {
      if (uics == null) {
        instruments();
      }
      return uics;
    }
  }

  private Map<Integer, CurrencyPair> pairsByUic() {
    synchronized (uicLock) {
      if (pairsByUic == null) {
        instruments();
      }
      return pairsByUic;
    }
  }

  private void remember(List<FxInstrument> list) {
    Map<CurrencyPair, Integer> byPair = new HashMap<>();
    Map<Integer, CurrencyPair> byUic = new HashMap<>();
    for (FxInstrument i : list) {
      int uic = Integer.parseInt(i.providerSymbol());
      byPair.put(i.pair(), uic);
      byUic.put(uic, i.pair());
    }
    synchronized (uicLock) {
      this.uics = Map.copyOf(byPair);
      this.pairsByUic = Map.copyOf(byUic);
    }
  }

  private static Map<Granularity, Integer> horizons() {
    Map<Granularity, Integer> m = new EnumMap<>(Granularity.class);
    m.put(Granularity.M1, 1);
    m.put(Granularity.M5, 5);
    m.put(Granularity.M10, 10);
    m.put(Granularity.M15, 15);
    m.put(Granularity.M30, 30);
    m.put(Granularity.H1, 60);
    m.put(Granularity.H2, 120);
    m.put(Granularity.H4, 240);
    m.put(Granularity.H6, 360);
    m.put(Granularity.H8, 480);
    m.put(Granularity.D1, 1440);
    m.put(Granularity.W1, 10080);
    m.put(Granularity.MN1, 43200);
    return Map.copyOf(m);
  }

  @Override
  public String toString() {
    return "SaxoClient{" + urls.rest().host() + "}";
  }

  /** Builds a {@link SaxoClient}. */
  public static final class Builder {
    private String appKey;
    private SaxoUrls urls = SaxoUrls.simulation();
    private ClientConfig config;
    private Throttle throttle;
    private TokenStore store = new InMemoryTokenStore();
    private Duration refreshMargin = Duration.ofMinutes(2);
    private boolean jitter = true;
    private Duration maxQuoteAge = ForexValidators.DEFAULT_MAX_QUOTE_AGE;
    private Duration loginTimeout = Duration.ofMinutes(5);
    private SaxoStreamSettings streamSettings = SaxoStreamSettings.defaults();
    private Duration keepAlive = Duration.ofSeconds(30);
    private StreamScheduler streamScheduler;

    private Builder() {}

    /** The scheduler of stream timers (idle checks, reconnect backoff, re-authorization); tests pass a manual one. */
    public Builder streamScheduler(StreamScheduler scheduler) {
      this.streamScheduler = Objects.requireNonNull(scheduler, "streamScheduler");
      return this;
    }

    /**
     * How often the client lets its token manager refresh on its own, so an idle or streaming-only
     * client keeps its session (default 30 s; {@link Duration#ZERO} turns it off, for tests on
     * virtual time that drive refreshes themselves).
     */
    public Builder keepAlive(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new InvalidRequestException("keepAlive", "keepAlive must not be negative");
      }
      this.keepAlive = interval;
      return this;
    }

    /** The app key (OAuth client id) of a native app registered at Saxo's developer portal. */
    public Builder appKey(String appKey) {
      Objects.requireNonNull(appKey, "appKey");
      if (!appKey.matches("[A-Za-z0-9_-]{1,100}")) {
        throw new InvalidRequestException("appKey", "appKey must be the app key Saxo issued (letters, digits, '-', '_')");
      }
      this.appKey = appKey;
      return this;
    }

    /** The environment (default {@link SaxoUrls#simulation()}). */
    public Builder urls(SaxoUrls urls) {
      this.urls = Objects.requireNonNull(urls, "urls");
      return this;
    }

    /**
     * TLS, pins, timeouts, clock, metrics and, when it chose one, the throttle; its base URL is
     * replaced by {@link #urls}'.
     */
    public Builder config(ClientConfig config) {
      this.config = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The rate limiter. Without one, the throttle chosen in {@link #config(ClientConfig)} ({@link
     * ClientConfig.Builder#throttle}) is used, else Saxo's published limits, {@link
     * SaxoLimits#openApi()}. Any chosen throttle replaces the preset, {@link Throttle#unlimited()}
     * included; this one wins over the config's.
     */
    public Builder throttle(Throttle throttle) {
      this.throttle = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /**
     * Where the refresh token lives (default in memory: a restart needs a new login). The client
     * owns the store: {@link SaxoClient#close()} closes it when it is {@link AutoCloseable} (a
     * {@code FileTokenStore} then releases its file).
     */
    public Builder tokenStore(TokenStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** How long before expiry the access token is refreshed (default 2 minutes, plus jitter). */
    public Builder refreshMargin(Duration margin) {
      Objects.requireNonNull(margin, "margin");
      if (margin.isNegative()) {
        throw new InvalidRequestException("refreshMargin", "refreshMargin must not be negative");
      }
      this.refreshMargin = margin;
      return this;
    }

    /** Whether to add up to a quarter of the margin as random jitter (default on; tests turn it off). */
    public Builder refreshJitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    /** Quotes older than this when received are flagged stale (default 30 s). */
    public Builder maxQuoteAge(Duration age) {
      this.maxQuoteAge = Objects.requireNonNull(age, "age");
      return this;
    }

    /** How long {@link SaxoClient#login} waits for the user (default 5 minutes). */
    public Builder loginTimeout(Duration timeout) {
      this.loginTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Liveness, frame size and refresh rate of {@link SaxoClient#streamQuotes} (reconnects: {@link QuoteStreamOptions}). */
    public Builder streamSettings(SaxoStreamSettings settings) {
      this.streamSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** Builds the client; it makes no call until the first request. */
    public SaxoClient build() {
      if (appKey == null) {
        throw new InvalidRequestException("appKey", "Set the app key Saxo issued with appKey(...)");
      }
      return new SaxoClient(this);
    }
  }
}
