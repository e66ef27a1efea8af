package io.tickguard.testkit.demo;

import io.tickguard.core.auth.Scope;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.ErrorStyle;
import io.tickguard.testkit.FreshnessVerdict;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.Signatures;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimCandle;
import io.tickguard.testkit.market.SimLevel;
import io.tickguard.testkit.market.SimOrderBook;
import io.tickguard.testkit.market.SimTicker;
import io.tickguard.testkit.market.SimTrade;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo wire format, under {@code /demo/v1}: public market data, HMAC-signed account and order
 * calls ({@link DemoSignature}), and an OAuth-protected account view. Errors are
 * {@code {"code":"...","msg":"..."}} ({@link ErrorStyle#generic()}); decimals are JSON strings,
 * times epoch milliseconds. See {@code docs/sandbox.md} for every route. One instance serves one
 * sandbox.
 */
public final class DemoRoutes implements ProviderRoutes {
  /** The demo routes over the sandbox's simulated market. */
  public DemoRoutes() {}

  /** The path prefix of every demo route. */
  public static final String PREFIX = "/demo/v1";
  /** The OAuth scope the protected account view requires. */
  public static final String OAUTH_ACCOUNT_SCOPE = "account_read";

  private static final ErrorStyle ERRORS = ErrorStyle.generic();
  private static final Set<Integer> DEPTH_LIMITS = Set.of(5, 10, 20, 50, 100, 500, 1000, 5000);

  private final AtomicLong orderIds = new AtomicLong(1000);
  private SandboxContext context;

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("A DemoRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    table.on("GET", PREFIX + "/time").unlimited().handle(this::time);
    table.on("GET", PREFIX + "/ticker").weight(1).handle(r -> publicCall(r, Set.of("symbol"), this::ticker));
    table.on("GET", PREFIX + "/depth").weight(DemoRoutes::depthWeight)
        .handle(r -> publicCall(r, Set.of("symbol", "limit"), this::depth));
    table.on("GET", PREFIX + "/trades").weight(1).handle(r -> publicCall(r, Set.of("symbol", "limit"), this::trades));
    table.on("GET", PREFIX + "/candles").weight(2)
        .handle(r -> publicCall(r, Set.of("symbol", "interval", "limit"), this::candles));
    table.on("GET", PREFIX + "/account").weight(10).handle(r -> signedCall(r, Scope.ACCOUNT_READ, this::account));
    table.on("POST", PREFIX + "/order").weight(1).handle(r -> signedCall(r, Scope.TRADE, this::order));
    table.on("GET", PREFIX + "/oauth/account").weight(5).handle(this::oauthAccount);
  }

  /** Depth costs more the deeper it goes, as on most exchanges. */
  static int depthWeight(SandboxRequest r) {
    int limit = r.query("limit").map(DemoRoutes::intOrZero).orElse(100);
    return limit <= 100 ? 1 : limit <= 500 ? 5 : limit <= 1000 ? 10 : 50;
  }

  private interface Handler {
    SandboxResponse handle(SandboxRequest request, MarketSimulator market);
  }

  private interface SignedHandler {
    SandboxResponse handle(SandboxRequest request, ApiKey key);
  }

  private SandboxResponse time(SandboxRequest r) {
    return SandboxResponse.ok(SandboxJson.object().put("serverTime", context.clock().millis()));
  }

  private SandboxResponse publicCall(SandboxRequest r, Set<String> allowed, Handler handler) {
    Optional<SandboxResponse> bad = unknownParameter(r, allowed);
    if (bad.isPresent()) {
      return bad.get();
    }
    String symbol = r.query("symbol").orElse(null);
    if (symbol == null || symbol.isEmpty()) {
      return ERRORS.error(400, "MISSING_PARAMETER", "Mandatory parameter 'symbol' was not sent");
    }
    if (context.market().instrument(symbol).isEmpty()) {
      return ERRORS.error(400, "UNKNOWN_SYMBOL", "Invalid symbol '" + symbol + "'");
    }
    return handler.handle(r, context.market());
  }

  private SandboxResponse ticker(SandboxRequest r, MarketSimulator m) {
    SimTicker t = m.ticker(r.query("symbol").orElseThrow());
    return SandboxResponse.ok(SandboxJson.object()
        .put("symbol", t.symbol())
        .put("bid", plain(t.bid())).put("bidQty", plain(t.bidQuantity()))
        .put("ask", plain(t.ask())).put("askQty", plain(t.askQuantity()))
        .put("last", plain(t.last())).put("open24h", plain(t.open24h()))
        .put("high24h", plain(t.high24h())).put("low24h", plain(t.low24h()))
        .put("volume24h", plain(t.volume24h())).put("time", t.time().toEpochMilli()));
  }

  private SandboxResponse depth(SandboxRequest r, MarketSimulator m) {
    int limit = r.query("limit").map(DemoRoutes::intOrZero).orElse(100);
    if (!DEPTH_LIMITS.contains(limit)) {
      return ERRORS.error(400, "BAD_PARAMETER", "limit must be one of " + new java.util.TreeSet<>(DEPTH_LIMITS));
    }
    SimOrderBook book = m.orderBook(r.query("symbol").orElseThrow(), limit);
    ObjectNode body = SandboxJson.object().put("symbol", book.symbol()).put("lastUpdateId", book.sequence())
        .put("time", book.time().toEpochMilli());
    body.set("bids", levels(book.bids()));
    body.set("asks", levels(book.asks()));
    return SandboxResponse.ok(body);
  }

  private SandboxResponse trades(SandboxRequest r, MarketSimulator m) {
    int limit = r.query("limit").map(DemoRoutes::intOrZero).orElse(100);
    if (limit < 1 || limit > 1000) {
      return ERRORS.error(400, "BAD_PARAMETER", "limit must be 1..1000");
    }
    ArrayNode out = SandboxJson.array();
    for (SimTrade t : m.recentTrades(r.query("symbol").orElseThrow(), limit)) {
      out.add(SandboxJson.object().put("id", t.id()).put("price", plain(t.price())).put("qty", plain(t.quantity()))
          .put("buyerMaker", t.buyerMaker()).put("time", t.time().toEpochMilli()));
    }
    return SandboxResponse.ok(out);
  }

  private SandboxResponse candles(SandboxRequest r, MarketSimulator m) {
    Optional<CandleInterval> interval = r.query("interval").flatMap(CandleInterval::ofCode);
    if (interval.isEmpty()) {
      return ERRORS.error(400, "BAD_PARAMETER", "interval must be one of 1m, 5m, 15m, 1h, 4h, 1d");
    }
    int limit = r.query("limit").map(DemoRoutes::intOrZero).orElse(100);
    if (limit < 1 || limit > 1000) {
      return ERRORS.error(400, "BAD_PARAMETER", "limit must be 1..1000");
    }
    ArrayNode out = SandboxJson.array();
    for (SimCandle c : m.candles(r.query("symbol").orElseThrow(), interval.get(), limit)) {
      out.add(SandboxJson.object().put("openTime", c.openTime().toEpochMilli()).put("open", plain(c.open()))
          .put("high", plain(c.high())).put("low", plain(c.low())).put("close", plain(c.close()))
          .put("volume", plain(c.volume())).put("closeTime", c.closeTime().toEpochMilli()).put("trades", c.trades()));
    }
    return SandboxResponse.ok(out);
  }

  /**
   * Verifies a signed call in the order a careful provider does: key, then signature (so a forger
   * cannot burn a nonce), then timestamp and nonce, then scope.
   */
  private SandboxResponse signedCall(SandboxRequest r, Scope scope, SignedHandler handler) {
    Optional<String> keyId = r.header(DemoSignature.API_KEY_HEADER);
    if (keyId.isEmpty()) {
      return ERRORS.error(401, "MISSING_API_KEY", "Header " + DemoSignature.API_KEY_HEADER + " is required");
    }
    Optional<ApiKey> key = context.apiKeys().find(keyId.get());
    if (key.isEmpty()) {
      return ERRORS.error(401, "UNKNOWN_API_KEY", "API key is unknown or revoked");
    }
    String timestamp = r.header(DemoSignature.TIMESTAMP_HEADER).orElse("");
    if (!timestamp.matches("[0-9]{1,15}")) {
      return ERRORS.error(400, "BAD_TIMESTAMP", "Header " + DemoSignature.TIMESTAMP_HEADER + " must be epoch milliseconds");
    }
    String nonce = r.header(DemoSignature.NONCE_HEADER).orElse("");
    if (!nonce.matches("[A-Za-z0-9_-]{1,64}")) {
      return ERRORS.error(400, "BAD_NONCE", "Header " + DemoSignature.NONCE_HEADER + " must be 1-64 of [A-Za-z0-9_-]");
    }
    String canonical = DemoSignature.canonical(timestamp, nonce, r.method(), r.pathAndQuery(), r.bodyText());
    String expected = Signatures.hmacSha256Hex(key.get().secret(), canonical);
    if (!Signatures.matches(expected, r.header(DemoSignature.SIGNATURE_HEADER).orElse(null))) {
      return ERRORS.error(401, "INVALID_SIGNATURE", "Signature for this request is not valid");
    }
    FreshnessVerdict fresh = context.replayGuard().check(key.get().key(), Instant.ofEpochMilli(Long.parseLong(timestamp)), nonce);
    switch (fresh) {
      case STALE_TIMESTAMP:
      case FUTURE_TIMESTAMP:
        return ERRORS.error(401, "TIMESTAMP_OUTSIDE_WINDOW", "Timestamp " + timestamp + " is outside the "
            + context.replayGuard().window().toMillis() + " ms window of server time " + context.clock().millis());
      case NONCE_REUSED:
        return ERRORS.error(401, "NONCE_REUSED", "Nonce was already used with this key");
      default:
        break;
    }
    if (!key.get().grants(scope)) {
      return ERRORS.error(403, "MISSING_SCOPE", "API key lacks permission " + scope);
    }
    return handler.handle(r, key.get());
  }

  private SandboxResponse account(SandboxRequest r, ApiKey key) {
    ObjectNode body = SandboxJson.object().put("canTrade", key.grants(Scope.TRADE))
        .put("updateTime", context.clock().millis());
    ArrayNode balances = body.putArray("balances");
    balances.add(SandboxJson.object().put("asset", "USDT").put("free", "10000.00").put("locked", "0.00"));
    balances.add(SandboxJson.object().put("asset", "BTC").put("free", "0.50000").put("locked", "0.00000"));
    return SandboxResponse.ok(body);
  }

  private SandboxResponse order(SandboxRequest r, ApiKey key) {
    if (!r.contentType().equals("application/x-www-form-urlencoded")) {
      return ERRORS.error(415, "BAD_CONTENT_TYPE", "Orders are application/x-www-form-urlencoded");
    }
    var form = r.form();
    for (String name : List.of("symbol", "side", "quantity", "price")) {
      if (!form.containsKey(name) || r.formParameterRepeated(name)) {
        return ERRORS.error(400, "BAD_PARAMETER", "Form parameter '" + name + "' must be sent exactly once");
      }
    }
    var instrument = context.market().instrument(form.get("symbol"));
    if (instrument.isEmpty()) {
      return ERRORS.error(400, "UNKNOWN_SYMBOL", "Invalid symbol '" + form.get("symbol") + "'");
    }
    if (!form.get("side").equals("BUY") && !form.get("side").equals("SELL")) {
      return ERRORS.error(400, "BAD_PARAMETER", "side must be BUY or SELL");
    }
    BigDecimal quantity = decimal(form.get("quantity"));
    BigDecimal price = decimal(form.get("price"));
    if (quantity == null || price == null || quantity.signum() <= 0 || price.signum() <= 0
        || !multipleOf(quantity, instrument.get().lotSize()) || !multipleOf(price, instrument.get().tickSize())) {
      return ERRORS.error(400, "BAD_PARAMETER", "quantity and price must be positive multiples of the lot and tick size");
    }
    return SandboxResponse.ok(SandboxJson.object().put("orderId", orderIds.incrementAndGet())
        .put("symbol", form.get("symbol")).put("side", form.get("side"))
        .put("price", plain(price)).put("quantity", plain(quantity)).put("status", "NEW")
        .put("transactTime", context.clock().millis()));
  }

  private SandboxResponse oauthAccount(SandboxRequest r) {
    Optional<SandboxResponse> refused = context.oauth().challenge(r, OAUTH_ACCOUNT_SCOPE);
    if (refused.isPresent()) {
      return refused.get();
    }
    return account(r, new ApiKey("oauth", new byte[0], Set.of(Scope.ACCOUNT_READ)));
  }

  private static Optional<SandboxResponse> unknownParameter(SandboxRequest r, Set<String> allowed) {
    for (String name : r.url().queryParameterNames()) {
      if (!allowed.contains(name)) {
        return Optional.of(ERRORS.error(400, "UNKNOWN_PARAMETER", "Parameter '" + name + "' is not accepted here"));
      }
      if (r.url().queryParameterValues(name).size() > 1) {
        return Optional.of(ERRORS.error(400, "DUPLICATE_PARAMETER", "Parameter '" + name + "' was sent twice"));
      }
    }
    return Optional.empty();
  }

  private static ArrayNode levels(List<SimLevel> levels) {
    ArrayNode out = SandboxJson.array();
    for (SimLevel l : levels) {
      out.add(SandboxJson.array().add(plain(l.price())).add(plain(l.quantity())));
    }
    return out;
  }

  private static String plain(BigDecimal d) {
    return d.toPlainString();
  }

  private static int intOrZero(String s) {
    return s.matches("[0-9]{1,6}") ? Integer.parseInt(s) : 0;
  }

  private static BigDecimal decimal(String s) {
    return s.matches("[0-9]{1,20}(\\.[0-9]{1,20})?") ? new BigDecimal(s) : null;
  }

  private static boolean multipleOf(BigDecimal value, BigDecimal step) {
    return value.remainder(step).signum() == 0;
  }
}
