package io.tickguard.forex.oanda;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.stream.StreamLimits;
import io.tickguard.core.stream.StreamScheduler;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.Throttle;
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
import io.tickguard.forex.oanda.internal.OandaDecoders;
import io.tickguard.forex.oanda.internal.OandaEndpoints;
import io.tickguard.forex.oanda.internal.OandaErrorDecoder;
import io.tickguard.forex.oanda.internal.OandaPricingProtocol;
import io.tickguard.forex.oanda.internal.OandaTokenAuthenticator;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.MarketDataClientBuilder;
import io.tickguard.market.internal.ClientCore;
import io.tickguard.market.internal.Requests;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OANDA v20 market data over the TickGuard pipeline: quotes, candles, instruments and conversions
 * for one account, its summary, and the chunked pricing stream. Every call carries the personal
 * access token as {@code Authorization: Bearer}; the token is redacted from logs and messages.
 *
 * <pre>{@code
 * try (OandaClient oanda = OandaClient.builder()
 *         .environment(OandaEnvironment.PRACTICE)
 *         .credentials(OandaKeys.token(Secret.fromEnv("OANDA_TOKEN")))
 *         .accountId("101-004-1435156-001")
 *         .build()) {
 *   Quote eurUsd = oanda.quote(CurrencyPair.parse("EUR/USD"));
 *   Conversion c = oanda.convert(new BigDecimal("250"), Currency.of("EUR"), Currency.of("JPY"));
 * }
 * }</pre>
 *
 * <p>Unless a throttle is given, REST calls count against {@link OandaLimits#rest()} (120 per
 * second); stream connects against 2 per second; a 21st open stream is refused before connecting.
 * Pip locations come from OANDA's instrument list, fetched once on first need.
 */
public final class OandaClient implements ForexMarketData, QuoteStreaming {
  /** OANDA's heartbeat interval on the pricing stream. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
  /** The most pairs one pricing call or stream asks for. */
  public static final int MAX_INSTRUMENTS = 200;
  /** The most candles one call may span ({@code count <= 5000}). */
  public static final int MAX_CANDLES = 5000;

  private static final List<Currency> CROSS_VIAS = List.of(Currency.of("USD"), Currency.of("EUR"));
  private static final Map<Granularity, String> GRANULARITIES = granularities();

  private final ClientCore core;
  private final ApiClient api;
  private final ForexValidators validators;
  private final String account;
  private final String streamBaseUrl;
  private final StreamLimits streamLimits;
  private final StreamScheduler streamScheduler;
  private final Clock clock;
  private final int missedHeartbeats;
  private final Semaphore openStreams = new Semaphore(OandaLimits.MAX_STREAMS);
  private volatile Map<CurrencyPair, FxInstrument> index;

  private OandaClient(ClientCore core, Builder b, ClientConfig config, String streamBaseUrl) {
    this.core = core;
    this.api = core.api();
    this.validators = ForexValidators.of(core.timestamps(), b.maxQuoteAge);
    this.account = b.accountId;
    this.streamBaseUrl = streamBaseUrl;
    this.clock = config.clock();
    this.streamLimits = StreamLimits.builder()
        .connects(b.streamConnects != null ? b.streamConnects
            : InProcessThrottle.builder("oanda-stream-connects").limit(OandaLimits.streamConnectLimit())
                .clock(config.clock()).build())
        .build();
    this.streamScheduler = b.streamScheduler;
    this.missedHeartbeats = b.missedHeartbeats;
  }

  /** Starts a builder for the practice environment; set the token and the account. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Quote quote(CurrencyPair pair) {
    return quotes(pair).get(0);
  }

  /** One pricing call for all pairs (at most {@value #MAX_INSTRUMENTS} distinct ones). */
  @Override
  public List<Quote> quotes(CurrencyPair... pairs) {
    List<CurrencyPair> asked = pairs("pairs", pairs == null ? null : List.of(pairs));
    List<CurrencyPair> distinct = List.copyOf(new LinkedHashSet<>(asked));
    Map<CurrencyPair, FxInstrument> instruments = instrumentIndex();
    List<Quote> quotes = api.execute(
        OandaEndpoints.PRICING.request().path("accountID", account).query("instruments", wire(distinct)).build(),
        OandaDecoders.prices(distinct, pipLocations(instruments)), validators.quotes());
    Map<CurrencyPair, Quote> byPair = new LinkedHashMap<>();
    quotes.forEach(q -> byPair.put(q.pair(), validators.flagStale(q)));
    return asked.stream().map(byPair::get).toList();
  }

