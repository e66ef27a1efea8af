package io.tickguard.crypto.kraken;

import io.tickguard.crypto.internal.CandlePages;
import io.tickguard.crypto.kraken.internal.KrakenDecoders;
import io.tickguard.crypto.kraken.internal.KrakenErrorDecoder;
import io.tickguard.crypto.kraken.internal.KrakenErrors;
import io.tickguard.crypto.kraken.internal.KrakenEndpoints;
import io.tickguard.crypto.kraken.internal.KrakenWsTokens;
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
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.time.NonceSource;
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
import io.tickguard.market.internal.Requests;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;

/**
 * Kraken spot market data over the TickGuard pipeline. Public data needs no credentials; {@link
 * #balances()} calls the signed {@code POST /0/private/Balance} and needs credentials granting
 * {@link io.tickguard.core.auth.Scope#ACCOUNT_READ}:
 *
 * <pre>{@code
 * KrakenClient kraken = KrakenClient.builder()
 *     .credentials(ApiCredentials.hmac(apiKey, Secret.fromEnv("KRAKEN_PRIVATE_KEY"))) // base64, as issued
 *     .tier(KrakenTier.INTERMEDIATE)
 *     .build();
 * }</pre>
 *
 * <p>Signing follows Kraken's "Spot REST Authentication": a strictly increasing {@code nonce} (epoch
 * milliseconds, per key) first in the form body, the key in {@code API-Key}, and {@code API-Sign} =
 * base64(HMAC-SHA512(base64decode(private key), URI path + SHA256(nonce + POST data))).
 *
 * <p>Kraken reports errors inside HTTP 200 ({@code {"error":["EAPI:Invalid nonce"],"result":{}}});
 * every call reads the {@code error} array before the result and throws the typed exception for it
 * (see {@link KrakenErrorDecoder}).
 */
public final class KrakenClient implements CryptoMarketData {
  /** The production REST API. */
  public static final String DEFAULT_BASE_URL = "https://api.kraken.com";

  /** Candles per OHLC answer at most (Kraken's cap, and the most recent it keeps). */
  private static final int OHLC_PER_CALL = 720;

  private static final Map<Interval, String> OHLC_MINUTES = Map.of(
      Interval.ONE_MINUTE, "1", Interval.FIVE_MINUTES, "5", Interval.FIFTEEN_MINUTES, "15",
      Interval.THIRTY_MINUTES, "30", Interval.ONE_HOUR, "60", Interval.FOUR_HOURS, "240",
      Interval.ONE_DAY, "1440", Interval.ONE_WEEK, "10080");

  private final ClientCore core;
  private final ApiClient api;
  private final MarketDataValidators validators;

  private KrakenClient(ClientCore core) {
    this.core = core;
    this.api = core.api();
    this.validators = MarketDataValidators.on(core.timestamps());
  }

  /** Starts a client for the production API with no credentials. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Instant serverTime() {
    return api.execute(KrakenEndpoints.TIME.request().build(), KrakenDecoders.serverTime(), validators.serverTime());
  }

  @Override
  public List<Instrument> instruments() {
    return api.execute(KrakenEndpoints.ASSET_PAIRS.request().build(), KrakenDecoders.assetPairs());
  }

  @Override
  public Ticker ticker(Symbol symbol) {
    return tickers(symbol).get(0);
  }

  /**
   * The last trade price from {@code GET /0/public/Ticker} for the one pair ({@code c[0]}, "last
   * trade closed"): one call on the public limit, as every public route. Kraken has no lighter
   * price route: {@code Trades} costs the same call, answers up to 1,000 trades unless {@code count}
   * limits them, and its documentation does not say which trades a {@code count} without {@code
   * since} keeps. Only {@code c} is read, so a pair whose other ticker figures are unusable still
   * has a price.
   */
  @Override
  public BigDecimal lastPrice(Symbol symbol) {
    return api.execute(KrakenEndpoints.TICKER.request().query("pair", wire(symbol)).build(),
        KrakenDecoders.lastPrice(symbol));
  }

  @Override
  public List<Ticker> tickers(Symbol... symbols) {
    List<Symbol> asked = List.of(symbols);
    if (asked.isEmpty()) {
      return List.of();
    }
    String pairs = asked.stream().map(KrakenClient::wire).collect(Collectors.joining(","));
    return api.execute(KrakenEndpoints.TICKER.request().query("pair", pairs).build(),
        KrakenDecoders.tickers(asked), validators.tickers());
  }

