package io.tickguard.testkit.kraken;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.ErrorStyle;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Kraken spot REST, written from Kraken's docs (docs.kraken.com "Spot REST Authentication", "Spot
 * REST Rate Limits", the market-data and Balance references, and the error-message guide):
 *
 * <ul>
 *   <li>{@code GET /0/public/Time}, {@code AssetPairs}, {@code Ticker}, {@code Depth}, {@code
 *       Trades}, {@code OHLC}, with data from the sandbox's {@link MarketSimulator}. Pairs are named
 *       the Kraken way: {@code BTC-USDT} is {@code XBTUSDT} (wsname {@code XBT/USDT}); pairs Kraken
 *       keys by their legacy name answer under it ({@code EUR-USD} is {@code ZEURZUSD}).
 *   <li>{@code POST /0/private/Balance} with a form body, signed: {@code API-Key} must be registered,
 *       {@code API-Sign} must be base64(HMAC-SHA512(base64decode(secret), path + SHA256(nonce + body)))
 *       with the key's secret (register it with its base64 text), and the {@code nonce} must be
 *       greater than the last one accepted for the key.
 *   <li>{@code POST /0/private/GetWebSocketsToken}, signed the same way: {@code {"token":..,"expires":900}},
 *       a token of the {@link KrakenWsTokenIssuer} given to the builder.
 * </ul>
 *
 * <p>Every answer is Kraken's envelope {@code {"error":[...],"result":...}}, errors included, with
 * HTTP 200: {@code EAPI:Invalid key}, {@code EAPI:Invalid signature}, {@code EAPI:Invalid nonce},
 * {@code EGeneral:Permission denied}, {@code EQuery:Unknown asset pair}, {@code EGeneral:Invalid
 * arguments}. Private calls count against a per-key decaying counter ({@code EAPI:Rate limit
 * exceeded} above its maximum); public calls against a per-address limit ({@code EGeneral:Too many
 * requests}, and {@code EGeneral:Temporary lockout} for a client that keeps calling). The simulator
 * has no 30-minute, weekly or 15-day candles: those intervals answer {@code EGeneral:Invalid
 * arguments}. One instance serves one sandbox.
 */
public final class KrakenRoutes implements ProviderRoutes {
  /** The header carrying the public API key. */
  public static final String API_KEY_HEADER = "API-Key";
  /** The header carrying the signature. */
  public static final String API_SIGN_HEADER = "API-Sign";
  /** The sandbox's (not Kraken's) header reporting public calls used in the current window. */
  public static final String PUBLIC_USAGE_HEADER = "X-TG-Kraken-Public-Used";

  private static final Map<String, String> ASSET_TO_KRAKEN = Map.of("BTC", "XBT", "DOGE", "XDG");
  /** Assets Kraken still names with an X (crypto) or Z (fiat) prefix in results. */
  private static final Map<String, String> LEGACY_ASSETS = Map.of(
      "XBT", "XXBT", "ETH", "XETH", "LTC", "XLTC", "XRP", "XXRP", "XDG", "XXDG",
      "USD", "ZUSD", "EUR", "ZEUR", "GBP", "ZGBP", "CAD", "ZCAD", "JPY", "ZJPY");
  /** Pairs whose result key is the legacy name. */
  private static final Map<String, String> LEGACY_PAIRS = Map.of(
      "XBTUSD", "XXBTZUSD", "XBTEUR", "XXBTZEUR", "ETHUSD", "XETHZUSD", "ETHEUR", "XETHZEUR",
      "ETHXBT", "XETHXXBT", "EURUSD", "ZEURZUSD", "GBPUSD", "ZGBPZUSD", "USDCAD", "ZUSDZCAD");
  private static final Map<String, CandleInterval> OHLC_INTERVALS = Map.of(
      "1", CandleInterval.M1, "5", CandleInterval.M5, "15", CandleInterval.M15, "60", CandleInterval.H1,
      "240", CandleInterval.H4, "1440", CandleInterval.D1);
  private static final DateTimeFormatter RFC1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final int counterMax;
  private final double counterDecayPerSecond;
  private final RateLimitPolicy publicLimit;
  private final Map<String, String> balances;
  private final KrakenWsTokenIssuer wsTokens;
  private final ConcurrentMap<String, Long> lastNonces = new ConcurrentHashMap<>();
  private SandboxContext context;
  private KrakenCallCounter counter;
  private Map<String, Pair> pairsByName;
  private List<Pair> pairs;