  /**
   * Bid, ask and mid candles starting in {@code [from, to]}, oldest first; the window may span at
   * most {@value #MAX_CANDLES} candles. OANDA's candle covering {@code from} is dropped when it starts
   * before it.
   */
  @Override
  public List<FxCandle> candles(CurrencyPair pair, Granularity granularity, Instant from, Instant to) {
    present(pair, "pair");
    present(granularity, "granularity");
    Requests.window(from, to);
    String wire = GRANULARITIES.get(granularity);
    if (wire == null) {
      throw new InvalidRequestException("granularity", "OANDA has no " + granularity + " candles; choose one of "
          + GRANULARITIES.keySet());
    }
    granularity.duration().ifPresent(d -> {
      long span = Duration.between(from, to).dividedBy(d) + 1;
      if (span > MAX_CANDLES) {
        throw new InvalidRequestException("to", "The window spans " + span + " " + granularity + " candles; OANDA"
            + " answers at most " + MAX_CANDLES + " per call: narrow from/to");
      }
    });
    List<FxCandle> all = api.execute(
        OandaEndpoints.CANDLES.request().path("instrument", pair.underscored()).query("price", "MBA")
            .query("granularity", wire).query("from", from.toString()).query("to", to.toString()).build(),
        OandaDecoders.candles(pair, granularity, wire));
    List<FxCandle> window = all.stream().filter(c -> !c.time().isBefore(from) && !c.time().isAfter(to)).toList();
    validators.candles(pair, granularity).validate(window);
    return window;
  }

  /** The account's currency and metal pairs (CFDs are left out), with OANDA's pip locations. */
  @Override
  public List<FxInstrument> instruments() {
    List<FxInstrument> list = api.execute(
        OandaEndpoints.INSTRUMENTS_LIST.request().path("accountID", account).build(), OandaDecoders.instruments());
    Map<CurrencyPair, FxInstrument> byPair = new LinkedHashMap<>();
    list.forEach(i -> byPair.put(i.pair(), i));
    index = Map.copyOf(byPair);
    return list;
  }

  /**
   * Converts at the mid price: directly or inversely through the pair OANDA quotes, else through USD
   * or EUR (one pricing call for both legs).
   */
  @Override
  public Conversion convert(BigDecimal amount, Currency from, Currency to, Rounding rounding) {
    present(amount, "amount");
    if (amount.signum() < 0) {
      throw new InvalidRequestException("amount", "amount must not be negative, was " + amount.toPlainString());
    }
    present(from, "from");
    present(to, "to");
    present(rounding, "rounding");
    if (from.equals(to)) {
      throw new InvalidRequestException("to", "to must differ from from (" + from + "): nothing to convert");
    }
    Rounding stated;
    try {
      stated = rounding.resolvedFor(to);
    } catch (InvalidValueException e) {
      throw new InvalidRequestException(e.field(), e.reason());
    }
    List<CurrencyPair> route = ConversionPath.route(from, to, instrumentIndex().keySet(), CROSS_VIAS)
        .orElseThrow(() -> new InvalidRequestException(
            "to", "OANDA quotes no pair joining " + from + " and " + to + ", directly or through " + CROSS_VIAS));
    List<Quote> legs = quotes(route.toArray(CurrencyPair[]::new));
    return Conversion.of(amount, ConversionPath.atMid(from, legs), stated);
  }

  /** The account summary: balance, NAV, margin, open trades and positions. */
  public OandaAccountSummary accountSummary() {
    return api.execute(OandaEndpoints.ACCOUNT_SUMMARY.request().path("accountID", account).build(), OandaDecoders.summary());
  }