  /** {@code depth} is 1 to 500. */
  @Override
  public OrderBook orderBook(Symbol symbol, int depth) {
    Requests.inRange(depth, 1, 500, "depth");
    return api.execute(
        KrakenEndpoints.DEPTH.request().query("pair", wire(symbol)).query("count", String.valueOf(depth)).build(),
        KrakenDecoders.depth(symbol, depth), validators.orderBook());
  }

  /** {@code limit} is 1 to 1,000. */
  @Override
  public List<Trade> recentTrades(Symbol symbol, int limit) {
    Requests.inRange(limit, 1, 1000, "limit");
    return api.execute(
        KrakenEndpoints.TRADES.request().query("pair", wire(symbol)).query("count", String.valueOf(limit)).build(),
        KrakenDecoders.trades(symbol, limit), validators.trades());
  }

  /**
   * Pages through the window 720 candles (Kraken's cap) per request, up to {@value
   * CandlePages#MAX_CANDLES} in all; a window that may hold more is refused before sending. Kraken
   * keeps only its most recent 720 candles of an interval: a window starting before the oldest of
   * them is refused ({@link InvalidRequestException} on {@code from}), never answered in part.
   */
  @Override
  public List<Candle> candles(Symbol symbol, Interval interval, Instant from, Instant to) {
    Requests.window(from, to);
    String minutes = OHLC_MINUTES.get(interval);
    if (minutes == null) {
      throw new InvalidRequestException("interval", "Kraken has no candle interval " + interval.code()
          + "; use one of 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w");
    }
    String pair = wire(symbol);
    return CandlePages.collect("Kraken", interval, from, to, OHLC_PER_CALL,
        (pageFrom, pageTo) -> ohlcPage(symbol, pair, interval, minutes, pageFrom, pageTo));
  }

  private List<Candle> ohlcPage(Symbol symbol, String pair, Interval interval, String minutes, Instant from, Instant to) {
    // Kraken's since is exclusive; one second earlier includes a candle opening exactly at from.
    String since = String.valueOf(Math.max(0, from.getEpochSecond() - 1));
    List<Candle> answered = api.execute(
        KrakenEndpoints.OHLC.request().query("pair", pair).query("interval", minutes).query("since", since).build(),
        KrakenDecoders.ohlc(symbol, interval, Instant.MAX), validators.candles(interval));
    Instant firstDue = from.plus(interval.duration().orElseThrow()); // a candle must open before this
    if (!answered.isEmpty() && answered.get(0).openTime().isAfter(firstDue)) {
      throw new InvalidRequestException("from", "Kraken keeps only its most recent " + OHLC_PER_CALL + " "
          + interval.code() + " candles; the oldest it has opens at " + answered.get(0).openTime()
          + ", after from (" + from + "): move from to that time or later");
    }
    List<Candle> inWindow = new ArrayList<>();
    for (Candle c : answered) {
      if (!c.openTime().isAfter(to)) {
        inWindow.add(c);
      }
    }
    return inWindow;
  }

  @Override
  public List<Balance> balances() {
    return api.execute(KrakenEndpoints.BALANCE.request().build(), KrakenDecoders.balances());
  }

  /**
   * A fresh WebSocket token from the signed {@code POST /0/private/GetWebSocketsToken} (one point on
   * the private API counter; the key needs Kraken's "WebSocket interface" permission). Kraken lets a
   * token establish a connection for 15 minutes; {@link #streams()} fetches, caches and refreshes
   * tokens itself for authenticated channels ({@code level3}), so most users never call this.
   */
  public KrakenWsToken webSocketToken() {
    return api.execute(KrakenWsTokens.ENDPOINT.request().build(), KrakenWsTokens.decoder(api.config().clock()));
  }

  /**
   * Runs {@code request}, to an endpoint this client does not wrap (a provider's new endpoint, an
   * order), through this client's whole pipeline: guard, throttle charging the endpoint's weight
   * against the limit groups it names, resilience, signing with the client's key and nonce (a {@code SIGNED} endpoint), decode with {@code decoder}. The endpoint
   * must name at least one of the client's limit groups ({@code Endpoint.Builder.limits}); an
   * endpoint naming none is refused before anything is sent.
   */
  public <T> T call(ApiRequest request, ResponseDecoder<T> decoder) {
    return core.call("Kraken", request, decoder);
  }