  private KrakenRoutes(Builder b) {
    this.counterMax = b.counterMax;
    this.counterDecayPerSecond = b.counterDecayPerSecond;
    this.publicLimit = b.publicLimit;
    this.balances = Map.copyOf(b.balances);
    this.wsTokens = b.wsTokens != null ? b.wsTokens : new KrakenWsTokenIssuer();
  }

  /** Routes with Kraken's Starter-tier counter (15, decaying 0.33 per second) and 60 public calls a minute. */
  public KrakenRoutes() {
    this(builder());
  }

  /** Starts configuring the limits and the balances. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("A KrakenRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    this.counter = new KrakenCallCounter(counterMax, counterDecayPerSecond, ctx.clock());
    List<Pair> all = new ArrayList<>();
    Map<String, Pair> byName = new LinkedHashMap<>();
    for (Instrument i : ctx.market().instruments().values()) {
      Pair p = Pair.of(i);
      all.add(p);
      byName.put(p.altname, p);
      byName.put(p.key, p);
    }
    this.pairs = List.copyOf(all);
    this.pairsByName = Map.copyOf(byName);
    RateLimiter publicLimiter = ctx.newRateLimiter(publicLimit);
    ErrorStyle publicErrors = errors("EGeneral:Too many requests");
    table.on("GET", "/0/public/Time").limiter(publicLimiter).errors(publicErrors).handle(this::time);
    table.on("GET", "/0/public/AssetPairs").limiter(publicLimiter).errors(publicErrors).handle(this::assetPairs);
    table.on("GET", "/0/public/Ticker").limiter(publicLimiter).errors(publicErrors).handle(this::ticker);
    table.on("GET", "/0/public/Depth").limiter(publicLimiter).errors(publicErrors).handle(this::depth);
    table.on("GET", "/0/public/Trades").limiter(publicLimiter).errors(publicErrors).handle(this::trades);
    table.on("GET", "/0/public/OHLC").limiter(publicLimiter).errors(publicErrors).handle(this::ohlc);
    // Private calls count per key, after the key is known: see signed().
    table.on("POST", "/0/private/Balance").unlimited().errors(errors("EAPI:Rate limit exceeded"))
        .handle(r -> signed(r, Scope.ACCOUNT_READ, this::balance));
    table.on("POST", "/0/private/GetWebSocketsToken").unlimited().errors(errors("EAPI:Rate limit exceeded"))
        .handle(r -> signed(r, Scope.MARKET_DATA, this::webSocketsToken));
  }

  // ---------------------------------------------------------------------------------- envelope

  /** {@code {"error":["<error>"],"result":{}}} with HTTP 200, as Kraken reports errors. */
  public static SandboxResponse error(String error) {
    ObjectNode body = SandboxJson.object();
    body.putArray("error").add(error);
    body.putObject("result");
    return SandboxResponse.json(200, body);
  }

  private static SandboxResponse ok(ObjectNode result) {
    ObjectNode body = SandboxJson.object();
    body.putArray("error");
    body.set("result", result);
    return SandboxResponse.json(200, body);
  }

  /** Failures the route table reports (limits, bad parameters), in Kraken's words. */
  private static ErrorStyle errors(String rateLimited) {
    return (status, code, message) -> {
      switch (code) {
        case "RATE_LIMITED":
          return error(rateLimited);
        case "IP_BANNED":
          return error("EGeneral:Temporary lockout");
        case "BAD_PARAMETER":
          return error("EGeneral:Invalid arguments");
        case "INTERNAL":
          ObjectNode body = SandboxJson.object();
          body.putArray("error").add("EGeneral:Internal error");
          return SandboxResponse.json(500, body);
        default:
          return error("EGeneral:Invalid arguments");
      }
    };
  }

  // ---------------------------------------------------------------------------------- public

  private SandboxResponse time(SandboxRequest r) {
    Instant now = context.clock().instant();
    return ok(SandboxJson.object().put("unixtime", now.getEpochSecond()).put("rfc1123", RFC1123.format(now)));
  }

