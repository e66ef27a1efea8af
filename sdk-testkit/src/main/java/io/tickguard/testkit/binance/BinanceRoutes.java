package io.tickguard.testkit.binance;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RateLimitPolicy;
import io.tickguard.testkit.RateLimiter;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.Signatures;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimCandle;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.market.SimTicker;
import io.tickguard.testkit.market.SimTrade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Binance spot's REST API in the sandbox, written from Binance's published documentation
 * (developers.binance.com, "Spot API / REST API", and {@code rest-api.md} / {@code errors.md} of
 * github.com/binance/binance-spot-api-docs), never from a client's DTOs.
 *
 * <p>Routes: {@code GET /api/v3/ping}, {@code /time}, {@code /exchangeInfo} (all, {@code symbol} or
 * {@code symbols}), {@code /ticker/24hr} ({@code symbol}, {@code symbols} or all), {@code /ticker/price} (the same forms), {@code /depth},
 * {@code /trades}, {@code /klines} and the signed {@code /api/v3/account}. Decimals are JSON strings
 * with eight decimals, times epoch milliseconds, symbols written as Binance does ({@code BTCUSDT} for
 * the simulator's {@code BTC-USDT}). Data comes from the sandbox's {@link MarketSimulator}.
 *
 * <p>Checks, as Binance documents them:
 *
 * <ul>
 *   <li>every route charges its documented weight to the {@code REQUEST_WEIGHT} window (6,000 per
 *       minute by default) and every answer carries {@value #USED_WEIGHT_HEADER}; over the limit the
 *       answer is HTTP 429 with {@code Retry-After} and code {@code -1003}, a client that keeps going
 *       is banned with HTTP 418;
 *   <li>signed calls need {@value #API_KEY_HEADER} (missing: {@code -2014}; unknown: {@code -2015},
 *       HTTP 401), {@code timestamp} and {@code signature}; the signature covers the query string
 *       (without {@code signature}) followed by the body, exactly as sent: HMAC-SHA256 hex with the
 *       key's secret for keys registered with the sandbox, Ed25519 or RSASSA-PKCS1-v1_5/SHA-256
 *       base64 for public keys registered with {@link #publicKey} (bad: {@code -1022});
 *   <li>{@code timestamp < serverTime + 1000} and {@code serverTime - timestamp <= recvWindow}
 *       (default 5,000 ms, at most 60,000) on the sandbox clock, else {@code -1021};
 *   <li>unknown symbol {@code -1121}, unknown or repeated parameters {@code -1104}/{@code -1101},
 *       missing ones {@code -1102}, all HTTP 400.
 * </ul>
 *
 * <p>What the simulator cannot give is derived and said so: {@code weightedAvgPrice} is the
 * midpoint of the 24-hour high and low, quote volumes use it or the candle's close, taker-buy volume
 * is half the volume, and klines exist only for 1m, 5m, 15m, 1h, 4h and 1d (other documented
 * intervals answer {@code -1120}) and only for the last ten simulated days.
 *
 * <p>One instance serves one sandbox: {@code SandboxServer.builder().routes(new BinanceRoutes())}.
 */
public final class BinanceRoutes implements ProviderRoutes {
  /** The header reporting the weight used in the current minute. */
  public static final String USED_WEIGHT_HEADER = "X-MBX-USED-WEIGHT-1M";
  /** The header carrying the API key. */
  public static final String API_KEY_HEADER = "X-MBX-APIKEY";
  /** {@code recvWindow} when the request sends none. */
  public static final long DEFAULT_RECV_WINDOW_MILLIS = 5000;
  /** The largest {@code recvWindow} Binance accepts. */
  public static final long MAX_RECV_WINDOW_MILLIS = 60_000;

  private static final Set<String> BINANCE_INTERVALS =
      Set.of("1s", "1m", "3m", "5m", "15m", "30m", "1h", "2h", "4h", "6h", "8h", "12h", "1d", "3d", "1w", "1M");
  private static final String INTEGER = "[0-9]{1,18}";
  private static final int SCALE = 8;

  private final RateLimitPolicy policy;
  private final BinanceErrors errors;
  private final ConcurrentMap<String, PublicApiKey> publicKeys = new ConcurrentHashMap<>();
  private volatile SandboxContext context;
  private volatile RateLimiter weight;
  private volatile Map<String, Instrument> symbols = Map.of();

  private record PublicApiKey(PublicKey key, String algorithm, Set<Scope> scopes) {}

  /** Binance's published limit: 6,000 request weight per minute per IP. */
  public BinanceRoutes() {
    this(defaultPolicy());
  }

  /**
   * Routes that enforce {@code policy} as the {@code REQUEST_WEIGHT} limit (a small budget makes a
   * test hit it quickly); its usage header should stay {@value #USED_WEIGHT_HEADER}.
   */
  public BinanceRoutes(RateLimitPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.errors = new BinanceErrors(policy);
  }

  /**
   * {@code REQUEST_WEIGHT}, 6,000 per minute, reported in {@value #USED_WEIGHT_HEADER}; a ban of
   * two minutes (Binance's shortest) after three refused calls in a row.
   */
  public static RateLimitPolicy defaultPolicy() {
    return new RateLimitPolicy("REQUEST_WEIGHT", 6000, Duration.ofMinutes(1), USED_WEIGHT_HEADER, 3, Duration.ofMinutes(2));
  }

  /** Binance's spelling of a simulator symbol: {@code BTC-USDT} is {@code BTCUSDT}. */
  public static String wireSymbol(String simulatorSymbol) {
    return simulatorSymbol.replace("-", "");
  }

  /**
   * Registers an Ed25519 or RSA public key under {@code apiKey}, as a Binance user does when
   * creating such an API key; signed calls with it are verified against {@code key}.
   */
  public BinanceRoutes publicKey(String apiKey, PublicKey key, Scope... scopes) {
    Objects.requireNonNull(apiKey, "apiKey");
    String algorithm;
    switch (key.getAlgorithm()) {
      case "Ed25519":
      case "EdDSA":
        algorithm = "Ed25519";
        break;
      case "RSA":
        algorithm = "SHA256withRSA";
        break;
      default:
        throw new IllegalArgumentException("Binance API keys are HMAC, Ed25519 or RSA, not " + key.getAlgorithm());
    }
    Set<Scope> granted = scopes.length == 0 ? Set.of() : Set.copyOf(EnumSet.copyOf(List.of(scopes)));
    publicKeys.put(apiKey, new PublicApiKey(key, algorithm, granted));
    return this;
  }

  /** The {@code REQUEST_WEIGHT} limiter (tests may charge it to simulate other clients on the IP). */
  public RateLimiter weightLimiter() {
    RateLimiter limiter = weight;
    if (limiter == null) {
      throw new IllegalStateException("BinanceRoutes is not registered with a sandbox yet");
    }
    return limiter;
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("A BinanceRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    this.weight = ctx.newRateLimiter(policy);
    Map<String, Instrument> bySymbol = new LinkedHashMap<>();
    ctx.market().instruments().values().forEach(i -> bySymbol.put(wireSymbol(i.symbol()), i));
    this.symbols = Map.copyOf(bySymbol);

    route(table, "/api/v3/ping", r -> 1).handle(r -> publicCall(r, Set.of(), this::ping));
    route(table, "/api/v3/time", r -> 1).handle(r -> publicCall(r, Set.of(), this::time));
    route(table, "/api/v3/exchangeInfo", r -> 20)
        .handle(r -> publicCall(r, Set.of("symbol", "symbols"), this::exchangeInfo));
    route(table, "/api/v3/ticker/24hr", BinanceRoutes::tickerWeight)
        .handle(r -> publicCall(r, Set.of("symbol", "symbols", "type"), this::ticker24hr));
    route(table, "/api/v3/ticker/price", r -> r.query("symbol").isPresent() ? 2 : 4)
        .handle(r -> publicCall(r, Set.of("symbol", "symbols"), this::tickerPrice));
    route(table, "/api/v3/depth", BinanceRoutes::depthWeight)
        .handle(r -> publicCall(r, Set.of("symbol", "limit"), this::depth));
    route(table, "/api/v3/trades", r -> 25).handle(r -> publicCall(r, Set.of("symbol", "limit"), this::trades));
    route(table, "/api/v3/klines", r -> 2)
        .handle(r -> publicCall(r, Set.of("symbol", "interval", "startTime", "endTime", "limit", "timeZone"), this::klines));
    route(table, "/api/v3/account", r -> 20)
        .handle(r -> signedCall(r, Set.of("omitZeroBalances"), Scope.ACCOUNT_READ, this::account));
    // Any valid key may read its own restrictions: the audit must work for a market-data-only key.
    route(table, "/sapi/v1/account/apiRestrictions", r -> 1)
        .handle(r -> signedCall(r, Set.of(), Scope.MARKET_DATA, this::apiRestrictions));
  }

  private RouteTable.RouteBuilder route(RouteTable table, String path, java.util.function.ToIntFunction<SandboxRequest> w) {
    return table.on("GET", path).limiter(weight).weight(w).errors(errors);
  }

  /** Depth weight by {@code limit}, current docs: 1-100: 5, 101-500: 25, 501-1000: 50, 1001-5000: 250. */
  static int depthWeight(SandboxRequest r) {
    long limit = r.query("limit").filter(s -> s.matches(INTEGER)).map(Long::parseLong).orElse(100L);
    return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
  }

  /** 24hr ticker weight: one symbol or up to 20: 2; 21-100: 40; more, or every symbol: 80. */
  static int tickerWeight(SandboxRequest r) {
    if (r.query("symbol").isPresent()) {
      return 2;
    }
    Optional<String> list = r.query("symbols");
    if (list.isEmpty()) {
      return 80;
    }
    int count = list.get().split(",", -1).length;
    return count <= 20 ? 2 : count <= 100 ? 40 : 80;
  }

  private interface Handler {
    SandboxResponse handle(SandboxRequest request, MarketSimulator market);
  }

  private interface SignedHandler {
    SandboxResponse handle(SandboxRequest request, Set<Scope> scopes);
  }

  // ---- request checks ----------------------------------------------------------------------

  private SandboxResponse publicCall(SandboxRequest r, Set<String> allowed, Handler handler) {
    Optional<SandboxResponse> bad = parameters(r, allowed);
    if (bad.isPresent()) {
      return bad.get();
    }
    try {
      return handler.handle(r, context.market());
    } catch (Refusal refusal) {
      return refusal.response;
    }
  }

  /** A request Binance refuses, thrown by the parameter readers and answered by the route wrappers. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient SandboxResponse response;

    Refusal(SandboxResponse response) {
      super(null, null, false, false); // control flow, not a failure: no stack trace
      this.response = response;
    }
  }

  /** Repeated parameters are -1101; parameters the endpoint does not read are -1104. */
  private static Optional<SandboxResponse> parameters(SandboxRequest r, Set<String> allowed) {
    int unread = 0;
    Set<String> names = r.url().queryParameterNames();
    for (String name : names) {
      if (r.url().queryParameterValues(name).size() > 1) {
        return Optional.of(BinanceErrors.body(400, BinanceErrors.DUPLICATE_PARAMETER,
            "Duplicate values for a parameter detected."));
      }
      if (!allowed.contains(name)) {
        unread++;
      }
    }
    if (unread > 0) {
      return Optional.of(BinanceErrors.body(400, BinanceErrors.UNREAD_PARAMETERS,
          "Not all sent parameters were read; read '" + (names.size() - unread) + "' parameter(s) but was sent '"
              + names.size() + "'."));
    }
    return Optional.empty();
  }

  private static SandboxResponse mandatory(String name) {
    return BinanceErrors.body(400, BinanceErrors.MANDATORY_PARAMETER,
        "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
  }

  private static SandboxResponse illegal(String name) {
    return BinanceErrors.body(400, BinanceErrors.ILLEGAL_CHARS,
        "Illegal characters found in parameter '" + name + "'; legal range is '^[0-9]{1,20}$'.");
  }

  private static SandboxResponse invalidSymbol() {
    return BinanceErrors.body(400, BinanceErrors.BAD_SYMBOL, "Invalid symbol.");
  }

  private static SandboxResponse invalidParameter() {
    return BinanceErrors.body(400, BinanceErrors.INVALID_PARAMETER, "Invalid data sent for a parameter.");
  }

  /** An optional integer parameter: empty when absent; a malformed one is refused. */
  private static Optional<Long> longParameter(SandboxRequest r, String name) {
    Optional<String> raw = r.query(name);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    if (!raw.get().matches(INTEGER)) {
      throw new Refusal(illegal(name));
    }
    return Optional.of(Long.parseLong(raw.get()));
  }

  /** The {@code limit} parameter, {@code fallback} when absent, refused outside {@code [1, max]}. */
  private static long limit(SandboxRequest r, long fallback, long max) {
    long limit = longParameter(r, "limit").orElse(fallback);
    if (limit < 1 || limit > max) {
      throw new Refusal(invalidParameter());
    }
    return limit;
  }

  /** The instrument named by the mandatory {@code symbol} parameter. */
  private Instrument requiredInstrument(SandboxRequest r) {
    String symbol = r.query("symbol").orElseThrow(() -> new Refusal(mandatory("symbol")));
    Instrument i = symbols.get(symbol);
    if (i == null) {
      throw new Refusal(invalidSymbol());
    }
    return i;
  }

  // ---- public routes -----------------------------------------------------------------------

  private SandboxResponse ping(SandboxRequest r, MarketSimulator m) {
    return SandboxResponse.ok(SandboxJson.object());
  }

  private SandboxResponse time(SandboxRequest r, MarketSimulator m) {
    return SandboxResponse.ok(SandboxJson.object().put("serverTime", context.clock().millis()));
  }

  private SandboxResponse exchangeInfo(SandboxRequest r, MarketSimulator m) {
    Object selected = selectedSymbols(r, true);
    if (selected instanceof SandboxResponse error) {
      return error;
    }
    @SuppressWarnings("unchecked")
    List<Instrument> instruments = (List<Instrument>) selected;
    ObjectNode body = SandboxJson.object().put("timezone", "UTC").put("serverTime", context.clock().millis());
    ArrayNode limits = body.putArray("rateLimits");
    limits.add(SandboxJson.object().put("rateLimitType", "REQUEST_WEIGHT").put("interval", "MINUTE")
        .put("intervalNum", policy.window().toMinutes()).put("limit", policy.maxWeight()));
    limits.add(SandboxJson.object().put("rateLimitType", "ORDERS").put("interval", "SECOND")
        .put("intervalNum", 10).put("limit", 100));
    limits.add(SandboxJson.object().put("rateLimitType", "ORDERS").put("interval", "DAY")
        .put("intervalNum", 1).put("limit", 200_000));
    limits.add(SandboxJson.object().put("rateLimitType", "RAW_REQUESTS").put("interval", "MINUTE")
        .put("intervalNum", 5).put("limit", 61_000));
    body.putArray("exchangeFilters");
    ArrayNode out = body.putArray("symbols");
    for (Instrument i : instruments) {
      ObjectNode s = SandboxJson.object()
          .put("symbol", wireSymbol(i.symbol())).put("status", "TRADING")
          .put("baseAsset", i.base()).put("baseAssetPrecision", SCALE)
          .put("quoteAsset", i.quote()).put("quotePrecision", SCALE).put("quoteAssetPrecision", SCALE)
          .put("baseCommissionPrecision", SCALE).put("quoteCommissionPrecision", SCALE);
      ArrayNode orderTypes = s.putArray("orderTypes");
      List.of("LIMIT", "LIMIT_MAKER", "MARKET", "STOP_LOSS_LIMIT", "TAKE_PROFIT_LIMIT").forEach(orderTypes::add);
      s.put("icebergAllowed", true).put("ocoAllowed", true).put("otoAllowed", true)
          .put("quoteOrderQtyMarketAllowed", true).put("allowTrailingStop", true).put("cancelReplaceAllowed", true)
          .put("isSpotTradingAllowed", true).put("isMarginTradingAllowed", false);
      ArrayNode filters = s.putArray("filters");
      filters.add(SandboxJson.object().put("filterType", "PRICE_FILTER")
          .put("minPrice", d(i.tickSize())).put("maxPrice", d(new BigDecimal("1000000")))
          .put("tickSize", d(i.tickSize())));
      filters.add(SandboxJson.object().put("filterType", "LOT_SIZE")
          .put("minQty", d(i.lotSize())).put("maxQty", d(new BigDecimal("9000000")))
          .put("stepSize", d(i.lotSize())));
      s.putArray("permissions");
      s.putArray("permissionSets").add(SandboxJson.array().add("SPOT"));
      s.put("defaultSelfTradePreventionMode", "EXPIRE_MAKER");
      s.putArray("allowedSelfTradePreventionModes").add("EXPIRE_TAKER").add("EXPIRE_MAKER").add("EXPIRE_BOTH");
      out.add(s);
    }
    return SandboxResponse.ok(body);
  }

  /**
   * The instruments named by {@code symbol} or {@code symbols} (a JSON array), every one when
   * {@code allowAll} and neither is sent; an error response otherwise.
   */
  private Object selectedSymbols(SandboxRequest r, boolean allowAll) {
    Optional<String> one = r.query("symbol");
    Optional<String> many = r.query("symbols");
    if (one.isPresent() && many.isPresent()) {
      return BinanceErrors.body(400, BinanceErrors.INVALID_PARAMETER_COMBINATION, "Combination of optional parameters invalid.");
    }
    if (one.isPresent()) {
      Instrument i = symbols.get(one.get());
      return i == null ? invalidSymbol() : List.of(i);
    }
    if (many.isEmpty()) {
      return allowAll ? List.copyOf(symbols.values()) : mandatory("symbol");
    }
    JsonNode array;
    try {
      array = SandboxJson.read(many.get());
    } catch (RuntimeException e) {
      array = null;
    }
    if (array == null || !array.isArray() || array.isEmpty()) {
      return BinanceErrors.body(400, BinanceErrors.ILLEGAL_CHARS,
          "Illegal characters found in parameter 'symbols'; legal range is '^\\[(\"[A-Z0-9-_.]{1,20}\"(,\"[A-Z0-9-_.]{1,20}\"){0,}){0,1}\\]$'.");
    }
    List<Instrument> out = new ArrayList<>();
    for (JsonNode s : array) {
      Instrument i = s.isString() ? symbols.get(s.asString()) : null;
      if (i == null) {
        return invalidSymbol();
      }
      if (out.contains(i)) {
        return BinanceErrors.body(400, BinanceErrors.DUPLICATE_PARAMETER, "Duplicate values for a parameter detected.");
      }
      out.add(i);
    }
    return out;
  }

  private SandboxResponse ticker24hr(SandboxRequest r, MarketSimulator m) {
    Optional<String> type = r.query("type");
    if (type.isPresent() && !type.get().equals("FULL")) {
      // MINI drops the book fields; the sandbox serves the FULL form only.
      return invalidParameter();
    }
    Object selected = selectedSymbols(r, true);
    if (selected instanceof SandboxResponse error) {
      return error;
    }
    @SuppressWarnings("unchecked")
    List<Instrument> instruments = (List<Instrument>) selected;
    if (r.query("symbol").isPresent()) {
      return SandboxResponse.ok(ticker(instruments.get(0), m));
    }
    ArrayNode out = SandboxJson.array();
    instruments.forEach(i -> out.add(ticker(i, m)));
    return SandboxResponse.ok(out);
  }

  /** {@code ticker/price}: symbol and last price, one object or an array (Binance's documented forms). */
  private SandboxResponse tickerPrice(SandboxRequest r, MarketSimulator m) {
    Object selected = selectedSymbols(r, true);
    if (selected instanceof SandboxResponse error) {
      return error;
    }
    @SuppressWarnings("unchecked")
    List<Instrument> instruments = (List<Instrument>) selected;
    if (r.query("symbol").isPresent()) {
      return SandboxResponse.ok(price(instruments.get(0), m));
    }
    ArrayNode out = SandboxJson.array();
    instruments.forEach(i -> out.add(price(i, m)));
    return SandboxResponse.ok(out);
  }

  private static ObjectNode price(Instrument i, MarketSimulator m) {
    return SandboxJson.object().put("symbol", wireSymbol(i.symbol())).put("price", d(m.ticker(i.symbol()).last()));
  }

  private static ObjectNode ticker(Instrument i, MarketSimulator m) {
    SimTicker t = m.ticker(i.symbol());
    SimTrade lastTrade = m.recentTrades(i.symbol(), 1).get(0);
    BigDecimal change = t.last().subtract(t.open24h());
    BigDecimal percent = change.multiply(BigDecimal.valueOf(100)).divide(t.open24h(), 3, RoundingMode.HALF_UP);
    BigDecimal weightedAverage = t.high24h().add(t.low24h()).divide(BigDecimal.valueOf(2), SCALE, RoundingMode.HALF_UP);
    long closeTime = t.time().toEpochMilli();
    long lastId = Math.floorDiv(closeTime, 1000L);
    return SandboxJson.object()
        .put("symbol", wireSymbol(i.symbol()))
        .put("priceChange", d(change))
        .put("priceChangePercent", percent.toPlainString())
        .put("weightedAvgPrice", d(weightedAverage))
        .put("prevClosePrice", d(t.open24h()))
        .put("lastPrice", d(t.last()))
        .put("lastQty", d(lastTrade.quantity()))
        .put("bidPrice", d(t.bid()))
        .put("bidQty", d(t.bidQuantity()))
        .put("askPrice", d(t.ask()))
        .put("askQty", d(t.askQuantity()))
        .put("openPrice", d(t.open24h()))
        .put("highPrice", d(t.high24h()))
        .put("lowPrice", d(t.low24h()))
        .put("volume", d(t.volume24h()))
        .put("quoteVolume", d(t.volume24h().multiply(weightedAverage)))
        .put("openTime", closeTime - Duration.ofDays(1).toMillis())
        .put("closeTime", closeTime)
        .put("firstId", lastId - 86_399)
        .put("lastId", lastId)
        .put("count", 86_400);
  }

  private SandboxResponse depth(SandboxRequest r, MarketSimulator m) {
    Instrument i = requiredInstrument(r);
    // Documented: a limit above 5000 is served as 5000.
    long limit = limit(r, 100, Long.MAX_VALUE);
    SimOrderBook book = m.orderBook(i.symbol(), (int) Math.min(limit, 5000));
    ObjectNode body = SandboxJson.object().put("lastUpdateId", book.sequence());
    body.set("bids", levels(book.bids()));
    body.set("asks", levels(book.asks()));
    return SandboxResponse.ok(body);
  }

  private SandboxResponse trades(SandboxRequest r, MarketSimulator m) {
    Instrument i = requiredInstrument(r);
    long limit = limit(r, 500, 1000);
    ArrayNode out = SandboxJson.array();
    for (SimTrade t : m.recentTrades(i.symbol(), (int) limit)) {
      out.add(SandboxJson.object()
          .put("id", t.id())
          .put("price", d(t.price()))
          .put("qty", d(t.quantity()))
          .put("quoteQty", d(t.price().multiply(t.quantity())))
          .put("time", t.time().toEpochMilli())
          .put("isBuyerMaker", t.buyerMaker())
          .put("isBestMatch", true));
    }
    return SandboxResponse.ok(out);
  }

  private SandboxResponse klines(SandboxRequest r, MarketSimulator m) {
    if (r.query("symbol").isEmpty()) {
      return mandatory("symbol");
    }
    if (r.query("interval").isEmpty()) {
      return mandatory("interval");
    }
    Instrument i = requiredInstrument(r);
    String code = r.query("interval").get();
    Optional<CandleInterval> simulated = CandleInterval.ofCode(code);
    if (simulated.isEmpty()) {
      return BinanceErrors.body(400, BinanceErrors.BAD_INTERVAL, BINANCE_INTERVALS.contains(code)
          ? "Invalid interval. (The sandbox simulates 1m, 5m, 15m, 1h, 4h and 1d only.)"
          : "Invalid interval.");
    }
    if (r.query("timeZone").filter(z -> !z.equals("0") && !z.equals("+00:00") && !z.equals("0:00")).isPresent()) {
      return invalidParameter(); // the sandbox serves UTC candles only
    }
    Optional<Long> start = longParameter(r, "startTime");
    Optional<Long> end = longParameter(r, "endTime");
    long limit = limit(r, 500, 1000);
    if (start.isPresent() && end.isPresent() && start.get() > end.get()) {
      return BinanceErrors.body(400, BinanceErrors.BAD_START_END, "Start time is greater than end time.");
    }
    CandleInterval interval = simulated.get();
    long step = interval.seconds() * 1000;
    long currentOpen = Math.floorDiv(context.clock().millis(), step) * step;
    long last = end.map(e -> Math.min(currentOpen, Math.floorDiv(e, step) * step)).orElse(currentOpen);
    long first;
    if (start.isPresent()) {
      first = -Math.floorDiv(-start.get(), step) * step; // the first open time at or after startTime
      last = Math.min(last, first + (limit - 1) * step);
    } else {
      first = last - (limit - 1) * step;
    }
    long reachable = Math.min(1000, MarketSimulator.MAX_SCAN_SECONDS / interval.seconds());
    first = Math.max(first, currentOpen - (reachable - 1) * step);
    ArrayNode out = SandboxJson.array();
    if (first > last) {
      return SandboxResponse.ok(out);
    }
    int count = (int) ((currentOpen - first) / step + 1);
    for (SimCandle c : m.candles(i.symbol(), interval, count)) {
      long open = c.openTime().toEpochMilli();
      if (open < first || open > last) {
        continue;
      }
      out.add(SandboxJson.array()
          .add(open)
          .add(d(c.open())).add(d(c.high())).add(d(c.low())).add(d(c.close())).add(d(c.volume()))
          .add(c.closeTime().toEpochMilli())
          .add(d(c.volume().multiply(c.close())))
          .add(c.trades())
          .add(d(c.volume().divide(BigDecimal.valueOf(2))))
          .add(d(c.volume().divide(BigDecimal.valueOf(2)).multiply(c.close())))
          .add("0"));
    }
    return SandboxResponse.ok(out);
  }

  // ---- signed routes -----------------------------------------------------------------------

  /**
   * A SIGNED (USER_DATA / TRADE) call, checked in this order: API key, parameters, signature over
   * the exact bytes sent, then the timestamp against {@code recvWindow} on the sandbox clock, then
   * the key's permission.
   */
  private SandboxResponse signedCall(SandboxRequest r, Set<String> allowed, Scope scope, SignedHandler handler) {
    String keyId = r.header(API_KEY_HEADER).orElse("");
    if (!keyId.matches("[\\x21-\\x7e]{1,128}")) {
      return BinanceErrors.body(401, BinanceErrors.BAD_API_KEY_FORMAT, "API-key format invalid.");
    }
    Optional<ApiKey> hmacKey = context.apiKeys().find(keyId);
    PublicApiKey publicKey = publicKeys.get(keyId);
    if (hmacKey.isEmpty() && publicKey == null) {
      return rejectedKey();
    }
    if (hmacKey.isPresent() && !hmacKey.get().allowsAddress(r.clientAddress())) {
      return rejectedKey(); // Binance's answer to a call from outside the key's IP allow-list
    }
    Set<String> all = new java.util.HashSet<>(allowed);
    all.addAll(Set.of("timestamp", "recvWindow", "signature"));
    Optional<SandboxResponse> bad = parameters(r, all);
    if (bad.isPresent()) {
      return bad.get();
    }
    Optional<Long> timestampParam;
    long recvWindow;
    try {
      timestampParam = longParameter(r, "timestamp");
      recvWindow = longParameter(r, "recvWindow").orElse(DEFAULT_RECV_WINDOW_MILLIS);
    } catch (Refusal refusal) {
      // A malformed timestamp is reported as missing, as Binance does; a malformed window as illegal.
      return r.query("timestamp").filter(t -> t.matches(INTEGER)).isPresent() ? refusal.response : mandatory("timestamp");
    }
    if (timestampParam.isEmpty()) {
      return mandatory("timestamp");
    }
    long timestamp = timestampParam.get();
    if (recvWindow > MAX_RECV_WINDOW_MILLIS) {
      return BinanceErrors.body(400, BinanceErrors.BAD_RECV_WINDOW, "recvWindow must be less than 60000");
    }
    Optional<String> presented = r.query("signature").filter(s -> !s.isEmpty());
    if (presented.isEmpty()) {
      return mandatory("signature");
    }
    String payload = withoutSignature(r.encodedQuery()) + r.bodyText();
    boolean valid = hmacKey.isPresent()
        ? Signatures.matches(Signatures.hmacSha256Hex(hmacKey.get().secret(), payload),
            presented.get().toLowerCase(Locale.ROOT))
        : verifies(publicKey, payload, presented.get());
    if (!valid) {
      return BinanceErrors.body(400, BinanceErrors.INVALID_SIGNATURE, "Signature for this request is not valid.");
    }
    long serverTime = context.clock().millis();
    if (timestamp >= serverTime + 1000) {
      return BinanceErrors.body(400, BinanceErrors.INVALID_TIMESTAMP,
          "Timestamp for this request was 1000ms ahead of the server's time.");
    }
    if (serverTime - timestamp > recvWindow) {
      return BinanceErrors.body(400, BinanceErrors.INVALID_TIMESTAMP,
          "Timestamp for this request is outside of the recvWindow.");
    }
    Set<Scope> scopes = hmacKey.map(ApiKey::scopes).orElseGet(() -> publicKey.scopes());
    if (!scopes.contains(scope)) {
      return rejectedKey();
    }
    try {
      return handler.handle(r, scopes);
    } catch (Refusal refusal) {
      return refusal.response;
    }
  }

  private static SandboxResponse rejectedKey() {
    return BinanceErrors.body(401, BinanceErrors.REJECTED_API_KEY, "Invalid API-key, IP, or permissions for action.");
  }

  /** The encoded query string exactly as sent, minus its {@code signature} parameter. */
  static String withoutSignature(String encodedQuery) {
    StringBuilder out = new StringBuilder(encodedQuery.length());
    for (String pair : encodedQuery.split("&", -1)) {
      if (pair.equals("signature") || pair.startsWith("signature=")) {
        continue;
      }
      if (out.length() > 0) {
        out.append('&');
      }
      out.append(pair);
    }
    return out.toString();
  }

  private static boolean verifies(PublicApiKey key, String payload, String base64Signature) {
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(base64Signature);
    } catch (IllegalArgumentException e) {
      return false; // e.g. a '+' sent unencoded arrives as a space
    }
    try {
      Signature verifier = Signature.getInstance(key.algorithm());
      verifier.initVerify(key.key());
      verifier.update(payload.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private SandboxResponse account(SandboxRequest r, Set<Scope> scopes) {
    Optional<String> omit = r.query("omitZeroBalances");
    if (omit.isPresent() && !omit.get().equals("true") && !omit.get().equals("false")) {
      return invalidParameter();
    }
    boolean omitZero = omit.map(Boolean::parseBoolean).orElse(false);
    ObjectNode body = SandboxJson.object()
        .put("makerCommission", 10).put("takerCommission", 10).put("buyerCommission", 0).put("sellerCommission", 0);
    body.putObject("commissionRates").put("maker", "0.00100000").put("taker", "0.00100000")
        .put("buyer", "0.00000000").put("seller", "0.00000000");
    body.put("canTrade", scopes.contains(Scope.TRADE)).put("canWithdraw", scopes.contains(Scope.WITHDRAW))
        .put("canDeposit", true).put("brokered", false).put("requireSelfTradePrevention", false)
        .put("preventSor", false).put("updateTime", context.clock().millis()).put("accountType", "SPOT");
    ArrayNode balances = body.putArray("balances");
    String[][] held = {{"BTC", "0.50000000", "0.00000000"}, {"ETH", "0.00000000", "0.00000000"},
        {"USDT", "10000.00000000", "250.00000000"}};
    for (String[] b : held) {
      if (omitZero && new BigDecimal(b[1]).add(new BigDecimal(b[2])).signum() == 0) {
        continue;
      }
      balances.add(SandboxJson.object().put("asset", b[0]).put("free", b[1]).put("locked", b[2]));
    }
    body.putArray("permissions").add("SPOT");
    body.put("uid", 354_937_868L);
    return SandboxResponse.ok(body);
  }

  /**
   * {@code GET /sapi/v1/account/apiRestrictions} (wallet docs, "Get API Key Permission"): the key's
   * permission flags, from its scopes ({@code enableReading}: ACCOUNT_READ, {@code
   * enableSpotAndMarginTrading}: TRADE, {@code enableWithdrawals}: WITHDRAW) and its IP allow-list
   * ({@code ipRestrict}).
   */
  private SandboxResponse apiRestrictions(SandboxRequest r, Set<Scope> scopes) {
    Optional<ApiKey> key = context.apiKeys().find(r.header(API_KEY_HEADER).orElse(""));
    ObjectNode body = SandboxJson.object()
        .put("ipRestrict", key.map(ApiKey::ipRestricted).orElse(false))
        .put("createTime", 1_698_645_219_000L)
        .put("enableInternalTransfer", false)
        .put("enableFutures", false)
        .put("enablePortfolioMarginTrading", false)
        .put("enableVanillaOptions", false)
        .put("permitsUniversalTransfer", false)
        .put("enableReading", scopes.contains(Scope.ACCOUNT_READ))
        .put("enableSpotAndMarginTrading", scopes.contains(Scope.TRADE))
        .put("enableWithdrawals", scopes.contains(Scope.WITHDRAW))
        .put("enableMargin", false)
        .put("enableFixApiTrade", false)
        .put("enableFixReadOnly", false);
    return SandboxResponse.ok(body);
  }

  // ---- formatting --------------------------------------------------------------------------

  private static ArrayNode levels(List<SimLevel> levels) {
    ArrayNode out = SandboxJson.array();
    for (SimLevel l : levels) {
      out.add(SandboxJson.array().add(d(l.price())).add(d(l.quantity())));
    }
    return out;
  }

  /** Binance writes decimals as strings with eight decimals ({@code "4.00000200"}). */
  static String d(BigDecimal value) {
    BigDecimal v = value.scale() > SCALE ? value.stripTrailingZeros() : value;
    return v.setScale(Math.max(SCALE, v.scale()), RoundingMode.UNNECESSARY).toPlainString();
  }
}
