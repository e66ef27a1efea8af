package io.tickguard.testkit.saxo;

import io.tickguard.testkit.OAuthServer;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimCandle;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Saxo OpenAPI (SIM) in the sandbox, from Saxo's developer documentation: the login and token
 * endpoints of a native app ({@link #CLIENT_ID}, PKCE, rotating refresh tokens), {@code
 * /trade/v1/infoprices/list}, {@code /chart/v3/charts}, {@code /ref/v1/instruments} and {@code
 * /ref/v1/instruments/details} for {@code FxSpot}, InfoPrice subscriptions, and the streaming
 * WebSocket ({@link #streaming()}).
 *
 * <p>Every REST answer carries {@code X-RateLimit-Session-*} for its service group (120 per minute
 * per session by default, {@link #sessionLimit}; one fixed window per access-token session and group) and {@code
 * X-RateLimit-AppDay-*}; going over answers 429. Errors are {@code {ErrorCode, Message, ModelState}};
 * a missing, expired or revoked token is a 401 with an empty body, as Saxo sends it.
 */
public final class SaxoRoutes implements ProviderRoutes {
  /** The demo app's client id (a public client: no secret, PKCE required). */
  public static final String CLIENT_ID = "sandbox-saxo-app";
  /** The redirect URI registered for the demo app; any loopback port is accepted (RFC 8252). */
  public static final String REDIRECT_URI = "http://127.0.0.1/callback";
  /** The scope Saxo's tokens carry in the sandbox. */
  public static final String SCOPE = "openapi";
  /** The authorization endpoint (Saxo: {@code https://sim.logonvalidation.net/authorize}). */
  public static final String AUTHORIZE_PATH = "/saxo/logon/authorize";
  /** The token endpoint (Saxo: {@code https://sim.logonvalidation.net/token}). */
  public static final String TOKEN_PATH = "/saxo/logon/token";
  /** The REST root (Saxo: {@code https://gateway.saxobank.com/sim/openapi}). */
  public static final String OPENAPI = "/sim/openapi";
  /** The streaming root (Saxo: {@code https://sim-streaming.saxobank.com/sim/oapi}). */
  public static final String STREAMING = "/sim/oapi";
  /** Requests per minute per session per service group. */
  public static final int SESSION_LIMIT = 120;
  /** Requests per day per application. */
  public static final long APP_DAY_LIMIT = 10_000_000;

  /** Saxo's routes for the demo app {@link #CLIENT_ID}, whose demo user is logged in at once. */
  public SaxoRoutes() {
    // state lives in the fields; nothing to set up
  }

  private SaxoStreaming streaming;
  private SaxoFx fx;
  private OAuthServer oauth;
  private Clock clock;
  private MarketSimulator market;
  private final Map<String, long[]> sessionWindows = new HashMap<>(); // token|group -> {windowStart, count}
  private volatile int sessionLimit = SESSION_LIMIT;
  private long appDayStart = -1;
  private long appDayCount;

  /**
   * Changes the requests per minute per session and service group these routes allow and report in
   * {@code X-RateLimit-Session-*} (default {@link #SESSION_LIMIT}), so a test can make Saxo's headers
   * say "none left" before the client's own count does, or let more calls through than Saxo would.
   */
  public SaxoRoutes sessionLimit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("sessionLimit must be at least 1: " + limit);
    }
    this.sessionLimit = limit;
    return this;
  }

  /** The streaming service, for tests that drive it; available once the sandbox started. */
  public SaxoStreaming streaming() {
    if (streaming == null) {
      throw new IllegalStateException("Register the routes (start the sandbox) first");
    }
    return streaming;
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    this.oauth = ctx.oauth();
    this.clock = ctx.clock();
    this.market = ctx.market();
    this.fx = new SaxoFx(market);
    this.streaming = new SaxoStreaming(fx, oauth);
    oauth.registerPublicClient(CLIENT_ID, Set.of(SCOPE), Set.of(REDIRECT_URI));
    table.on("GET", AUTHORIZE_PATH).unlimited().handle(oauth::authorize);
    table.on("POST", TOKEN_PATH).unlimited().handle(oauth::token);
    table.on("GET", OPENAPI + "/trade/v1/infoprices/list").unlimited().handle(r -> rest(r, "trade", this::infoPrices));
    table.on("GET", OPENAPI + "/chart/v3/charts").unlimited().handle(r -> rest(r, "chart", this::charts));
    table.on("GET", OPENAPI + "/ref/v1/instruments").unlimited().handle(r -> rest(r, "ref", this::search));
    table.on("GET", OPENAPI + "/ref/v1/instruments/details").unlimited().handle(r -> rest(r, "ref", this::details));
    table.on("POST", OPENAPI + "/trade/v1/infoprices/subscriptions").unlimited().handle(r -> rest(r, "trade", this::subscribe));
    table.on("DELETE", OPENAPI + "/trade/v1/infoprices/subscriptions/{ContextId}/{ReferenceId}").unlimited()
        .handle(r -> rest(r, "trade", q -> streaming.unsubscribe(
            q.pathVariable("ContextId").orElse(""), q.pathVariable("ReferenceId").orElse(""))));
    table.on("GET", STREAMING + "/streaming/ws/connect").unlimited().handle(streaming::connect);
    table.on("PUT", STREAMING + "/streaming/ws/authorize").unlimited().handle(r -> rest(r, "streaming", streaming::authorize));
  }

  // ---- shared checks ---------------------------------------------------------------------------

  private SandboxResponse rest(SandboxRequest request, String group, java.util.function.Function<SandboxRequest, SandboxResponse> handler) {
    Optional<SandboxResponse> refused = oauth.challenge(request, SCOPE);
    if (refused.isPresent()) {
      return unauthorized(refused.get());
    }
    String token = request.header("Authorization").orElse("").substring(7).trim();
    long now = clock.millis();
    long[] window;
    long dayReset;
    synchronized (this) {
      window = sessionWindows.computeIfAbsent(token + "|" + group, k -> new long[] {now, 0});
      if (now - window[0] >= 60_000) {
        window[0] = now;
        window[1] = 0;
      }
      long day = Math.floorDiv(now, 86_400_000L);
      if (day != appDayStart) {
        appDayStart = day;
        appDayCount = 0;
      }
      dayReset = (day + 1) * 86_400 - now / 1000;
      if (window[1] >= sessionLimit) {
        return limits(error(429, "RateLimitExceeded", "Too many requests for this session and service group"),
            window, now, dayReset);
      }
      window[1]++;
      appDayCount++;
    }
    SandboxResponse response;
    try {
      response = handler.apply(request);
    } catch (IllegalArgumentException e) {
      response = error(400, "InvalidModelState", "One or more properties of the request are invalid!", e.getMessage());
    }
    synchronized (this) {
      return limits(response, window, now, dayReset);
    }
  }

  private SandboxResponse limits(SandboxResponse response, long[] window, long now, long dayReset) {
    long reset = Math.max(0, (window[0] + 60_000 - now + 999) / 1000);
    return response
        .withHeader("X-RateLimit-AppDay-Limit", Long.toString(APP_DAY_LIMIT))
        .withHeader("X-RateLimit-AppDay-Remaining", Long.toString(Math.max(0, APP_DAY_LIMIT - appDayCount)))
        .withHeader("X-RateLimit-AppDay-Reset", Long.toString(dayReset))
        .withHeader("X-RateLimit-Session-Limit", Integer.toString(sessionLimit))
        .withHeader("X-RateLimit-Session-Remaining", Long.toString(Math.max(0, sessionLimit - window[1])))
        .withHeader("X-RateLimit-Session-Reset", Long.toString(reset));
  }

  /** Saxo answers an unauthorized call with 401 and no body; the challenge header stays. */
  static SandboxResponse unauthorized(SandboxResponse challenge) {
    SandboxResponse r = SandboxResponse.of(challenge.status(), null, new byte[0]);
    String header = challenge.headers().get("WWW-Authenticate");
    return header == null ? r : r.withHeader("WWW-Authenticate", header);
  }

  /** {@code {"ErrorCode":..., "Message":...}}. */
  static SandboxResponse error(int status, String code, String message) {
    return SandboxResponse.json(status, SandboxJson.object().put("ErrorCode", code).put("Message", message));
  }

  /** {@code {"ErrorCode":..., "Message":..., "ModelState":{"field":["problem"]}}}; the field is before the first ':'. */
  static SandboxResponse error(int status, String code, String message, String problem) {
    int colon = problem == null ? -1 : problem.indexOf(':');
    String field = colon < 0 ? "Request" : problem.substring(0, colon);
    ObjectNode body = SandboxJson.object().put("ErrorCode", code).put("Message", message);
    body.set("ModelState", SandboxJson.object().set(field, SandboxJson.array().add(colon < 0 ? String.valueOf(problem) : problem.substring(colon + 1).trim())));
    return SandboxResponse.json(status, body);
  }

  static boolean validId(String id) {
    return id.matches("[A-Za-z0-9_-]{1,50}");
  }

  // ---- routes ----------------------------------------------------------------------------------

  private SandboxResponse infoPrices(SandboxRequest request) {
    requireFxSpot(request.query("AssetType").orElse(""), "AssetType");
    ArrayNode data = SandboxJson.array();
    for (SaxoFx.Pair pair : pairs(request.query("Uics").orElse(""))) {
      data.add(fx.infoPrice(pair));
    }
    return SandboxResponse.ok(SandboxJson.object().set("Data", data));
  }

  private SandboxResponse charts(SandboxRequest request) {
    requireFxSpot(request.query("AssetType").orElse(""), "AssetType");
    SaxoFx.Pair pair = pairs(request.query("Uic").orElseThrow(() -> new IllegalArgumentException("Uic: is required"))).get(0);
    int horizon = integer(request.query("Horizon").orElse(""), "Horizon");
    CandleInterval interval = switch (horizon) {
      case 1 -> CandleInterval.M1;
      case 5 -> CandleInterval.M5;
      case 15 -> CandleInterval.M15;
      case 60 -> CandleInterval.H1;
      case 240 -> CandleInterval.H4;
      case 1440 -> CandleInterval.D1;
      default -> throw new IllegalArgumentException("Horizon: " + horizon + " is not served by the sandbox (1, 5, 15, 60, 240, 1440)");
    };
    int count = request.query("Count").map(c -> integer(c, "Count")).orElse(1200);
    if (count < 1 || count > 1200) {
      throw new IllegalArgumentException("Count: must be 1..1200");
    }
    String mode = request.query("Mode").orElse("UpTo");
    Instant time = request.query("Time").map(SaxoRoutes::instant).orElse(clock.instant());
    long now = clock.instant().getEpochSecond();
    long span = Math.max(1, (now - Math.min(time.getEpochSecond(), now)) / interval.seconds() + count + 1);
    List<SimCandle> candles = candlesOf(pair, interval, (int) Math.min(span, Math.min(1000, 10L * 86_400 / interval.seconds())));
    List<SimCandle> chosen = new ArrayList<>();
    if (mode.equals("From")) {
      for (SimCandle c : candles) {
        if (!c.openTime().isBefore(time) && chosen.size() < count) {
          chosen.add(c);
        }
      }
    } else if (mode.equals("UpTo")) {
      for (SimCandle c : candles) {
        if (!c.openTime().isAfter(time)) {
          chosen.add(c);
        }
      }
      chosen = chosen.subList(Math.max(0, chosen.size() - count), chosen.size());
    } else {
      throw new IllegalArgumentException("Mode: must be From or UpTo");
    }
    BigDecimal spread = pair.instrument().tickSize().multiply(BigDecimal.valueOf(2));
    ArrayNode data = SandboxJson.array();
    for (SimCandle c : chosen) {
      data.add(SandboxJson.object()
          .put("CloseAsk", c.close().add(spread)).put("CloseBid", c.close())
          .put("HighAsk", c.high().add(spread)).put("HighBid", c.high())
          .put("LowAsk", c.low().add(spread)).put("LowBid", c.low())
          .put("OpenAsk", c.open().add(spread)).put("OpenBid", c.open())
          .put("Time", c.openTime().toString()));
    }
    ObjectNode body = SandboxJson.object();
    body.set("ChartInfo", SandboxJson.object().put("DelayedByMinutes", 0).put("ExchangeId", "SBFX").put("Horizon", horizon));
    body.set("Data", data);
    body.put("DataVersion", 1);
    body.set("DisplayAndFormat", SandboxJson.object().put("Currency", pair.quote()).put("Decimals", pair.decimals())
        .put("Description", pair.base() + "/" + pair.quote()).put("Format", "AllowDecimalPips").put("Symbol", pair.saxoSymbol()));
    return SandboxResponse.ok(body);
  }

  private List<SimCandle> candlesOf(SaxoFx.Pair pair, CandleInterval interval, int limit) {
    return market.candles(pair.simSymbol(), interval, Math.max(1, limit));
  }

  private SandboxResponse search(SandboxRequest request) {
    requireFxSpot(request.query("AssetTypes").orElse("FxSpot"), "AssetTypes");
    String keywords = request.query("Keywords").orElse("").toUpperCase(Locale.ROOT);
    ArrayNode data = SandboxJson.array();
    for (SaxoFx.Pair pair : fx.pairs().values()) {
      if (pair.saxoSymbol().contains(keywords)) {
        data.add(SandboxJson.object()
            .put("AssetType", "FxSpot").put("CurrencyCode", pair.quote()).put("Description", pair.base() + "/" + pair.quote())
            .put("ExchangeId", "SBFX").put("GroupId", 0).put("Identifier", pair.uic()).put("IsKeywordMatch", true)
            .put("PrimaryListing", pair.uic()).put("SummaryType", "Instrument").put("Symbol", pair.saxoSymbol())
            .set("TradableAs", SandboxJson.array().add("FxSpot")));
      }
    }
    return SandboxResponse.ok(SandboxJson.object().set("Data", data));
  }

  private SandboxResponse details(SandboxRequest request) {
    requireFxSpot(request.query("AssetTypes").orElse(""), "AssetTypes");
    List<SaxoFx.Pair> chosen = request.query("Uics").isPresent()
        ? pairs(request.query("Uics").get()) : new ArrayList<>(fx.pairs().values());
    ArrayNode data = SandboxJson.array();
    for (SaxoFx.Pair pair : chosen) {
      ObjectNode d = SandboxJson.object()
          .put("AmountDecimals", 0).put("AssetType", "FxSpot").put("CurrencyCode", pair.quote())
          .put("DefaultAmount", 100000).put("Description", pair.base() + "/" + pair.quote());
      d.set("Format", SandboxJson.object().put("Decimals", pair.decimals()).put("Format", "AllowDecimalPips")
          .put("OrderDecimals", pair.decimals()));
      d.put("IncrementSize", pair.instrument().lotSize()).put("IsTradable", true)
          .put("MinimumTradeSize", pair.instrument().lotSize()).put("Symbol", pair.saxoSymbol())
          .put("TickSize", pair.instrument().tickSize());
      d.set("TradableAs", SandboxJson.array().add("FxSpot"));
      d.put("Uic", pair.uic());
      data.add(d);
    }
    return SandboxResponse.ok(SandboxJson.object().set("Data", data));
  }

  private SandboxResponse subscribe(SandboxRequest request) {
    JsonNode body = SandboxJson.read(request.bodyText());
    String contextId = body.path("ContextId").asString("");
    String referenceId = body.path("ReferenceId").asString("");
    if (!validId(contextId)) {
      throw new IllegalArgumentException("ContextId: must be 1-50 characters of a-z, A-Z, 0-9, - and _");
    }
    if (!validId(referenceId) || referenceId.startsWith("_")) {
      throw new IllegalArgumentException("ReferenceId: must be 1-50 characters of a-z, A-Z, 0-9, - and _, not starting with _");
    }
    JsonNode arguments = body.path("Arguments");
    requireFxSpot(arguments.path("AssetType").asString(""), "Arguments.AssetType");
    int refreshRate = body.path("RefreshRate").asInt(1000);
    return streaming.subscribe(contextId, referenceId, pairs(arguments.path("Uics").asString("")), refreshRate);
  }

  // ---- parameters ------------------------------------------------------------------------------

  private List<SaxoFx.Pair> pairs(String uics) {
    if (uics.isBlank()) {
      throw new IllegalArgumentException("Uics: is required");
    }
    List<SaxoFx.Pair> pairs = new ArrayList<>();
    for (String part : uics.split(",")) {
      int uic = integer(part.trim(), "Uics");
      pairs.add(fx.pair(uic).orElseThrow(() -> new IllegalArgumentException("Uics: unknown FxSpot Uic " + uic)));
    }
    return pairs;
  }

  private static void requireFxSpot(String assetType, String field) {
    if (!assetType.equals("FxSpot")) {
      throw new IllegalArgumentException(field + ": the sandbox serves FxSpot only, was '" + assetType + "'");
    }
  }

  private static int integer(String value, String field) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + ": must be an integer");
    }
  }

  private static Instant instant(String value) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException("Time: must be an ISO-8601 UTC time");
      }
    }
  }
}