  private SandboxResponse assetPairs(SandboxRequest r) {
    Optional<List<Pair>> asked = pairsParameter(r);
    if (asked.isEmpty()) {
      return error("EQuery:Unknown asset pair");
    }
    ObjectNode result = SandboxJson.object();
    for (Pair p : asked.get()) {
      Instrument i = p.instrument;
      ObjectNode o = result.putObject(p.key);
      o.put("altname", p.altname).put("wsname", p.wsname).put("aclass_base", "currency").put("base", p.baseAsset)
          .put("aclass_quote", "currency").put("quote", p.quoteAsset).put("lot", "unit")
          .put("cost_decimals", 5).put("pair_decimals", decimals(i.tickSize())).put("lot_decimals", decimals(i.lotSize()))
          .put("lot_multiplier", 1);
      o.putArray("leverage_buy");
      o.putArray("leverage_sell");
      o.putArray("fees").add(SandboxJson.array().add(0).add(0.26)).add(SandboxJson.array().add(50000).add(0.24));
      o.putArray("fees_maker").add(SandboxJson.array().add(0).add(0.16)).add(SandboxJson.array().add(50000).add(0.14));
      o.put("fee_volume_currency", "ZUSD").put("margin_call", 80).put("margin_stop", 40)
          .put("ordermin", i.lotSize().toPlainString()).put("costmin", "0.5")
          .put("tick_size", i.tickSize().toPlainString()).put("status", "online");
    }
    return ok(result);
  }

  private SandboxResponse ticker(SandboxRequest r) {
    Optional<List<Pair>> asked = pairsParameter(r);
    if (asked.isEmpty()) {
      return error("EQuery:Unknown asset pair");
    }
    long now = context.clock().instant().getEpochSecond();
    long tradesToday = Math.floorMod(now, 86_400L) + 1; // the simulator trades once a second
    ObjectNode result = SandboxJson.object();
    for (Pair p : asked.get()) {
      SimTicker t = context.market().ticker(p.instrument.symbol());
      ObjectNode o = result.putObject(p.key);
      // The simulator keeps 24-hour statistics only: "today" repeats them.
      o.putArray("a").add(price(t.ask())).add(wholeLots(t.askQuantity())).add(volume(t.askQuantity()));
      o.putArray("b").add(price(t.bid())).add(wholeLots(t.bidQuantity())).add(volume(t.bidQuantity()));
      o.putArray("c").add(price(t.last())).add(volume(p.instrument.lotSize()));
      o.putArray("v").add(volume(t.volume24h())).add(volume(t.volume24h()));
      BigDecimal vwap = typical(t.high24h(), t.low24h(), t.last(), p.instrument.tickSize());
      o.putArray("p").add(price(vwap)).add(price(vwap));
      o.putArray("t").add(tradesToday).add(86_400L);
      o.putArray("l").add(price(t.low24h())).add(price(t.low24h()));
      o.putArray("h").add(price(t.high24h())).add(price(t.high24h()));
      o.put("o", price(t.open24h()));
    }
    return ok(result);
  }

  private SandboxResponse depth(SandboxRequest r) {
    Optional<Pair> pair = singlePair(r);
    if (pair.isEmpty()) {
      return error(r.query("pair").isEmpty() ? "EGeneral:Invalid arguments" : "EQuery:Unknown asset pair");
    }
    Optional<Integer> count = intParameter(r, "count", 100, 1, 500);
    if (count.isEmpty()) {
      return error("EGeneral:Invalid arguments");
    }
    SimOrderBook book = context.market().orderBook(pair.get().instrument.symbol(), count.get());
    long at = book.time().getEpochSecond();
    ObjectNode side = SandboxJson.object();
    side.set("asks", levels(book.asks(), at));
    side.set("bids", levels(book.bids(), at));
    ObjectNode result = SandboxJson.object();
    result.set(pair.get().key, side);
    return ok(result);
  }

