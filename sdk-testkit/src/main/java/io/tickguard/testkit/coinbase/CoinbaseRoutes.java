package io.tickguard.testkit.coinbase;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.ErrorStyle;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RateDecision;
import io.tickguard.testkit.RateLimitPolicy;
import io.tickguard.testkit.RateLimiter;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
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
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coinbase Advanced Trade's REST wire format, written from Coinbase's API reference
 * (docs.cdp.coinbase.com, "Advanced Trade API"): the public market routes under
 * {@code /api/v3/brokerage/market}, {@code /api/v3/brokerage/time}, and
 * {@code GET /api/v3/brokerage/accounts} with cursor pagination behind a CDP bearer JWT.
 *
 * <p>What is enforced: the JWT ({@link CdpJwtVerifier}: an ES256 signature against a registered EC
 * P-256 public key or an EdDSA signature against a registered Ed25519 one, the header's {@code alg}
 * the key's own, known {@code kid}/{@code sub}, {@code iss cdp}, {@code uri} equal to
 * {@code "METHOD host/path"}, {@code nbf <= now < exp} on the sandbox clock with at most two
 * minutes of lifetime, one use per nonce) answering 401 {@code UNAUTHENTICATED}; the key's scope
 * ({@link Scope#ACCOUNT_READ}, else 403 {@code PERMISSION_DENIED}); the documented limits, public
 * routes per client address and accounts per key, answering 429. Errors are
 * {@code {"error":"...","error_details":"...","message":"..."}}; decimals are JSON strings, times
 * ISO-8601 (candle starts epoch seconds). Data comes from the sandbox {@link MarketSimulator};
 * account balances are a deterministic function of the seed. One instance serves one sandbox.
 */
public final class CoinbaseRoutes implements ProviderRoutes {
  /** The path prefix of every route. */
  public static final String PREFIX = "/api/v3/brokerage";
  /** The sandbox header reporting requests used in the current one-second window. */
  public static final String USAGE_HEADER = "X-TG-CB-USED-1S";

  /** {@code {"error":code,"error_details":message,"message":message}}. */
  public static final ErrorStyle ERRORS = (status, code, message) -> SandboxResponse.json(status,
      SandboxJson.object().put("error", code).put("error_details", message).put("message", message));

  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;
  private static final Map<String, CandleInterval> GRANULARITIES = Map.of(
      "ONE_MINUTE", CandleInterval.M1, "FIVE_MINUTE", CandleInterval.M5, "FIFTEEN_MINUTE", CandleInterval.M15,
      "ONE_HOUR", CandleInterval.H1, "FOUR_HOUR", CandleInterval.H4, "ONE_DAY", CandleInterval.D1);
  private static final Set<String> DOCUMENTED_GRANULARITIES = Set.of(
      "ONE_MINUTE", "FIVE_MINUTE", "FIFTEEN_MINUTE", "THIRTY_MINUTE", "ONE_HOUR", "TWO_HOUR", "FOUR_HOUR",
      "SIX_HOUR", "ONE_DAY");
  private static final Set<String> FIAT = Set.of("USD", "EUR", "GBP");
  private static final int MAX_CANDLES = 350;

  private final Map<String, CdpKey> keys = new ConcurrentHashMap<>();
  private int publicPerSecond = 10;
  private int privatePerSecond = 30;
  private int maxAccountsPage = 250;
  private SandboxContext context;
  private RateLimiter privateLimiter;
  private CdpJwtVerifier verifier;

  private record CdpKey(PublicKey key, Set<Scope> scopes) {}

  /** Routes with Coinbase's documented limits (10 public and 30 private requests per second). */
  public CoinbaseRoutes() {}

  /**
   * Accepts the CDP key {@code keyName} ({@code organizations/.../apiKeys/...}) whose JWTs verify
   * with {@code publicKey}, granting {@code scopes}: an EC P-256 key (ES256 JWTs) or an Ed25519 key
   * (EdDSA JWTs), the two kinds the CDP portal issues.
   */
  public CoinbaseRoutes cdpKey(String keyName, PublicKey publicKey, Scope... scopes) {
    boolean p256 = publicKey instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
    boolean ed25519 = publicKey instanceof EdECPublicKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName());
    if (!p256 && !ed25519) {
      throw new IllegalArgumentException("CDP JWT keys are EC P-256 or Ed25519");
    }
    Set<Scope> set = scopes.length == 0 ? Set.of() : Set.copyOf(EnumSet.of(scopes[0], scopes));
    keys.put(keyName, new CdpKey(publicKey, set));
    return this;
  }

  /** Revokes {@code keyName}: its tokens are refused from now on. */
  public void revoke(String keyName) {
    keys.remove(keyName);
  }

  /** The public limit per client address per second (default 10, as documented). */
  public CoinbaseRoutes publicRequestsPerSecond(int limit) {
    requireUnregistered();
    this.publicPerSecond = limit;
    return this;
  }

  /** The private limit per key per second (default 30, as documented). */
  public CoinbaseRoutes privateRequestsPerSecond(int limit) {
    requireUnregistered();
    this.privatePerSecond = limit;
    return this;
  }

  /**
   * The largest accounts page served (default 250, Coinbase's maximum); a smaller one makes a
   * handful of simulated accounts span several pages.
   */
  public CoinbaseRoutes maxAccountsPage(int size) {
    if (size < 1 || size > 250) {
      throw new IllegalArgumentException("size must be 1..250");
    }
    this.maxAccountsPage = size;
    return this;
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    requireUnregistered();
    this.context = ctx;
    RateLimiter publicLimiter = ctx.newRateLimiter(policy("PUBLIC", publicPerSecond));
    this.privateLimiter = ctx.newRateLimiter(policy("PRIVATE", privatePerSecond));
    this.verifier = new CdpJwtVerifier(ctx.clock(), name -> Optional.ofNullable(keys.get(name)).map(CdpKey::key));
    table.on("GET", PREFIX + "/time").limiter(publicLimiter).errors(ERRORS).handle(r -> time());
    table.on("GET", PREFIX + "/market/products").limiter(publicLimiter).errors(ERRORS).handle(this::products);
    table.on("GET", PREFIX + "/market/product_book").limiter(publicLimiter).errors(ERRORS).handle(this::productBook);
    table.on("GET", PREFIX + "/market/products/{product_id}/ticker").limiter(publicLimiter).errors(ERRORS)
        .handle(this::marketTrades);
    table.on("GET", PREFIX + "/market/products/{product_id}/candles").limiter(publicLimiter).errors(ERRORS)
        .handle(this::candles);
    // Charged per key once the token is verified, inside the handler.
    table.on("GET", PREFIX + "/accounts").unlimited().errors(ERRORS).handle(this::accounts);
    table.on("GET", PREFIX + "/key_permissions").unlimited().errors(ERRORS).handle(this::keyPermissions);
  }

  /**
   * The currencies the sandbox holds accounts in: every base and quote of the simulated instruments,
   * sorted. Accounts are served in this order.
   */
  public static List<String> accountCurrencies(MarketSimulator market) {
    Set<String> out = new TreeSet<>();
    for (Instrument i : market.instruments().values()) {
      out.add(i.base());
      out.add(i.quote());
    }
    return List.copyOf(out);
  }

  /** The available balance of the {@code currency} account: a deterministic function of the seed. */
  public static BigDecimal availableBalance(MarketSimulator market, String currency) {
    long h = mix(market.seed(), currency);
    return BigDecimal.valueOf(Math.floorMod(h, 10_000_000L) + 1, 4);
  }

  /** The balance on hold of the {@code currency} account: a deterministic function of the seed. */
  public static BigDecimal holdBalance(MarketSimulator market, String currency) {
    long h = mix(market.seed() ^ 0x5DEECE66DL, currency);
    return BigDecimal.valueOf(Math.floorMod(h, 1000L), 4);
  }

  private SandboxResponse time() {
    Instant now = context.clock().instant();
    return SandboxResponse.ok(SandboxJson.object()
        .put("iso", ISO.format(now.truncatedTo(ChronoUnit.MILLIS)))
        .put("epochSeconds", Long.toString(now.getEpochSecond()))
        .put("epochMillis", Long.toString(now.toEpochMilli())));
  }

  private SandboxResponse products(SandboxRequest r) {
    Optional<SandboxResponse> bad = unknownParameter(r, Set.of("limit", "offset", "product_type", "product_ids"));
    if (bad.isPresent()) {
      return bad.get();
    }
    String type = r.query("product_type").orElse("SPOT");
    List<String> ids = r.url().queryParameterValues("product_ids").stream().map(String::valueOf).toList();
    int offset = r.query("offset").map(CoinbaseRoutes::nonNegative).orElse(0);
    int limit = r.query("limit").map(CoinbaseRoutes::nonNegative).orElse(Integer.MAX_VALUE);
    if (offset < 0 || limit < 0) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "limit and offset must be non-negative integers");
    }
    ArrayNode products = SandboxJson.array();
    if (type.equals("SPOT")) {
      List<Instrument> all = new ArrayList<>(context.market().instruments().values());
      for (int n = offset; n < all.size() && products.size() < limit; n++) {
        Instrument i = all.get(n);
        if (ids.isEmpty() || ids.contains(i.symbol())) {
          products.add(product(i, context.market().ticker(i.symbol())));
        }
      }
    } else if (!type.equals("FUTURE")) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "product_type must be SPOT or FUTURE");
    }
    ObjectNode body = SandboxJson.object();
    body.set("products", products);
    body.put("num_products", products.size());
    return SandboxResponse.ok(body);
  }

  private static ObjectNode product(Instrument i, SimTicker t) {
    BigDecimal change = t.last().subtract(t.open24h()).multiply(BigDecimal.valueOf(100))
        .divide(t.open24h(), 8, RoundingMode.HALF_EVEN);
    ObjectNode p = SandboxJson.object()
        .put("product_id", i.symbol())
        .put("price", plain(t.last()))
        .put("price_percentage_change_24h", plain(change))
        .put("volume_24h", plain(t.volume24h()))
        .put("volume_percentage_change_24h", "0")
        .put("base_increment", plain(i.lotSize()))
        .put("quote_increment", plain(i.tickSize()))
        .put("quote_min_size", plain(i.tickSize()))
        .put("quote_max_size", "100000000")
        .put("base_min_size", plain(i.lotSize()))
        .put("base_max_size", plain(i.lotSize().multiply(BigDecimal.valueOf(1_000_000))))
        .put("base_name", i.base())
        .put("quote_name", i.quote())
        .put("watched", false)
        .put("is_disabled", false)
        .put("new", false)
        .put("status", "online")
        .put("cancel_only", false)
        .put("limit_only", false)
        .put("post_only", false)
        .put("trading_disabled", false)
        .put("auction_mode", false)
        .put("product_type", "SPOT")
        .put("quote_currency_id", i.quote())
        .put("base_currency_id", i.base())
        .put("mid_market_price", plain(t.bid().add(t.ask()).divide(BigDecimal.valueOf(2))))
        .put("alias", "")
        .put("base_display_symbol", i.base())
        .put("quote_display_symbol", i.quote())
        .put("view_only", false)
        .put("price_increment", plain(i.tickSize()));
    p.putArray("alias_to");
    return p;
  }

  private SandboxResponse productBook(SandboxRequest r) {
    Optional<SandboxResponse> bad = unknownParameter(r, Set.of("product_id", "limit", "aggregation_price_increment"));
    if (bad.isPresent()) {
      return bad.get();
    }
    String productId = r.query("product_id").orElse("");
    if (productId.isEmpty()) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "product_id is required");
    }
    if (context.market().instrument(productId).isEmpty()) {
      return ERRORS.error(404, "NOT_FOUND", "ProductID is invalid");
    }
    int limit = r.query("limit").map(CoinbaseRoutes::nonNegative).orElse(50);
    if (limit < 1 || limit > 5000) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "limit must be 1..5000");
    }
    SimOrderBook book = context.market().orderBook(productId, limit);
    SimTicker t = context.market().ticker(productId);
    ObjectNode pricebook = SandboxJson.object().put("product_id", productId);
    pricebook.set("bids", levels(book.bids()));
    pricebook.set("asks", levels(book.asks()));
    pricebook.put("time", ISO.format(book.time()));
    BigDecimal bestBid = book.bids().get(0).price();
    BigDecimal bestAsk = book.asks().get(0).price();
    BigDecimal mid = bestBid.add(bestAsk).divide(BigDecimal.valueOf(2));
    BigDecimal spread = bestAsk.subtract(bestBid);
    ObjectNode body = SandboxJson.object();
    body.set("pricebook", pricebook);
    body.put("last", plain(t.last()))
        .put("mid_market", plain(mid))
        .put("spread_bps", plain(spread.multiply(BigDecimal.valueOf(10_000)).divide(mid, 10, RoundingMode.HALF_EVEN)))
        .put("spread_absolute", plain(spread));
    return SandboxResponse.ok(body);
  }

  private SandboxResponse marketTrades(SandboxRequest r) {
    Optional<SandboxResponse> bad = unknownParameter(r, Set.of("limit", "start", "end"));
    if (bad.isPresent()) {
      return bad.get();
    }
    String productId = r.pathVariable("product_id").orElseThrow();
    if (context.market().instrument(productId).isEmpty()) {
      return ERRORS.error(404, "NOT_FOUND", "ProductID is invalid");
    }
    Optional<String> rawLimit = r.query("limit");
    if (rawLimit.isEmpty()) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "limit is required");
    }
    int limit = nonNegative(rawLimit.get());
    if (limit < 1 || limit > 1000) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "limit must be 1..1000");
    }
    List<SimTrade> oldestFirst = context.market().recentTrades(productId, limit);
    ArrayNode trades = SandboxJson.array();
    for (int n = oldestFirst.size() - 1; n >= 0; n--) {
      SimTrade t = oldestFirst.get(n);
      trades.add(SandboxJson.object()
          .put("trade_id", Long.toString(t.id()))
          .put("product_id", productId)
          .put("price", plain(t.price()))
          .put("size", plain(t.quantity()))
          .put("time", ISO.format(t.time()))
          // The taker's side: a maker buyer means a taker seller.
          .put("side", t.buyerMaker() ? "SELL" : "BUY")
          .put("exchange", "COINBASE"));
    }
    SimTicker ticker = context.market().ticker(productId);
    ObjectNode body = SandboxJson.object();
    body.set("trades", trades);
    body.put("best_bid", plain(ticker.bid())).put("best_ask", plain(ticker.ask()));
    return SandboxResponse.ok(body);
  }

  private SandboxResponse candles(SandboxRequest r) {
    Optional<SandboxResponse> bad = unknownParameter(r, Set.of("start", "end", "granularity", "limit"));
    if (bad.isPresent()) {
      return bad.get();
    }
    String productId = r.pathVariable("product_id").orElseThrow();
    if (context.market().instrument(productId).isEmpty()) {
      return ERRORS.error(404, "NOT_FOUND", "ProductID is invalid");
    }
    long start = r.query("start").map(CoinbaseRoutes::epochSeconds).orElse(-1L);
    long end = r.query("end").map(CoinbaseRoutes::epochSeconds).orElse(-1L);
    if (start < 0 || end < 0) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "start and end are required UNIX timestamps");
    }
    if (start > end) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "start must not be after end");
    }
    String granularity = r.query("granularity").orElse("");
    if (!DOCUMENTED_GRANULARITIES.contains(granularity)) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "granularity must be one of " + new TreeSet<>(DOCUMENTED_GRANULARITIES));
    }
    CandleInterval interval = GRANULARITIES.get(granularity);
    if (interval == null) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "The sandbox does not simulate " + granularity + " candles");
    }
    int limit = r.query("limit").map(CoinbaseRoutes::nonNegative).orElse(MAX_CANDLES);
    if (limit < 1 || limit > MAX_CANDLES) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "limit must be 1.." + MAX_CANDLES);
    }
    long sec = interval.seconds();
    long firstStart = Math.floorDiv(start + sec - 1, sec) * sec;
    long lastStart = Math.floorDiv(end, sec) * sec;
    if (lastStart >= firstStart && (lastStart - firstStart) / sec + 1 > MAX_CANDLES) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "number of candles requested should be less than " + MAX_CANDLES);
    }
    long now = context.clock().instant().getEpochSecond();
    long currentStart = Math.floorDiv(now, sec) * sec;
    ArrayNode out = SandboxJson.array();
    long newest = Math.min(lastStart, currentStart);
    if (newest >= firstStart) {
      int span = (int) ((currentStart - firstStart) / sec + 1);
      if (span > 1000 || span * sec > MarketSimulator.MAX_SCAN_SECONDS) {
        return ERRORS.error(400, "INVALID_ARGUMENT", "The sandbox simulates only the last 10 days of candles");
      }
      List<SimCandle> series = context.market().candles(productId, interval, span);
      for (int n = series.size() - 1; n >= 0 && out.size() < limit; n--) {
        SimCandle c = series.get(n);
        long open = c.openTime().getEpochSecond();
        if (open >= firstStart && open <= newest) {
          out.add(SandboxJson.object()
              .put("start", Long.toString(open))
              .put("low", plain(c.low())).put("high", plain(c.high()))
              .put("open", plain(c.open())).put("close", plain(c.close()))
              .put("volume", plain(c.volume())));
        }
      }
    }
    ObjectNode body = SandboxJson.object();
    body.set("candles", out);
    return SandboxResponse.ok(body);
  }

  /**
   * {@code GET /api/v3/brokerage/key_permissions} ("Get API Key Permissions"): {@code can_view} from
   * ACCOUNT_READ, {@code can_trade} from TRADE, {@code can_transfer} from WITHDRAW. Any valid key may
   * read its own permissions.
   */
  private SandboxResponse keyPermissions(SandboxRequest r) {
    CdpJwtVerifier.Verdict verdict = verifier.verify(r);
    if (verdict.keyName().isEmpty()) {
      return ERRORS.error(401, "UNAUTHENTICATED", "Unauthorized: " + verdict.reason());
    }
    CdpKey key = keys.get(verdict.keyName().get());
    if (key == null) {
      return ERRORS.error(401, "UNAUTHENTICATED", "Unauthorized: unknown key");
    }
    ObjectNode body = SandboxJson.object()
        .put("can_view", key.scopes().contains(Scope.ACCOUNT_READ))
        .put("can_trade", key.scopes().contains(Scope.TRADE))
        .put("can_transfer", key.scopes().contains(Scope.WITHDRAW))
        .put("portfolio_uuid", "8b5f1c32-6b1c-4b68-9a7e-3f3f6a0b2c11")
        .put("portfolio_type", "DEFAULT");
    return SandboxResponse.ok(body);
  }

  private SandboxResponse accounts(SandboxRequest r) {
    CdpJwtVerifier.Verdict verdict = verifier.verify(r);
    if (verdict.keyName().isEmpty()) {
      return ERRORS.error(401, "UNAUTHENTICATED", "Unauthorized: " + verdict.reason());
    }
    String keyName = verdict.keyName().get();
    CdpKey key = keys.get(keyName);
    if (key == null) {
      return ERRORS.error(401, "UNAUTHENTICATED", "Unauthorized: unknown key");
    }
    RateDecision decision = privateLimiter.charge(keyName, 1);
    if (!decision.allowed()) {
      return ERRORS.error(429, "RATE_LIMIT_EXCEEDED", "Too many requests: " + privatePerSecond + " per second per key")
          .withHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
          .withHeader(USAGE_HEADER, Long.toString(decision.usedWeight()));
    }
    if (!key.scopes().contains(Scope.ACCOUNT_READ)) {
      return ERRORS.error(403, "PERMISSION_DENIED", "Missing required scopes");
    }
    Optional<SandboxResponse> bad = unknownParameter(r, Set.of("limit", "cursor", "retail_portfolio_id"));
    if (bad.isPresent()) {
      return bad.get();
    }
    int limit = r.query("limit").map(CoinbaseRoutes::nonNegative).orElse(49);
    if (limit < 1 || limit > 250) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "limit must be 1..250");
    }
    int offset = r.query("cursor").filter(c -> !c.isEmpty()).map(CoinbaseRoutes::nonNegative).orElse(0);
    List<String> currencies = accountCurrencies(context.market());
    if (offset < 0 || offset > currencies.size()) {
      return ERRORS.error(400, "INVALID_ARGUMENT", "cursor is invalid");
    }
    int size = Math.min(limit, maxAccountsPage);
    int to = Math.min(currencies.size(), offset + size);
    ArrayNode accounts = SandboxJson.array();
    for (String currency : currencies.subList(offset, to)) {
      accounts.add(account(keyName, currency));
    }
    boolean hasNext = to < currencies.size();
    ObjectNode body = SandboxJson.object();
    body.set("accounts", accounts);
    body.put("has_next", hasNext).put("cursor", hasNext ? Integer.toString(to) : "").put("size", accounts.size());
    return SandboxResponse.ok(body).withHeader(USAGE_HEADER, Long.toString(decision.usedWeight()));
  }

  private ObjectNode account(String keyName, String currency) {
    MarketSimulator m = context.market();
    String created = ISO.format(Instant.ofEpochSecond(1_600_000_000L));
    ObjectNode a = SandboxJson.object()
        .put("uuid", uuid(keyName + "/" + currency))
        .put("name", currency + " Wallet")
        .put("currency", currency);
    a.set("available_balance", money(availableBalance(m, currency), currency));
    a.put("default", false).put("active", true).put("created_at", created).put("updated_at", created)
        .putNull("deleted_at");
    a.put("type", FIAT.contains(currency) ? "ACCOUNT_TYPE_FIAT" : "ACCOUNT_TYPE_CRYPTO").put("ready", true);
    a.set("hold", money(holdBalance(m, currency), currency));
    a.put("retail_portfolio_id", uuid(keyName)).put("platform", "ACCOUNT_PLATFORM_CONSUMER");
    return a;
  }

  private static ObjectNode money(BigDecimal value, String currency) {
    return SandboxJson.object().put("value", plain(value)).put("currency", currency);
  }

  private static String uuid(String seed) {
    return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static ArrayNode levels(List<SimLevel> levels) {
    ArrayNode out = SandboxJson.array();
    for (SimLevel l : levels) {
      out.add(SandboxJson.object().put("price", plain(l.price())).put("size", plain(l.quantity())));
    }
    return out;
  }

  private static Optional<SandboxResponse> unknownParameter(SandboxRequest r, Set<String> allowed) {
    for (String name : r.url().queryParameterNames()) {
      if (!allowed.contains(name)) {
        return Optional.of(ERRORS.error(400, "INVALID_ARGUMENT", "Unknown parameter '" + name + "'"));
      }
    }
    return Optional.empty();
  }

  private static RateLimitPolicy policy(String name, int perSecond) {
    // Coinbase answers 429 and does not ban: the abuse threshold is never reached.
    return new RateLimitPolicy(name, perSecond, Duration.ofSeconds(1), USAGE_HEADER, Integer.MAX_VALUE, Duration.ofSeconds(1));
  }

  private void requireUnregistered() {
    if (context != null) {
      throw new IllegalStateException("A CoinbaseRoutes instance serves one sandbox and is configured before it starts");
    }
  }

  private static long mix(long seed, String s) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
      h = (h ^ b) * 0xBF58476D1CE4E5B9L;
      h ^= h >>> 31;
    }
    return h;
  }

  private static String plain(BigDecimal d) {
    return d.toPlainString();
  }

  private static int nonNegative(String s) {
    return s.matches("[0-9]{1,9}") ? Integer.parseInt(s) : -1;
  }

  private static long epochSeconds(String s) {
    return s.matches("[0-9]{1,12}") ? Long.parseLong(s) : -1L;
  }
}
