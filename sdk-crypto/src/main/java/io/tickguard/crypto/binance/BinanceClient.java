package io.tickguard.crypto.binance;

import io.tickguard.crypto.internal.CandlePages;
import io.tickguard.crypto.binance.internal.BinanceDecoders;
import io.tickguard.crypto.binance.internal.BinanceErrorDecoder;
import io.tickguard.crypto.binance.internal.BinanceEndpoints;
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
import io.tickguard.core.auth.RequestSigner;
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
import io.tickguard.core.validate.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.Executor;

/**
 * Binance spot market data over the TickGuard pipeline. Public data needs no credentials; {@link
 * #balances()} calls the signed {@code /api/v3/account} and needs a key granting {@link
 * io.tickguard.core.auth.Scope#ACCOUNT_READ}.
 *
 * <pre>{@code
 * try (BinanceClient binance = BinanceClient.builder()
 *     .credentials(ApiCredentials.ed25519("my-key", Secret.fromFile(Path.of("binance-ed25519.pem"))))
 *     .build()) {
 *   Ticker t = binance.ticker(Symbol.of("BTC", "USDT"));
 *   List<Balance> balances = binance.balances();
 * }
 * }</pre>
 */
public final class BinanceClient implements CryptoMarketData {
  /** The production spot API. */
  public static final String DEFAULT_BASE_URL = "https://api.binance.com";

  /** Candles asked per {@code klines} call (Binance's maximum); an answer with more is refused. */
  private static final int KLINES_PER_CALL = 1000;

  /** The header carrying the API key; this client registers it with its redactor (core does not know it). */
  public static final String API_KEY_HEADER = "X-MBX-APIKEY";

  private final ClientCore core;
  private final ApiClient api;
  private final MarketDataValidators validators;
  private final ServerClock serverClock;

  private BinanceClient(ClientCore core, Optional<ServerClock> serverClock) {
    this.core = core;
    this.api = core.api();
    this.validators = MarketDataValidators.on(core.timestamps());
    this.serverClock = serverClock.orElse(null); // present when the client signs
  }

  /** Starts a client for the production API with no credentials. */
  public static Builder builder() {
    return new Builder();
  }

  /** Checks connectivity; throws when Binance cannot be reached. */
  public void ping() {
    api.execute(BinanceEndpoints.PING.request().build(), r -> Boolean.TRUE);
  }

  @Override
  public Instant serverTime() {
    return api.execute(BinanceEndpoints.TIME.request().build(), BinanceDecoders.serverTime(), validators.serverTime());
  }

  @Override
  public List<Instrument> instruments() {
    return api.execute(BinanceEndpoints.EXCHANGE_INFO.request().build(), BinanceDecoders.exchangeInfo());
  }

  @Override
  public Ticker ticker(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return api.execute(
        BinanceEndpoints.TICKER_24HR.request().query("symbol", wire(symbol)).build(),
        BinanceDecoders.tickers(List.of(symbol)), validators.tickers()).get(0);
  }

  /** The last price from {@code /api/v3/ticker/price} (weight 2): the cheapest call that has it. */
  @Override
  public BigDecimal lastPrice(Symbol symbol) {
    Objects.requireNonNull(symbol, "symbol");
    return api.execute(
        BinanceEndpoints.TICKER_PRICE.request().query("symbol", wire(symbol)).build(),
        BinanceDecoders.lastPrice(symbol));
  }

  @Override
  public List<Ticker> tickers(Symbol... symbols) {
    List<Symbol> asked = List.of(symbols);
    if (asked.isEmpty()) {
      return List.of();
    }
    if (asked.size() == 1) {
      return List.of(ticker(asked.get(0)));
    }
    StringJoiner json = new StringJoiner(",", "[", "]");
    asked.forEach(s -> json.add('"' + wire(s) + '"'));
    return api.execute(
        BinanceEndpoints.TICKER_24HR.request().query("symbols", json.toString()).build(),
        BinanceDecoders.tickers(asked), validators.tickers());
  }

  /** {@code depth} is 1 to 5,000; the request weight rises at 101, 501 and 1,001. */
  @Override
  public OrderBook orderBook(Symbol symbol, int depth) {
    Requests.inRange(depth, 1, 5000, "depth");
    return api.execute(
        BinanceEndpoints.DEPTH.request().query("symbol", wire(symbol)).query("limit", String.valueOf(depth)).build(),
        BinanceDecoders.depth(symbol, depth), validators.orderBook());
  }

  /** {@code limit} is 1 to 1,000. */
  @Override
  public List<Trade> recentTrades(Symbol symbol, int limit) {
    Requests.inRange(limit, 1, 1000, "limit");
    return api.execute(
        BinanceEndpoints.TRADES.request().query("symbol", wire(symbol)).query("limit", String.valueOf(limit)).build(),
        BinanceDecoders.trades(limit), validators.trades());
  }

  /**
   * Pages through the window 1,000 candles (Binance's cap) per request, up to {@value
   * CandlePages#MAX_CANDLES} in all; a window that may hold more is refused before sending.
   */
  @Override
  public List<Candle> candles(Symbol symbol, Interval interval, Instant from, Instant to) {
    Requests.window(from, to);
    if (!interval.isKnown()) {
      throw new InvalidRequestException("interval", "Binance has no candle interval " + interval.code());
    }
    String pair = wire(symbol);
    Validator<List<Candle>> validator = validators.candles(interval);
    return CandlePages.collect("Binance", interval, from, to, KLINES_PER_CALL, (pageFrom, pageTo) -> api.execute(
        BinanceEndpoints.KLINES.request()
            .query("symbol", pair)
            .query("interval", interval.code())
            .query("startTime", String.valueOf(pageFrom.toEpochMilli()))
            .query("endTime", String.valueOf(pageTo.toEpochMilli()))
            .query("limit", String.valueOf(KLINES_PER_CALL))
            .build(),
        BinanceDecoders.klines(interval, KLINES_PER_CALL), validator));
  }