  private SandboxResponse trades(SandboxRequest r) {
    Optional<Pair> pair = singlePair(r);
    if (pair.isEmpty()) {
      return error(r.query("pair").isEmpty() ? "EGeneral:Invalid arguments" : "EQuery:Unknown asset pair");
    }
    Optional<Integer> count = intParameter(r, "count", 1000, 1, 1000);
    Optional<Long> since = sinceParameter(r);
    if (count.isEmpty()) {
      return error("EGeneral:Invalid arguments");
    }
    ArrayNode list = SandboxJson.array();
    long lastNanos = 0;
    for (SimTrade t : context.market().recentTrades(pair.get().instrument.symbol(), count.get())) {
      long nanos = t.time().getEpochSecond() * 1_000_000_000L + t.time().getNano();
      if (since.isPresent() && nanos <= since.get()) {
        continue;
      }
      // A buyer who was the maker means the taker sold.
      list.add(SandboxJson.array().add(price(t.price())).add(volume(t.quantity()))
          .add(new BigDecimal(t.time().toEpochMilli()).movePointLeft(3))
          .add(t.buyerMaker() ? "s" : "b").add("l").add("").add(t.id()));
      lastNanos = Math.max(lastNanos, nanos);
    }
    ObjectNode result = SandboxJson.object();
    result.set(pair.get().key, list);
    result.put("last", Long.toString(lastNanos == 0 ? since.orElse(0L) : lastNanos));
    return ok(result);
  }

  private SandboxResponse ohlc(SandboxRequest r) {
    Optional<Pair> pair = singlePair(r);
    if (pair.isEmpty()) {
      return error(r.query("pair").isEmpty() ? "EGeneral:Invalid arguments" : "EQuery:Unknown asset pair");
    }
    CandleInterval interval = OHLC_INTERVALS.get(r.query("interval").orElse("1"));
    Optional<Long> since = sinceParameter(r);
    if (interval == null) {
      return error("EGeneral:Invalid arguments");
    }
    // Kraken answers at most the 720 most recent candles; since only trims them.
    int limit = (int) Math.min(720, MarketSimulator.MAX_SCAN_SECONDS / interval.seconds());
    List<SimCandle> candles = context.market().candles(pair.get().instrument.symbol(), interval, limit);
    BigDecimal tick = pair.get().instrument.tickSize();
    ArrayNode list = SandboxJson.array();
    long sinceSeconds = Long.MIN_VALUE;
    if (since.isPresent()) {
      long s = since.get();
      sinceSeconds = s >= 1_000_000_000_000L ? s / 1_000_000_000L : s;
    }
    for (SimCandle c : candles) {
      long open = c.openTime().getEpochSecond();
      if (open <= sinceSeconds) {
        continue;
      }
      list.add(SandboxJson.array().add(open).add(price(c.open())).add(price(c.high())).add(price(c.low()))
          .add(price(c.close())).add(price(typical(c.high(), c.low(), c.close(), tick))).add(volume(c.volume()))
          .add(c.trades()));
    }
    ObjectNode result = SandboxJson.object();
    result.set(pair.get().key, list);
    // The newest candle is still open: "last" is the newest committed one.
    result.put("last", candles.size() > 1 ? candles.get(candles.size() - 2).openTime().getEpochSecond() : 0);
    return ok(result);
  }

  // ---------------------------------------------------------------------------------- private

  private interface SignedHandler {
    SandboxResponse handle(SandboxRequest request, ApiKey key);
  }

  /**
   * Kraken's checks in a careful order: key, nonce present, signature (a forger cannot burn a
   * nonce), nonce increasing, permission, then the call counter.
   */
  private SandboxResponse signed(SandboxRequest r, Scope scope, SignedHandler handler) {
    Optional<ApiKey> key = r.header(API_KEY_HEADER).flatMap(k -> context.apiKeys().find(k));
    if (key.isEmpty()) {
      return error("EAPI:Invalid key");
    }
    byte[] secret = base64Secret(key.get());
    if (secret == null) {
      return error("EAPI:Invalid key");
    }
    if (!key.get().allowsAddress(r.clientAddress())) {
      return error("EGeneral:Permission denied"); // Kraken's answer outside the key's IP allow-list
    }
    if (!r.contentType().equals("application/x-www-form-urlencoded") || r.formParameterRepeated("nonce")) {
      return error("EGeneral:Invalid arguments");
    }
    String nonceText = r.form().get("nonce");
    if (nonceText == null || !nonceText.matches("[0-9]{1,18}")) {
      return error("EAPI:Invalid nonce");
    }
    String expected = apiSign(secret, r.path(), nonceText, r.bodyText());
    if (!Signatures.matches(expected, r.header(API_SIGN_HEADER).orElse(null))) {
      return error("EAPI:Invalid signature");
    }
    long nonce = Long.parseLong(nonceText);
    boolean[] accepted = {false};
    lastNonces.compute(key.get().key(), (k, last) -> {
      if (last == null || nonce > last) {
        accepted[0] = true;
        return nonce;
      }
      return last;
    });
    if (!accepted[0]) {
      return error("EAPI:Invalid nonce");
    }
    if (!key.get().grants(scope)) {
      return error("EGeneral:Permission denied");
    }
    if (!counter.charge(key.get().key(), 1)) {
      return error("EAPI:Rate limit exceeded");
    }
    return handler.handle(r, key.get());
  }

