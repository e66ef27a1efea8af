package io.tickguard.crypto.coinbase;

import io.tickguard.crypto.internal.CandlePages;
import io.tickguard.crypto.coinbase.internal.CoinbaseDecoders;
import io.tickguard.crypto.coinbase.internal.CoinbaseErrorDecoder;
import io.tickguard.crypto.coinbase.internal.CoinbaseEndpoints;
import io.tickguard.core.ApiClient;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.time.ServerClock;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.Candle;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.Instrument;
import io.tickguard.crypto.Interval;
import io.tickguard.market.MarketDataClientBuilder;
import io.tickguard.crypto.MarketDataValidators;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Ticker;
import io.tickguard.crypto.Trade;
import io.tickguard.market.internal.ClientCore;
import io.tickguard.market.internal.KeyPermissionAudit;
import io.tickguard.market.internal.ProviderClock;
import io.tickguard.market.internal.Requests;
import java.time.Clock;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Coinbase Advanced Trade market data over the TickGuard pipeline. Market data uses the public
 * routes; {@link #balances()} needs a CDP key ({@link CoinbaseKeys#cdp(String, Secret)} for an ECDSA
 * key, {@link CoinbaseKeys#cdpEd25519(String, Secret)} for an Ed25519 key, given to {@link
 * Builder#credentials(ApiCredentials)}), which signs an ES256 or EdDSA JWT per request, and grants
 * {@link io.tickguard.core.auth.Scope#ACCOUNT_READ}.
 */
public final class CoinbaseClient implements CryptoMarketData {
  /** The production API. */
  public static final String DEFAULT_BASE_URL = "https://api.coinbase.com";

  /** Coinbase answers at most 350 candles per call. */
  public static final int MAX_CANDLES = 350;

  /** A safety bound on account pages followed by {@link #balances()}. */
  private static final int MAX_ACCOUNT_PAGES = 100;
  /**
   * Coinbase's HMAC key headers (Exchange and the retired Advanced Trade legacy keys). This client
   * signs with CDP JWTs in {@code Authorization}, which core redacts already; these are registered
   * with its redactor so that an answer or proxy page quoting one is scrubbed too.
   */
  static final List<String> LEGACY_KEY_HEADERS = CoinbaseAuth.EXCHANGE_SECRET_HEADERS;

  /** The CDP key kinds: ECDSA (ES256 JWTs) and Ed25519 (EdDSA JWTs). */
  private static final Set<KeyType> CDP_KEY_TYPES = Set.of(KeyType.EC_P256, KeyType.ED25519);

  private static final Map<Interval, String> GRANULARITY = Map.of(
      Interval.ONE_MINUTE, "ONE_MINUTE", Interval.FIVE_MINUTES, "FIVE_MINUTE",
      Interval.FIFTEEN_MINUTES, "FIFTEEN_MINUTE", Interval.THIRTY_MINUTES, "THIRTY_MINUTE",
      Interval.ONE_HOUR, "ONE_HOUR", Interval.TWO_HOURS, "TWO_HOUR", Interval.FOUR_HOURS, "FOUR_HOUR",
      Interval.SIX_HOURS, "SIX_HOUR", Interval.ONE_DAY, "ONE_DAY");

  private final ClientCore core;
  private final ApiClient api;
  private final MarketDataValidators validators;
  private final ServerClock serverClock;

  private CoinbaseClient(ClientCore core, Optional<ServerClock> serverClock) {
    this.core = core;
    this.api = core.api();
    this.validators = MarketDataValidators.on(core.timestamps());
    this.serverClock = serverClock.orElse(null); // present when the client signs
  }

  /** Starts a client for the production API with no credentials. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Instant serverTime() {
    return api.execute(CoinbaseEndpoints.TIME.request().build(), CoinbaseDecoders.serverTime(), validators.serverTime());
  }

  @Override
  public List<Instrument> instruments() {
    return api.execute(CoinbaseEndpoints.PRODUCTS.request().query("product_type", "SPOT").build(), CoinbaseDecoders.products());
  }

  /** The newest trade and the best bid and ask; this route carries no 24-hour statistics. */
  @Override
  public Ticker ticker(Symbol symbol) {
    return api.execute(
        CoinbaseEndpoints.MARKET_TRADES.request().path("product_id", wire(symbol)).query("limit", "1").build(),
        CoinbaseDecoders.ticker(symbol), validators.ticker());
  }

  /**
   * The last trade price from the public {@code GET /api/v3/brokerage/market/products/{product_id}/ticker}
   * with {@code limit=1}: one request on the public budget, an answer of one trade plus the best bid
   * and ask. {@code market/products/{product_id}} also carries a {@code price} but costs the same
   * request for an answer of some fifty fields; the newest trade is the last traded price itself.
   */
  @Override
  public BigDecimal lastPrice(Symbol symbol) {
    return api.execute(
        CoinbaseEndpoints.MARKET_TRADES.request().path("product_id", wire(symbol)).query("limit", "1").build(),
        CoinbaseDecoders.lastPrice(symbol));
  }

  /**
   * One call per symbol: the products route would take several ids only as a repeated query
   * parameter, which the request guard refuses by design.
   */
  @Override
  public List<Ticker> tickers(Symbol... symbols) {
    List<Ticker> out = new ArrayList<>(symbols.length);
    for (Symbol s : symbols) {
      out.add(ticker(s));
    }
    return List.copyOf(out);
  }

  /** {@code depth} is 1 to 1,000 levels per side. */
  @Override
  public OrderBook orderBook(Symbol symbol, int depth) {
    Requests.inRange(depth, 1, 1000, "depth");
    return api.execute(
        CoinbaseEndpoints.PRODUCT_BOOK.request().query("product_id", wire(symbol)).query("limit", String.valueOf(depth)).build(),
        CoinbaseDecoders.productBook(symbol, depth), validators.orderBook());
  }

  /** {@code limit} is 1 to 1,000. */
  @Override
  public List<Trade> recentTrades(Symbol symbol, int limit) {
    Requests.inRange(limit, 1, 1000, "limit");
    return api.execute(
        CoinbaseEndpoints.MARKET_TRADES.request().path("product_id", wire(symbol)).query("limit", String.valueOf(limit)).build(),
        CoinbaseDecoders.trades(limit), validators.trades());
  }

  /**
   * Pages through the window {@value #MAX_CANDLES} candles (Coinbase's cap) per request, up to
   * {@value CandlePages#MAX_CANDLES} in all; a window that may hold more is refused before sending.
   */
  @Override
  public List<Candle> candles(Symbol symbol, Interval interval, Instant from, Instant to) {
    Requests.window(from, to);
    String granularity = GRANULARITY.get(interval);
    if (granularity == null) {
      throw new InvalidRequestException("interval", "Coinbase has no candle granularity " + interval.code());
    }
    String product = wire(symbol);
    return CandlePages.collect("Coinbase", interval, from, to, MAX_CANDLES, (pageFrom, pageTo) -> api.execute(
        CoinbaseEndpoints.CANDLES.request()
            .path("product_id", product)
            .query("start", String.valueOf(pageFrom.getEpochSecond()))
            .query("end", String.valueOf(pageTo.getEpochSecond()))
            .query("granularity", granularity)
            .build(),
        CoinbaseDecoders.candles(interval, MAX_CANDLES), validators.candles(interval)));
  }

  /** Follows {@code cursor} until the last page. */
  @Override
  public List<Balance> balances() {
    List<Balance> out = new ArrayList<>();
    Optional<String> cursor = Optional.empty();
    for (int page = 0; page < MAX_ACCOUNT_PAGES; page++) {
      ApiRequest request = CoinbaseEndpoints.ACCOUNTS.request().query("limit", "250").query("cursor", cursor).build();
      CoinbaseDecoders.AccountsPage result = api.execute(request, CoinbaseDecoders.accounts());
      out.addAll(result.balances());
      cursor = result.next();
      if (cursor.isEmpty()) {
        return List.copyOf(out);
      }
    }
    throw new io.tickguard.core.InvalidResponseException(
        "cursor", "Coinbase kept announcing more account pages after " + MAX_ACCOUNT_PAGES);
  }

  /**
   * Runs {@code request}, to an endpoint this client does not wrap (a provider's new endpoint, an
   * order), through this client's whole pipeline: guard, throttle charging the endpoint's weight
   * against the limit groups it names, resilience, a fresh CDP JWT (a {@code SIGNED} endpoint), decode with {@code decoder}. The endpoint
   * must name at least one of the client's limit groups ({@code Endpoint.Builder.limits}); an
   * endpoint naming none is refused before anything is sent.
   */
  public <T> T call(ApiRequest request, ResponseDecoder<T> decoder) {
    return core.call("Coinbase", request, decoder);
  }

  @Override
  public Executor asyncExecutor() {
    return core.async();
  }

  /**
   * A builder of Advanced Trade WebSocket market streams through this client's pipeline (its TLS and
   * pins); give it the CDP key with {@code cdpKey(...)} to sign each subscribe message. Close streams
   * before the client.
   */
  public io.tickguard.crypto.coinbase.stream.CoinbaseMarketStream.Builder streams() {
    return io.tickguard.crypto.coinbase.stream.CoinbaseMarketStream.builder(core.api());
  }

  /**
   * This client's security monitor: its events and alerts, its kill switch, its usage counts and
   * the key permission report of the start-up audit.
   */
  public io.tickguard.core.security.SecurityMonitor security() {
    return api.security();
  }

  /** Calls and request weight per endpoint and limit window, and calls per key, so far. */
  public io.tickguard.core.security.UsageSnapshot usage() {
    return api.usage();
  }

  @Override
  public void close() {
    core.close();
  }

  /**
   * Coinbase's clock as this client sees it, when it holds a CDP key given to the builder: JWT
   * {@code nbf}/{@code exp} are taken from it, so a machine clock minutes off still yields tokens
   * Coinbase accepts. Synchronised from {@code /api/v3/brokerage/time} before the first signed call
   * and every ten minutes.
   */
  public Optional<ServerClock> serverClock() {
    return Optional.ofNullable(serverClock);
  }

  private static String wire(Symbol symbol) {
    return CoinbaseSymbolMapper.INSTANCE.toProvider(Objects.requireNonNull(symbol, "symbol"));
  }

  /**
   * How {@link #balances()} authenticates a CDP API key: a JWT per request, ES256 for an EC P-256
   * key and EdDSA for an Ed25519 key ({@link
   * CoinbaseSigners#cdpJwt()}: {@code iss} {@code cdp}, {@code sub} and {@code kid} the key name,
   * {@code nbf} now, {@code exp} two minutes later, {@code uri} {@code "GET host/path"}, a random
   * header nonce) sent as {@code Authorization: Bearer}. Timestamps come from {@code clock}; pass
   * a {@link ServerClock} to sign on Coinbase's time (the builder does when given credentials).
   *
   * @param credentials an {@link io.tickguard.core.auth.KeyType#EC_P256} or {@link
   *     io.tickguard.core.auth.KeyType#ED25519} key
   * @param clock the clock JWT times are taken from (the configuration's clock in a client)
   * @throws InvalidRequestException on {@code credentials} for any other kind of key
   */
  public static SigningAuthenticator cdpAuthenticator(ApiCredentials credentials, Clock clock) {
    Objects.requireNonNull(credentials, "credentials");
    if (!CDP_KEY_TYPES.contains(credentials.keyType())) {
      throw new InvalidRequestException("credentials", "Coinbase CDP keys are EC P-256 (ES256 JWTs, CoinbaseKeys.cdp)"
          + " or Ed25519 (EdDSA JWTs, CoinbaseKeys.cdpEd25519), not " + credentials.keyType());
    }
    return cdpAuthenticator(CredentialsProvider.of(credentials), clock);
  }

  /** {@link #cdpAuthenticator(ApiCredentials, Clock)} for the CDP keys {@code credentials} hands out. */
  public static SigningAuthenticator cdpAuthenticator(CredentialsProvider credentials, Clock clock) {
    return SigningAuthenticator.builder()
        .credentials(credentials)
        .signer(CoinbaseSigners.cdpJwt())
        .placement(AttachRule.builder().signatureAsBearerToken().build())
        .serverClock(signingClock(clock))
        .build();
  }

  /** {@code clock} as the signing clock: a {@link ServerClock} as is, any other uncorrected. */
  static ServerClock signingClock(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return clock instanceof ServerClock server ? server : ServerClock.uncorrected(clock);
  }

  /** Builds a {@link CoinbaseClient}. */
  public static final class Builder extends MarketDataClientBuilder<Builder> {

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Coinbase Advanced Trade keys are CDP API keys: EC P-256 credentials signing ES256 JWTs, made
     * with {@link CoinbaseKeys#cdp(String, Secret)}, or Ed25519 credentials signing EdDSA JWTs, made
     * with {@link CoinbaseKeys#cdpEd25519(String, Secret)}. Each request then carries a fresh
     * two-minute JWT as a bearer token; see {@link #cdpAuthenticator}.
     */
    @Override
    protected Set<KeyType> acceptedKeyTypes() {
      return CDP_KEY_TYPES;
    }

    @Override
    protected String providerName() {
      return "Coinbase";
    }

    /**
     * Builds the client; it owns a connection pool and threads until closed. Unless a throttle is
     * given it limits itself to {@link CoinbaseLimits#advanced()}: public routes against
     * {@code PUBLIC}, accounts against {@code PRIVATE}.
     *
     * @throws IllegalStateException when both credentials and a custom authenticator were given
     */
    public CoinbaseClient build() {
      // Tokens live two minutes: sign on Coinbase's time, measured through this client's own
      // pinned and throttled pipeline, not on a machine clock that may be off by more than that.
      ClientConfig config = config(DEFAULT_BASE_URL);
      ProviderClock providerClock = new ProviderClock(config.clock(), CoinbaseEndpoints.TIME, CoinbaseDecoders.serverTime());
      ServerClock serverClock = providerClock.clock();
      RequestAuthenticator auth = resolveAuthenticator(keys -> cdpAuthenticator(keys, serverClock));
      ClientCore core = providerClock.open(
          credentials(), "coinbase", config, chosenThrottle(config), CoinbaseLimits.advanced(), futureTolerance(),
          api -> api.authenticator(auth).errorDecoder(CoinbaseErrorDecoder.INSTANCE)
              .secretHeaders(LEGACY_KEY_HEADERS.toArray(String[]::new)),
          new KeyPermissionAudit.Check("Coinbase", keyPermissionAudit(), CoinbaseEndpoints.KEY_PERMISSIONS.request().build(),
              CoinbaseDecoders.keyPermissions()));
      return new CoinbaseClient(core, providerClock.bound());
    }
  }
}