  @Override
  public List<Balance> balances() {
    return api.execute(BinanceEndpoints.ACCOUNT.request().build(), BinanceDecoders.account());
  }

  /**
   * Binance's clock as this client sees it, when it signs with a key given to the builder: its
   * {@link ServerClock#offset()} is what signed timestamps are corrected by.
   */
  public Optional<ServerClock> serverClock() {
    return Optional.ofNullable(serverClock);
  }

  /**
   * Runs {@code request}, to an endpoint this client does not wrap (a provider's new endpoint, an
   * order), through this client's whole pipeline: guard, throttle charging the endpoint's weight
   * against the limit groups it names, resilience, signing with the client's key (a {@code SIGNED} endpoint), decode with {@code decoder}. The endpoint
   * must name at least one of the client's limit groups ({@code Endpoint.Builder.limits}); an
   * endpoint naming none is refused before anything is sent.
   */
  public <T> T call(ApiRequest request, ResponseDecoder<T> decoder) {
    return core.call("Binance", request, decoder);
  }

  @Override
  public Executor asyncExecutor() {
    return core.async();
  }

  /**
   * A builder of WebSocket market streams through this client's pipeline (its TLS and pins, its
   * request throttle for the REST depth snapshots); close the streams before the client.
   */
  public io.tickguard.crypto.binance.stream.BinanceMarketStream.Builder streams() {
    return io.tickguard.crypto.binance.stream.BinanceMarketStream.builder(core.api(), core.async());
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

  private static String wire(Symbol symbol) {
    return BinanceSymbolMapper.INSTANCE.toProvider(Objects.requireNonNull(symbol, "symbol"));
  }

  /**
   * Builds a {@link BinanceClient}. For signed calls give an HMAC, Ed25519 or RSA key with {@link
   * #credentials(ApiCredentials)} (or {@link #credentials(CredentialsProvider)} for rotation): the client then signs as
   * Binance documents ({@code X-MBX-APIKEY} header, {@code timestamp} and optional {@code
   * recvWindow} query parameters, {@code signature} over the query string and body as sent) with
   * timestamps from a {@link ServerClock} it keeps in step with {@code GET /api/v3/time}, and
   * resynchronises and retries once when Binance answers {@code -1021}.
   */
  public static final class Builder extends MarketDataClientBuilder<Builder> {
    private Duration recvWindow;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Binance API keys are HMAC ({@link ApiCredentials#hmac}, lower-case hex signature), Ed25519
     * ({@link ApiCredentials#ed25519}, recommended by Binance) or RSA ({@link ApiCredentials#rsa}).
     * The signature scheme follows the key type of the credentials current at {@link #build()}; a
     * rotating provider must hand out keys of that same type.
     */
    @Override
    protected Set<KeyType> acceptedKeyTypes() {
      return Set.of(KeyType.HMAC, KeyType.ED25519, KeyType.RSA);
    }

    @Override
    protected String providerName() {
      return "Binance";
    }

    /**
     * Sends {@code recvWindow}: how long after its timestamp Binance may still accept a signed
     * request (1 ms to 60 s). Not sent by default, so Binance's default of 5,000 ms applies.
     */
    public Builder recvWindow(Duration window) {
      Objects.requireNonNull(window, "window");
      if (window.toMillis() < 1 || window.toMillis() > 60_000) {
        throw new InvalidRequestException("recvWindow", "recvWindow must be 1 ms to 60,000 ms, was " + window.toMillis() + " ms");
      }
      this.recvWindow = window;
      return this;
    }

    /** Builds the client; it owns a connection pool and threads until closed. */
    public BinanceClient build() {
      ClientConfig config = config(DEFAULT_BASE_URL);
      ProviderClock providerClock = new ProviderClock(config.clock(), BinanceEndpoints.TIME, BinanceDecoders.serverTime());
      ServerClock serverClock = providerClock.clock();
      RequestAuthenticator auth = resolveAuthenticator(keys -> SigningAuthenticator.builder()
          .credentials(keys)
          .signer(signer(keys.current().keyType()))
          .placement(attachRule(recvWindow))
          .serverClock(serverClock)
          .build());
      ClientCore core = providerClock.open(
          credentials(), "binance", config, chosenThrottle(config), BinanceLimits.spot(), futureTolerance(),
          api -> api.authenticator(auth).errorDecoder(BinanceErrorDecoder.INSTANCE).secretHeaders(API_KEY_HEADER)
              .keyRestrictionCodes(BinanceErrorDecoder::isKeyRestriction),
          new KeyPermissionAudit.Check("Binance", keyPermissionAudit(), BinanceEndpoints.API_RESTRICTIONS.request().build(),
              BinanceDecoders.apiRestrictions()));
      return new BinanceClient(core, providerClock.bound());
    }
  }

  /** The signer Binance documents for each key type. */
  static RequestSigner signer(KeyType type) {
    return BinanceSigners.forKeyType(type);
  }

  /** Key header, then {@code recvWindow} (if any) and {@code timestamp}, signature last. */
  static AttachRule attachRule(Duration recvWindow) {
    AttachRule.Builder rule = AttachRule.builder().apiKeyHeader(API_KEY_HEADER);
    if (recvWindow != null) {
      rule.recvWindowQueryParameter("recvWindow", recvWindow.toMillis());
    }
    return rule.timestampQueryParameter("timestamp").signatureQueryParameter("signature").build();
  }
}