  private SandboxResponse balance(SandboxRequest r, ApiKey key) {
    ObjectNode result = SandboxJson.object();
    balances.forEach(result::put);
    return ok(result);
  }

  /** {@code {"token":"...","expires":900}}: a token the stream routes sharing the issuer accept for 15 minutes. */
  private SandboxResponse webSocketsToken(SandboxRequest r, ApiKey key) {
    ObjectNode result = SandboxJson.object();
    result.put("token", wsTokens.issue(context.clock().instant()));
    result.put("expires", KrakenWsTokenIssuer.VALIDITY.toSeconds());
    return ok(result);
  }

  /**
   * Kraken's {@code API-Sign}: base64(HMAC-SHA512(secret, path + SHA256(nonce + postData))).
   *
   * @param secret the private key, already base64-decoded
   * @param path the URI path, such as {@code /0/private/Balance}
   * @param nonce the nonce as sent in the form
   * @param postData the form body exactly as sent
   */
  public static String apiSign(byte[] secret, String path, String nonce, String postData) {
    byte[] pathBytes = path.getBytes(StandardCharsets.UTF_8);
    byte[] digest = sha256((nonce + postData).getBytes(StandardCharsets.UTF_8));
    byte[] message = new byte[pathBytes.length + digest.length];
    System.arraycopy(pathBytes, 0, message, 0, pathBytes.length);
    System.arraycopy(digest, 0, message, pathBytes.length, digest.length);
    return Base64.getEncoder().encodeToString(Signatures.hmac("HmacSHA512", secret, message));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }

  /** The key's secret decoded from its base64 text, or {@code null} when it is not base64. */
  private static byte[] base64Secret(ApiKey key) {
    String text = new String(key.secret(), StandardCharsets.UTF_8);
    try {
      byte[] decoded = Base64.getDecoder().decode(text);
      return decoded.length == 0 ? null : decoded;
    } catch (IllegalArgumentException notBase64) {
      return null;
    }
  }

  // ---------------------------------------------------------------------------------- parameters

  /** The pairs of {@code pair} (comma-separated), all pairs when absent; empty when one is unknown. */
  private Optional<List<Pair>> pairsParameter(SandboxRequest r) {
    Optional<String> raw = r.query("pair");
    if (raw.isEmpty() || raw.get().isEmpty()) {
      return Optional.of(pairs);
    }
    List<Pair> out = new ArrayList<>();
    for (String name : raw.get().split(",", -1)) {
      Pair p = pairsByName.get(name);
      if (p == null) {
        return Optional.empty();
      }
      if (!out.contains(p)) {
        out.add(p);
      }
    }
    return Optional.of(out);
  }

  private Optional<Pair> singlePair(SandboxRequest r) {
    return r.query("pair").map(pairsByName::get);
  }

  private static Optional<Integer> intParameter(SandboxRequest r, String name, int absent, int min, int max) {
    Optional<String> raw = r.query(name);
    if (raw.isEmpty()) {
      return Optional.of(absent);
    }
    if (!raw.get().matches("[0-9]{1,6}")) {
      return Optional.empty();
    }
    int v = Integer.parseInt(raw.get());
    return v < min || v > max ? Optional.empty() : Optional.of(v);
  }

  /** {@code since} in seconds or nanoseconds, if sent; a malformed one is refused as invalid arguments. */
  private static Optional<Long> sinceParameter(SandboxRequest r) {
    Optional<String> raw = r.query("since");
    if (raw.isPresent() && !raw.get().matches("[0-9]{1,19}")) {
      throw new IllegalArgumentException("since must be a timestamp");
    }
    return raw.map(Long::parseLong);
  }

  // ---------------------------------------------------------------------------------- formatting