  @Override
  public QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteStreamOptions options, QuoteListener listener) {
    present(listener, "listener");
    return open(pairs, options, spec -> api.openStream(spec, listener));
  }

  @Override
  public QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteStreamOptions options) {
    return open(pairs, options, api::openStream);
  }

  private QuoteStream open(
      Collection<CurrencyPair> pairs, QuoteStreamOptions options, Function<StreamSpec<QuoteEvent>, StreamSession<QuoteEvent>> opener) {
    List<CurrencyPair> asked = List.copyOf(new LinkedHashSet<>(pairs("pairs", pairs)));
    present(options, "options");
    Map<CurrencyPair, FxInstrument> instruments = instrumentIndex();
    if (!openStreams.tryAcquire()) {
      throw new RateLimitedException(
          "OANDA allows " + OandaLimits.MAX_STREAMS + " open streams; close one before opening another",
          ErrorDetails.none(), "STREAMS", null, true, false);
    }
    try {
      StreamSpec.Builder<QuoteEvent> spec = StreamSpec.ndjson(
              OandaEndpoints.PRICING_STREAM.request().path("accountID", account).query("instruments", wire(asked)).build(),
              new OandaPricingProtocol(Set.copyOf(asked), pipLocations(instruments), validators, clock))
          .baseUrl(streamBaseUrl)
          .limits(streamLimits)
          .reconnect(options.reconnect())
          .heartbeat(HEARTBEAT_INTERVAL, missedHeartbeats)
          .buffer(options.bufferCapacity(), options.backpressure())
          .clock(clock);
      if (streamScheduler != null) {
        spec.scheduler(streamScheduler);
      }
      return new QuoteStream(Set.copyOf(asked), opener.apply(spec.build()), openStreams::release);
    } catch (RuntimeException e) {
      openStreams.release();
      throw e;
    }
  }

  /** Streams open now (at most {@link OandaLimits#MAX_STREAMS}). */
  public int openStreams() {
    return OandaLimits.MAX_STREAMS - openStreams.availablePermits();
  }

  @Override
  public Executor asyncExecutor() {
    return core.async();
  }

  @Override
  public void close() {
    core.close();
  }

  private Map<CurrencyPair, FxInstrument> instrumentIndex() {
    Map<CurrencyPair, FxInstrument> known = index;
    if (known == null) {
      instruments();
      known = index;
    }
    return known;
  }

  private static Function<CurrencyPair, Integer> pipLocations(Map<CurrencyPair, FxInstrument> instruments) {
    return pair -> Optional.ofNullable(instruments.get(pair)).map(FxInstrument::pipLocation)
        .orElseGet(pair::conventionalPipLocation);
  }

  private static List<CurrencyPair> pairs(String field, Collection<CurrencyPair> pairs) {
    if (pairs == null || pairs.isEmpty()) {
      throw new InvalidRequestException(field, "Ask for at least one pair");
    }
    List<CurrencyPair> out = new ArrayList<>(pairs.size());
    for (CurrencyPair p : pairs) {
      out.add(present(p, field + "[" + out.size() + "]"));
    }
    if (new LinkedHashSet<>(out).size() > MAX_INSTRUMENTS) {
      throw new InvalidRequestException(field, "At most " + MAX_INSTRUMENTS + " distinct pairs per call");
    }
    return out;
  }

  private static String wire(List<CurrencyPair> pairs) {
    return pairs.stream().map(CurrencyPair::underscored).collect(Collectors.joining(","));
  }

  private static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidRequestException(field, field + " is required");
    }
    return value;
  }

  private static Map<Granularity, String> granularities() {
    Map<Granularity, String> m = new EnumMap<>(Granularity.class);
    for (Granularity g : Granularity.values()) {
      switch (g) {
        case H5:
          break; // OANDA has no 5-hour candles
        case D1:
          m.put(g, "D");
          break;
        case W1:
          m.put(g, "W");
          break;
        case MN1:
          m.put(g, "M");
          break;
        default:
          m.put(g, g.name());
      }
    }
    return Map.copyOf(m);
  }

  /**
   * Builds an {@link OandaClient}: the token with {@link #credentials(ApiCredentials)} ({@link
   * OandaKeys#token(Secret)}), the account with {@link #accountId(String)}; the practice environment
   * unless {@link #environment(OandaEnvironment)} says otherwise.
   */
  public static final class Builder extends MarketDataClientBuilder<Builder> {
    private OandaEnvironment environment = OandaEnvironment.PRACTICE;
    private String accountId;
    private String streamBaseUrl;
    private Duration maxQuoteAge = ForexValidators.DEFAULT_MAX_QUOTE_AGE;
    private int missedHeartbeats = 3;
    private StreamScheduler streamScheduler;
    private Throttle streamConnects;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /** OANDA tokens are bearer tokens alone ({@link OandaKeys#token}), with no signing secret. */
    @Override
    protected Set<KeyType> acceptedKeyTypes() {
      return Set.of(KeyType.NONE);
    }

    @Override
    protected String providerName() {
      return "OANDA";
    }

    /** Practice (the default) or live; sets both the REST and the streaming host. */
    public Builder environment(OandaEnvironment environment) {
      this.environment = Objects.requireNonNull(environment, "environment");
      return this;
    }

    /** The v20 account, such as {@code 101-004-1435156-001}; required. */
    public Builder accountId(String accountId) {
      if (!OandaEndpoints.isAccountId(accountId)) {
        throw new InvalidRequestException("accountId", "An OANDA v20 account id looks like 101-004-1435156-001");
      }
      this.accountId = accountId;
      return this;
    }

    /**
     * The streaming host, when it is not the environment's (a proxy, the sandbox). When {@code
     * baseUrl(...)} moved the REST host off the environment's, streams go to that same host unless
     * this says otherwise.
     */
    public Builder streamBaseUrl(String url) {
      ClientConfig.builder(Objects.requireNonNull(url, "streamBaseUrl")); // parses now
      this.streamBaseUrl = url;
      return this;
    }

    /** Quotes older than this when received are flagged {@link Quote#stale()} (default 30 s). */
    public Builder maxQuoteAge(Duration maxAge) {
      Objects.requireNonNull(maxAge, "maxQuoteAge");
      if (maxAge.isNegative() || maxAge.isZero()) {
        throw new InvalidRequestException("maxQuoteAge", "maxQuoteAge must be positive, was " + maxAge);
      }
      this.maxQuoteAge = maxAge;
      return this;
    }

    /** Heartbeats (5 s apart) a stream may miss before its connection is declared dead: 2 or 3 (default 3). */
    public Builder missedHeartbeats(int missed) {
      if (missed < 2 || missed > 3) {
        throw new InvalidRequestException("missedHeartbeats", "missedHeartbeats must be 2 or 3, was " + missed);
      }
      this.missedHeartbeats = missed;
      return this;
    }

    /** The scheduler of stream timers (idle checks, reconnect backoff); tests pass a manual one. */
    public Builder streamScheduler(StreamScheduler scheduler) {
      this.streamScheduler = Objects.requireNonNull(scheduler, "streamScheduler");
      return this;
    }

    /**
     * The throttle every stream connect and reconnect takes a permit from (default: {@link
     * OandaLimits#streamConnectLimit()}, 2 per second, on the config's clock, for this client alone).
     * OANDA counts new connections per IP: clients of one process that share an IP may share one
     * throttle here. Its {@code maxWait} bounds how long a connect waits for its permit.
     */
    public Builder streamConnects(Throttle throttle) {
      this.streamConnects = Objects.requireNonNull(throttle, "streamConnects");
      return this;
    }

    /**
     * Builds the client; it owns a connection pool and threads until closed.
     *
     * @throws InvalidRequestException when no account or no token was given
     * @throws IllegalStateException when both credentials and a custom authenticator were given
     */
    public OandaClient build() {
      if (accountId == null) {
        throw new InvalidRequestException("accountId", "Set the v20 account with accountId(...)");
      }
      OandaTokenAuthenticator token = credentials().map(OandaTokenAuthenticator::new).orElse(null);
      RequestAuthenticator auth = resolveAuthenticator(c -> token);
      if (auth == RequestAuthenticator.anonymous()) {
        throw new InvalidRequestException("credentials", "OANDA answers nothing without a token; pass"
            + " credentials(OandaKeys.token(...))");
      }
      OandaErrorDecoder errors = new OandaErrorDecoder(() -> token == null ? List.of() : List.of(token.token()));
      ClientConfig config = config(environment.restUrl());
      String stream = streamBaseUrl != null ? streamBaseUrl
          : config.baseUrl().host().equals(okhttp3.HttpUrl.get(environment.restUrl()).host())
              ? environment.streamUrl() : config.baseUrl().toString();
      ClientCore core = ClientCore.open(
          "oanda", config, chosenThrottle(config), OandaLimits.rest(), futureTolerance(),
          api -> api.authenticator(auth).errorDecoder(errors).requestIdHeaders(List.of("RequestID")));
      return new OandaClient(core, this, config, stream);
    }

    /** Shows the environment, account and whether a token is set; never the token. */
    @Override
    public String toString() {
      return "OandaClient.Builder[" + environment + ", account=" + accountId + ", "
          + credentials().map(c -> "token=" + c.current().redactedApiKey()).orElse("no token") + "]";
    }
  }
}