  @Override
  public Executor asyncExecutor() {
    return core.async();
  }

  /**
   * A builder of WebSocket v2 market streams through this client's pipeline (its TLS and pins);
   * book checksum precisions come from this client's {@link #instruments()}, and the tokens of
   * authenticated channels ({@code level3}) from {@link #webSocketToken()}. Close streams before
   * the client.
   */
  public io.tickguard.crypto.kraken.stream.KrakenMarketStream.Builder streams() {
    return io.tickguard.crypto.kraken.stream.KrakenMarketStream.builder(core.api()).instruments(this::instruments)
        .tokens(this::webSocketToken);
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

  /** The header carrying the API key; its values are redacted by this client (core also knows the name). */
  static final String API_KEY_HEADER = "API-Key";
  /** The header carrying the signature; registered with the client's redactor, core does not know it. */
  static final String API_SIGN_HEADER = "API-Sign";

  private static String wire(Symbol symbol) {
    return KrakenSymbolMapper.INSTANCE.toProvider(Objects.requireNonNull(symbol, "symbol"));
  }

  /**
   * Kraken's signing rule for {@code credentials}: millisecond nonces from {@code clock}, strictly
   * increasing per key, in the {@code nonce} form field; {@code API-Key} and {@code API-Sign} headers.
   */
  static SigningAuthenticator signingAuthenticator(CredentialsProvider credentials, Clock clock, NonceSource nonces) {
    SigningAuthenticator.Builder b = SigningAuthenticator.builder()
        .credentials(credentials)
        .signer(KrakenSigners.apiSign())
        .placement(AttachRule.builder().apiKeyHeader(API_KEY_HEADER).nonceFormField("nonce").signatureHeader(API_SIGN_HEADER).build())
        .serverClock(ServerClock.uncorrected(clock))
        .microsecondNonces(false);
    return (nonces == null ? b : b.nonceSource(nonces)).build();
  }

  /** Builds a {@link KrakenClient}. */
  public static final class Builder extends MarketDataClientBuilder<Builder> {
    private KrakenTier tier = KrakenTier.STARTER;
    private NonceSource nonces;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Kraken spot keys are {@link ApiCredentials#hmac HMAC} keys whose secret is Kraken's private key
     * exactly as issued (base64). With a rotating provider each key keeps its own strictly increasing
     * nonce.
     */
    @Override
    protected Set<KeyType> acceptedKeyTypes() {
      return Set.of(KeyType.HMAC);
    }

    @Override
    protected String providerName() {
      return "Kraken";
    }

    /**
     * The account's verification tier, which sets the private API counter's maximum and decay in the
     * default throttle ({@link KrakenLimits#spot(KrakenTier)}); {@link KrakenTier#STARTER} by
     * default. Ignored when a throttle is set explicitly.
     */
    public Builder tier(KrakenTier tier) {
      this.tier = Objects.requireNonNull(tier, "tier");
      return this;
    }

    /**
     * Where signed calls take their nonces (default: milliseconds of the configured clock, strictly
     * increasing per key). For a key whose nonces another program also advances, or to reproduce a
     * fixed nonce in a test.
     */
    public Builder nonceSource(NonceSource source) {
      this.nonces = Objects.requireNonNull(source, "source");
      return this;
    }

    /** Builds the client; it owns a connection pool and threads until closed. */
    public KrakenClient build() {
      ClientConfig config = config(DEFAULT_BASE_URL);
      RequestAuthenticator auth = resolveAuthenticator(keys -> signingAuthenticator(keys, config.clock(), nonces));
      return new KrakenClient(ClientCore.open(
            "kraken", config, chosenThrottle(config), KrakenLimits.spot(tier), futureTolerance(),
            api -> api.authenticator(auth).errorDecoder(KrakenErrorDecoder.INSTANCE)
                .secretHeaders(API_KEY_HEADER, API_SIGN_HEADER).keyRestrictionCodes(KrakenErrors::isKeyRestriction)));
    }
  }
}