  private static ArrayNode levels(List<SimLevel> levels, long at) {
    ArrayNode out = SandboxJson.array();
    for (SimLevel l : levels) {
      out.add(SandboxJson.array().add(price(l.price())).add(volume(l.quantity())).add(at));
    }
    return out;
  }

  private static String price(BigDecimal d) {
    return d.toPlainString();
  }

  /** Volumes as Kraken writes them, with 8 decimals. */
  private static String volume(BigDecimal d) {
    return d.setScale(Math.max(8, d.scale()), RoundingMode.UNNECESSARY).toPlainString();
  }

  private static String wholeLots(BigDecimal d) {
    return d.setScale(0, RoundingMode.CEILING).toPlainString();
  }

  private static BigDecimal typical(BigDecimal high, BigDecimal low, BigDecimal close, BigDecimal tick) {
    BigDecimal avg = high.add(low).add(close).divide(BigDecimal.valueOf(3), tick.scale() + 2, RoundingMode.HALF_EVEN);
    return avg.divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick).setScale(Math.max(0, tick.scale()), RoundingMode.UNNECESSARY);
  }

  private static int decimals(BigDecimal step) {
    return Math.max(0, step.stripTrailingZeros().scale());
  }

  /** One simulated instrument under its Kraken names. */
  private static final class Pair {
    final Instrument instrument;
    final String altname;
    final String wsname;
    final String key;
    final String baseAsset;
    final String quoteAsset;

    private Pair(Instrument instrument, String base, String quote) {
      this.instrument = instrument;
      this.altname = base + quote;
      this.wsname = base + "/" + quote;
      this.key = LEGACY_PAIRS.getOrDefault(altname, altname);
      this.baseAsset = LEGACY_ASSETS.getOrDefault(base, base);
      this.quoteAsset = LEGACY_ASSETS.getOrDefault(quote, quote);
    }

    static Pair of(Instrument i) {
      return new Pair(i, ASSET_TO_KRAKEN.getOrDefault(i.base(), i.base()), ASSET_TO_KRAKEN.getOrDefault(i.quote(), i.quote()));
    }
  }

  /** Configures {@link KrakenRoutes}. */
  public static final class Builder {
    private int counterMax = 15;
    private double counterDecayPerSecond = 0.33;
    private RateLimitPolicy publicLimit =
        new RateLimitPolicy("PUBLIC", 60, Duration.ofMinutes(1), PUBLIC_USAGE_HEADER, 3, Duration.ofMinutes(1));
    private final Map<String, String> balances = new LinkedHashMap<>();
    private KrakenWsTokenIssuer wsTokens;

    private Builder() {
      balances.put("ZUSD", "10000.0000");
      balances.put("XXBT", "0.5000000000");
      balances.put("USDT", "2500.00000000");
    }

    /** The private API counter: its maximum and its decay per second (Starter: 15 and 0.33). */
    public Builder callCounter(int max, double decayPerSecond) {
      if (max < 1 || !(decayPerSecond >= 0)) {
        throw new IllegalArgumentException("max must be >= 1 and decay >= 0");
      }
      this.counterMax = max;
      this.counterDecayPerSecond = decayPerSecond;
      return this;
    }

    /** At most {@code calls} public calls per client address per {@code window} (default 60 a minute). */
    public Builder publicLimit(int calls, Duration window) {
      this.publicLimit = new RateLimitPolicy("PUBLIC", calls, Objects.requireNonNull(window, "window"),
          PUBLIC_USAGE_HEADER, 3, Duration.ofMinutes(1));
      return this;
    }

    /** Replaces the balances {@code Balance} reports (asset code to amount, such as {@code XXBT}). */
    public Builder balances(Map<String, String> balances) {
      this.balances.clear();
      this.balances.putAll(balances);
      return this;
    }

    /**
     * Issues {@code GetWebSocketsToken} tokens from {@code issuer}, the one the {@link
     * KrakenStreamRoutes} serving {@code level3} check ({@code streams.tokens()}); by default the
     * routes have an issuer of their own.
     */
    public Builder webSocketTokens(KrakenWsTokenIssuer issuer) {
      this.wsTokens = Objects.requireNonNull(issuer, "issuer");
      return this;
    }

    /** Builds the routes. */
    public KrakenRoutes build() {
      return new KrakenRoutes(this);
    }
  }
}
