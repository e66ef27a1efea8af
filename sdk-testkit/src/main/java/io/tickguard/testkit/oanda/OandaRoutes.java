package io.tickguard.testkit.oanda;

import io.tickguard.testkit.ErrorStyle;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RateLimitPolicy;
import io.tickguard.testkit.RateLimiter;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.StreamingBody;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimTicker;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OANDA v20 in the sandbox, written from OANDA's v20 OpenAPI specification (github.com/oanda/
 * v20-openapi) and developer.oanda.com, independently of the client: every call needs {@code
 * Authorization: Bearer <token>}; errors are {@code {"errorMessage": ..., "errorCode": ...}} with
 * the {@code RequestID} header; decimals are strings, times RFC 3339 with nanoseconds.
 *
 * <ul>
 *   <li>{@code GET /v3/accounts/{accountID}/summary}: the account summary.
 *   <li>{@code GET /v3/accounts/{accountID}/instruments[?instruments=EUR_USD,...]}: the currency
 *       pairs the simulator trades ({@code type: CURRENCY}; pip location -2 for JPY pairs, else -4).
 *   <li>{@code GET /v3/accounts/{accountID}/pricing?instruments=...}: one price per instrument.
 *   <li>{@code GET /v3/instruments/{instrument}/candles?price=MBA&granularity=M1&from=&to=&count=}:
 *       candles of the simulator's granularities (M1, M5, M15, H1, H4, D), {@code count} at most
 *       5000 and not with both {@code from} and {@code to}; as far back as the simulator reaches (1,000
 *       candles, 10 days).
 *   <li>{@code GET /v3/accounts/{accountID}/pricing/stream?instruments=...}: chunked
 *       newline-delimited JSON, {@code PRICE} lines and a {@code HEARTBEAT} every 5 seconds. Live by
 *       default (a price per instrument every 250 ms of real time, for the demo and the command line);
 *       {@link #scriptedStreams()} makes every connection play the next queued {@link PricingScript},
 *       so tests control chunk boundaries, stalls and drops on a virtual clock.
 * </ul>
 *
 * <p>Limits: 120 REST requests per second (429 beyond).
 */
public final class OandaRoutes implements ProviderRoutes {
  /** The sandbox's personal access token. */
  public static final String DEMO_TOKEN = "sandbox-oanda-token";
  /** The sandbox's account. */
  public static final String DEMO_ACCOUNT = "101-004-0000000-001";
  /** OANDA's heartbeat interval on the pricing stream. */
  public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);
  /** REST requests allowed per second. */
  public static final int REQUESTS_PER_SECOND = 120;
  /** The largest {@code count} of candles. */
  public static final int MAX_CANDLES = 5000;

  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Duration LIVE_TICK = Duration.ofMillis(250);
  private static final long STALL_POLL_MILLIS = 50;
  private static final String LIQUIDITY = "10000000";

  private final String token;
  private final String account;
  private final ConcurrentLinkedQueue<PricingScript> scripts = new ConcurrentLinkedQueue<>();
  private final AtomicInteger streamConnections = new AtomicInteger();
  private volatile boolean scripted;
  private volatile boolean stopped;
  private SandboxContext context;

  /** Routes accepting {@link #DEMO_TOKEN} for {@link #DEMO_ACCOUNT}. */
  public OandaRoutes() {
    this(DEMO_TOKEN, DEMO_ACCOUNT);
  }

  /** Routes accepting {@code token} for {@code account}. */
  public OandaRoutes(String token, String account) {
    this.token = Objects.requireNonNull(token, "token");
    this.account = Objects.requireNonNull(account, "account");
  }

  /** Every pricing-stream connection plays the next {@link #enqueue queued} script instead of live prices. */
  public OandaRoutes scriptedStreams() {
    this.scripted = true;
    return this;
  }

  /** Queues {@code script} for the next pricing-stream connection (scripted mode). */
  public OandaRoutes enqueue(PricingScript script) {
    scripts.add(Objects.requireNonNull(script, "script"));
    return this;
  }

  /** Pricing-stream connections accepted so far. */
  public int streamConnections() {
    return streamConnections.get();
  }

  /** Ends every stream: live loops stop, stalls and gates give up. Call it before closing the sandbox. */
  public void stopStreams() {
    stopped = true;
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("An OandaRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    ErrorStyle errors = (status, code, message) -> error(status, code, message);
    RateLimiter limiter = ctx.newRateLimiter(new RateLimitPolicy(
        "OANDA_REQUESTS", REQUESTS_PER_SECOND, Duration.ofSeconds(1), "X-TG-OANDA-REQUESTS-1S", 1_000_000,
        Duration.ofSeconds(1)));
    table.on("GET", "/v3/accounts/{accountID}/summary").limiter(limiter).errors(errors).handle(r -> guarded(r, this::summary));
    table.on("GET", "/v3/accounts/{accountID}/instruments").limiter(limiter).errors(errors)
        .handle(r -> guarded(r, this::instruments));
    table.on("GET", "/v3/accounts/{accountID}/pricing").limiter(limiter).errors(errors).handle(r -> guarded(r, this::pricing));
    table.on("GET", "/v3/instruments/{instrument}/candles").limiter(limiter).errors(errors).handle(r -> guarded(r, this::candles));
    // The stream host counts new connections, not requests: no request limiter on the stream.
    table.on("GET", "/v3/accounts/{accountID}/pricing/stream").unlimited().errors(errors).handle(r -> guarded(r, this::stream));
  }

  private SandboxResponse guarded(SandboxRequest r, java.util.function.Function<SandboxRequest, SandboxResponse> handler) {
    Optional<String> auth = r.header("Authorization");
    if (auth.isEmpty() || !auth.get().equals("Bearer " + token)) {
      return error(401, null, "Insufficient authorization to perform request.").withHeader("RequestID", r.requestId());
    }
    Optional<String> accountId = r.pathVariable("accountID");
    if (accountId.isPresent() && !accountId.get().equals(account)) {
      return error(403, null, "The provided request was forbidden.").withHeader("RequestID", r.requestId());
    }
    return handler.apply(r).withHeader("RequestID", r.requestId());
  }

  private SandboxResponse summary(SandboxRequest r) {
    ObjectNode a = SandboxJson.object()
        .put("id", account).put("alias", "Sandbox").put("currency", "USD").put("balance", "100000.0000")
        .put("createdByUserID", 1).put("createdTime", "2026-01-01T00:00:00.000000000Z")
        .put("guaranteedStopLossOrderMode", "DISABLED").put("pl", "0.0000").put("resettablePL", "0.0000")
        .put("financing", "0.0000").put("commission", "0.0000").put("marginRate", "0.02")
        .put("openTradeCount", 0).put("openPositionCount", 0).put("pendingOrderCount", 0)
        .put("hedgingEnabled", false).put("unrealizedPL", "0.0000").put("NAV", "100000.0000")
        .put("marginUsed", "0.0000").put("marginAvailable", "100000.0000").put("positionValue", "0.0000")
        .put("lastTransactionID", "1");
    ObjectNode body = SandboxJson.object();
    body.set("account", a);
    body.put("lastTransactionID", "1");
    return SandboxResponse.ok(body);
  }

  private SandboxResponse instruments(SandboxRequest r) {
    List<Instrument> chosen = new ArrayList<>();
    Optional<String> filter = r.query("instruments");
    if (filter.isPresent()) {
      Optional<List<Instrument>> asked = instrumentList(filter.get());
      if (asked.isEmpty()) {
        return invalid("instruments");
      }
      chosen.addAll(asked.get());
    } else {
      chosen.addAll(currencyPairs());
    }
    ArrayNode list = SandboxJson.array();
    for (Instrument i : chosen) {
      list.add(SandboxJson.object()
          .put("name", wire(i)).put("type", "CURRENCY").put("displayName", i.base() + "/" + i.quote())
          .put("pipLocation", pipLocation(i)).put("displayPrecision", i.tickSize().scale())
          .put("tradeUnitsPrecision", 0).put("minimumTradeSize", "1")
          .put("maximumTrailingStopDistance", "1.00000").put("minimumTrailingStopDistance", "0.00050")
          .put("maximumPositionSize", "0").put("maximumOrderUnits", "100000000").put("marginRate", "0.02"));
    }
    ObjectNode body = SandboxJson.object();
    body.set("instruments", list);
    body.put("lastTransactionID", "1");
    return SandboxResponse.ok(body);
  }

  private SandboxResponse pricing(SandboxRequest r) {
    Optional<List<Instrument>> asked = r.query("instruments").flatMap(this::instrumentList);
    if (asked.isEmpty()) {
      return invalid("instruments");
    }
    ArrayNode prices = SandboxJson.array();
    for (Instrument i : asked.get()) {
      prices.add(price(i));
    }
    ObjectNode body = SandboxJson.object();
    body.set("prices", prices);
    body.put("time", RFC3339.format(context.clock().instant()));
    return SandboxResponse.ok(body);
  }

  private SandboxResponse candles(SandboxRequest r) {
    Optional<Instrument> instrument = r.pathVariable("instrument").flatMap(this::currencyPair);
    if (instrument.isEmpty()) {
      return invalid("instrument");
    }
    String price = r.query("price").orElse("M");
    if (!price.matches("(?!.*(.).*\\1)[MBA]{1,3}")) {
      return invalid("price");
    }
    Optional<OandaCandles.Granularity> granularity =
        OandaCandles.Granularity.of(r.query("granularity").orElse("S5"));
    if (granularity.isEmpty()) {
      return invalid("granularity");
    }
    Optional<Instant> from = r.query("from").map(OandaRoutes::time);
    Optional<Instant> to = r.query("to").map(OandaRoutes::time);
    if (from.isPresent() && from.get() == null) {
      return invalid("from");
    }
    if (to.isPresent() && to.get() == null) {
      return invalid("to");
    }
    Optional<String> countText = r.query("count");
    if (countText.isPresent() && from.isPresent() && to.isPresent()) {
      return error(400, null, "'count' cannot be specified when 'to' and 'from' parameters are set");
    }
    int count = 500;
    if (countText.isPresent()) {
      if (!countText.get().matches("[0-9]{1,9}")) {
        return invalid("count");
      }
      count = Integer.parseInt(countText.get());
      if (count < 1) {
        return invalid("count");
      }
      if (count > MAX_CANDLES) {
        return error(400, null, "Maximum value for 'count' exceeded");
      }
    }
    if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
      return error(400, null, "Invalid value specified for 'to'. Time is prior to 'from'");
    }
    ObjectNode body = SandboxJson.object().put("instrument", wire(instrument.get()))
        .put("granularity", granularity.get().name());
    body.set("candles", OandaCandles.render(context.market(), instrument.get(), granularity.get(), price,
        from, to, count, RFC3339));
    return SandboxResponse.ok(body);
  }

  private SandboxResponse stream(SandboxRequest r) {
    Optional<List<Instrument>> asked = r.query("instruments").flatMap(this::instrumentList);
    if (asked.isEmpty()) {
      return invalid("instruments");
    }
    streamConnections.incrementAndGet();
    if (scripted) {
      PricingScript script = scripts.poll();
      if (script == null) {
        return error(503, null, "The sandbox has no scripted stream queued for this connection");
      }
      return SandboxResponse.streaming(200, "application/octet-stream", out -> play(script, out));
    }
    List<Instrument> instruments = List.copyOf(asked.get());
    return SandboxResponse.streaming(200, "application/octet-stream", out -> live(instruments, out));
  }

  private void play(PricingScript script, StreamingBody.ChunkWriter out) throws IOException {
    for (PricingScript.Step step : script.steps()) {
      if (step instanceof PricingScript.Price p) {
        out.chunk(line(SandboxJson.write(price(requirePair(p.instrument())))));
      } else if (step instanceof PricingScript.SplitPrice s) {
        byte[] bytes = line(SandboxJson.write(price(requirePair(s.instrument()))));
        int at = Math.min(s.at(), bytes.length - 1);
        out.chunk(java.util.Arrays.copyOfRange(bytes, 0, at));
        if (!await(s.gate())) {
          out.cut();
          return;
        }
        out.chunk(java.util.Arrays.copyOfRange(bytes, at, bytes.length));
      } else if (step instanceof PricingScript.Heartbeat) {
        out.chunk(line(heartbeat()));
      } else if (step instanceof PricingScript.Raw raw) {
        out.chunk(raw.text().getBytes(StandardCharsets.UTF_8));
      } else if (step instanceof PricingScript.Gate g) {
        if (!await(g.gate())) {
          out.cut();
          return;
        }
      } else if (step instanceof PricingScript.Stall) {
        await(new CountDownLatch(1)); // until stopStreams()
        out.cut();
        return;
      } else if (step instanceof PricingScript.Cut) {
        out.cut();
        return;
      }
    }
  }

  /** Waits for {@code gate}; {@code false} when the routes stopped streaming first. */
  private boolean await(CountDownLatch gate) {
    try {
      while (!stopped) {
        if (gate.await(STALL_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Real-time prices and heartbeats for the demo; ends when the client goes away or the routes stop. */
  private void live(List<Instrument> instruments, StreamingBody.ChunkWriter out) throws IOException {
    long nextHeartbeat = System.nanoTime() + HEARTBEAT_INTERVAL.toNanos();
    while (!stopped) {
      for (Instrument i : instruments) {
        out.chunk(line(SandboxJson.write(price(i))));
      }
      if (System.nanoTime() - nextHeartbeat >= 0) {
        out.chunk(line(heartbeat()));
        nextHeartbeat += HEARTBEAT_INTERVAL.toNanos();
      }
      try {
        Thread.sleep(LIVE_TICK.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    out.cut();
  }

  private ObjectNode price(Instrument i) {
    SimTicker t = context.market().ticker(i.symbol());
    ObjectNode p = SandboxJson.object().put("type", "PRICE").put("time", RFC3339.format(context.clock().instant()));
    p.set("bids", SandboxJson.array().add(bucket(t.bid())));
    p.set("asks", SandboxJson.array().add(bucket(t.ask())));
    return p.put("closeoutBid", plain(t.bid().subtract(i.tickSize())))
        .put("closeoutAsk", plain(t.ask().add(i.tickSize())))
        .put("status", "tradeable").put("tradeable", true).put("instrument", wire(i));
  }

  private static ObjectNode bucket(BigDecimal price) {
    return SandboxJson.object().put("price", plain(price)).put("liquidity", Long.parseLong(LIQUIDITY));
  }

  private String heartbeat() {
    return SandboxJson.write(SandboxJson.object().put("type", "HEARTBEAT").put("time", RFC3339.format(context.clock().instant())));
  }

  private static byte[] line(String json) {
    return (json + "\n").getBytes(StandardCharsets.UTF_8);
  }

  private Instrument requirePair(String wire) {
    return currencyPair(wire).orElseThrow(() -> new IllegalStateException("The script names " + wire
        + ", which the sandbox does not quote; known: " + currencyPairs().stream().map(OandaRoutes::wire).toList()));
  }

  private Optional<List<Instrument>> instrumentList(String csv) {
    if (csv.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Instrument> out = new LinkedHashMap<>();
    for (String name : csv.split(",", -1)) {
      Optional<Instrument> i = currencyPair(name);
      if (i.isEmpty()) {
        return Optional.empty();
      }
      out.put(name, i.get());
    }
    return Optional.of(List.copyOf(out.values()));
  }

  private Optional<Instrument> currencyPair(String wire) {
    if (!wire.matches("[A-Z]{3}_[A-Z]{3}")) {
      return Optional.empty();
    }
    return context.market().instrument(wire.replace('_', '-')).filter(OandaRoutes::isCurrencyPair);
  }

  private List<Instrument> currencyPairs() {
    return context.market().instruments().values().stream().filter(OandaRoutes::isCurrencyPair).toList();
  }

  /** Both sides ISO 4217 currencies (the simulator's crypto pairs are not OANDA's). */
  static boolean isCurrencyPair(Instrument i) {
    return iso(i.base()) && iso(i.quote());
  }

  private static boolean iso(String code) {
    try {
      java.util.Currency.getInstance(code);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  static int pipLocation(Instrument i) {
    return i.quote().equals("JPY") ? -2 : -4;
  }

  static String wire(Instrument i) {
    return i.base() + "_" + i.quote();
  }

  /** RFC 3339 or Unix seconds (with up to nine decimals); {@code null} when neither. */
  private static Instant time(String text) {
    try {
      if (text.matches("[0-9]{1,12}(\\.[0-9]{1,9})?")) {
        BigDecimal seconds = new BigDecimal(text);
        return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
      }
      return Instant.parse(text);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String plain(BigDecimal d) {
    return d.toPlainString();
  }

  private SandboxResponse invalid(String field) {
    return error(400, null, "Invalid value specified for '" + field + "'");
  }

  private static SandboxResponse error(int status, String code, String message) {
    ObjectNode body = SandboxJson.object();
    if (code != null) {
      body.put("errorCode", code);
    }
    body.put("errorMessage", message);
    return SandboxResponse.json(status, body);
  }
}
