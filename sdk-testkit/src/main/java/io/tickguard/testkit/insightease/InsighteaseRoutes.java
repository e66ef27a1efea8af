package io.tickguard.testkit.insightease;

import io.tickguard.testkit.ErrorStyle;
import io.tickguard.testkit.ProviderRoutes;
import io.tickguard.testkit.RouteTable;
import io.tickguard.testkit.SandboxContext;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxRequest;
import io.tickguard.testkit.SandboxResponse;
import io.tickguard.testkit.market.CandleInterval;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.market.SimCandle;
import io.tickguard.testkit.market.SimTicker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Insightease in the sandbox, written from the vendor's documentation page
 * (insightease.com/docs/forex-api, credit usage) and its own client libraries
 * (github.com/insighteaseapi): crypto pairs through the {@code /forex} endpoints, the key as the
 * {@code api_key} query parameter, every answer in the {@code {status, code, msg, response, info}}
 * envelope, errors as {@code status:false} inside HTTP 200. Each route answers GET with query
 * parameters and POST with a form (as the vendor's libraries send), alike.
 *
 * <ul>
 *   <li>{@code GET /forex/list?type=crypto|forex}: {@code {id, name, symbol, type}} per pair; crypto
 *       is every simulated pair that is not two fiat currencies. 1 credit.
 *   <li>{@code GET /forex/latest?symbol=BTC/USDT,ETH/USDT}: {@code {s, o, h, l, c, a, b, sp, ch, cp,
 *       t, tm}} per known pair (unknown ones are left out; none known is error 113). 1 credit per 100
 *       pairs answered.
 *   <li>{@code GET /forex/history?symbol=BTC/USDT&period=1h[&from=YYYY-MM-DD&to=YYYY-MM-DD]}: candles
 *       {@code {o, h, l, c, v, t, tm}} oldest first, of the UTC days asked (without them, the latest
 *       300), as far as the simulator reaches (1,000 candles, 10 days). 1 credit per 100 candles.
 *   <li>{@code GET /forex/candle?symbol=...&period=1h}: the candle in progress per pair, with {@code
 *       s}. 1 credit per 100 pairs.
 *   <li>For currency pairs ({@code type=forex}): the listing adds {@code decimal} (the pair's decimals);
 *       {@code history}'s {@code response} is an object keyed by each candle's Unix-second time, as
 *       the vendor's forex history is described (issue 12); crypto history stays an array.
 *   <li>{@code GET /forex/converter?pair1=EUR&pair2=USD&amount=200}: {@code {"price_1x_EUR": ...,
 *       "price_1x_USD": ..., "total": ...}} at the last price of {@code EUR/USD}, of its inverse, or
 *       across USD; rates with 6 decimals (half-even), the total with 2. 1 credit.
 * </ul>
 *
 * <p>Credits: each key has {@code monthlyCredits} per calendar month of the sandbox clock; only
 * successful answers are charged, and an answer that would overrun the quota is refused whole.
 * Error codes, which the vendor's retrievable material does not list (hand-made, as the client's
 * fixtures): 101 missing or unknown key, 104 credits exhausted, 112 invalid parameter, 113 symbol not
 * found. The periods served are the simulator's: 1m, 5m, 15m, 1h, 4h, 1d.
 */
public final class InsighteaseRoutes implements ProviderRoutes {
  /** The path prefix of every route. */
  public static final String PREFIX = "/forex";
  /** Credits of the Basic plan, the default quota. */
  public static final long BASIC_MONTHLY_CREDITS = 10_000;
  /** Invalid or missing key. */
  public static final int CODE_INVALID_KEY = 101;
  /** Monthly credits exhausted. */
  public static final int CODE_CREDITS_EXHAUSTED = 104;
  /** A parameter is missing or invalid. */
  public static final int CODE_INVALID_PARAMETER = 112;
  /** No asked symbol is known. */
  public static final int CODE_SYMBOL_NOT_FOUND = 113;

  private static final int RECORDS_PER_CREDIT = 100;
  private static final int DEFAULT_HISTORY_CANDLES = 300;
  private static final int MAX_SYMBOLS = 1000;
  private static final Set<String> FIAT = Set.of("USD", "EUR", "GBP", "JPY", "CHF", "AUD", "CAD", "NZD");
  private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

  private final long monthlyCredits;
  private final Map<String, Long> used = new HashMap<>();
  private final boolean bidAndAsk;
  private SandboxContext context;

  /** Routes with the Basic plan's {@value #BASIC_MONTHLY_CREDITS} credits a month per key. */
  public InsighteaseRoutes() {
    this(BASIC_MONTHLY_CREDITS);
  }

  /** Routes whose keys each have {@code monthlyCredits} credits a month, on a plan with bid and ask. */
  public InsighteaseRoutes(long monthlyCredits) {
    this(monthlyCredits, true);
  }

  /**
   * Routes whose keys each have {@code monthlyCredits} credits a month; {@code latest} answers bid,
   * ask and spread ({@code a}, {@code b}, {@code sp}) only when {@code bidAndAsk}, as on plans that
   * include them (the vendor marks them "Available in pro plan").
   */
  public InsighteaseRoutes(long monthlyCredits, boolean bidAndAsk) {
    if (monthlyCredits <= 0) {
      throw new IllegalArgumentException("monthlyCredits must be positive: " + monthlyCredits);
    }
    this.monthlyCredits = monthlyCredits;
    this.bidAndAsk = bidAndAsk;
  }

  @Override
  public void register(RouteTable table, SandboxContext ctx) {
    if (context != null) {
      throw new IllegalStateException("An InsighteaseRoutes instance serves one sandbox; create another");
    }
    this.context = ctx;
    ErrorStyle errors = (status, code, message) -> SandboxResponse.json(status, envelopeError(code, message));
    // The vendor's own libraries POST forms; GET with query parameters answers the same. The quota is
    // the credit ledger below, not the sandbox's per-IP weight limiter.
    for (String method : List.of("GET", "POST")) {
      table.on(method, PREFIX + "/list").unlimited().errors(errors).handle(r -> call(r, Set.of("type"), this::list));
      table.on(method, PREFIX + "/latest").unlimited().errors(errors).handle(r -> call(r, Set.of("symbol"), this::latest));
      table.on(method, PREFIX + "/history").unlimited().errors(errors)
          .handle(r -> call(r, Set.of("symbol", "period", "from", "to", "limit"), this::history));
      table.on(method, PREFIX + "/candle").unlimited().errors(errors)
          .handle(r -> call(r, Set.of("symbol", "period", "candle"), this::candle));
      table.on(method, PREFIX + "/converter").unlimited().errors(errors)
          .handle(r -> call(r, Set.of("pair1", "pair2", "amount"), InsighteaseConverter::convert));
    }
  }

  /** Credits {@code apiKey} has spent in the sandbox clock's current month. */
  public synchronized long creditsUsed(String apiKey) {
    return used.getOrDefault(ledgerKey(apiKey), 0L);
  }

  interface Handler {
    Answer handle(Params params, MarketSimulator market);
  }

  /** The call's parameters: the query string's and, for a form POST, the form's, in order. */
  record Params(Map<String, List<String>> values) {
    static Params of(SandboxRequest r) {
      Map<String, List<String>> values = new LinkedHashMap<>();
      for (String name : r.url().queryParameterNames()) {
        for (String v : r.url().queryParameterValues(name)) {
          values.computeIfAbsent(name, k -> new ArrayList<>()).add(v == null ? "" : v);
        }
      }
      for (Map.Entry<String, String> e : r.formParameters()) {
        values.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue());
      }
      return new Params(values);
    }

    Optional<String> get(String name) {
      List<String> v = values.get(name);
      return v == null ? Optional.empty() : Optional.of(v.get(0));
    }
  }

  /** A handler's result: an error envelope, or the {@code response} and the credits it costs. */
  record Answer(int errorCode, String errorMessage, tools.jackson.databind.JsonNode response, long credits) {
    static Answer ok(tools.jackson.databind.JsonNode response, long credits) {
      return new Answer(0, null, response, credits);
    }

    static Answer error(int code, String message) {
      return new Answer(code, message, null, 0);
    }
  }

  private SandboxResponse call(SandboxRequest r, Set<String> allowed, Handler handler) {
    Params params = Params.of(r);
    Optional<String> key = params.get("api_key");
    if (key.isEmpty() || key.get().isEmpty()) {
      return error(CODE_INVALID_KEY, "API key is required: send it as the api_key parameter");
    }
    if (params.values().get("api_key").size() > 1) {
      return error(CODE_INVALID_PARAMETER, "Parameter 'api_key' was sent twice");
    }
    if (context.apiKeys().find(key.get()).isEmpty()) {
      return error(CODE_INVALID_KEY, "Invalid API key"); // never echo the key
    }
    for (Map.Entry<String, List<String>> p : params.values().entrySet()) {
      if (!p.getKey().equals("api_key") && !allowed.contains(p.getKey())) {
        return error(CODE_INVALID_PARAMETER, "Parameter '" + p.getKey() + "' is not accepted here");
      }
      if (p.getValue().size() > 1) {
        return error(CODE_INVALID_PARAMETER, "Parameter '" + p.getKey() + "' was sent twice");
      }
    }
    Answer answer = handler.handle(params, context.market());
    if (answer.errorCode() != 0) {
      return error(answer.errorCode(), answer.errorMessage());
    }
    synchronized (this) {
      String ledger = ledgerKey(key.get());
      long spent = used.getOrDefault(ledger, 0L);
      if (spent + answer.credits() > monthlyCredits) {
        return error(CODE_CREDITS_EXHAUSTED, "Your monthly credit limit is reached (" + spent + " of "
            + monthlyCredits + " used; this request costs " + answer.credits() + ")");
      }
      used.put(ledger, spent + answer.credits());
    }
    ObjectNode body = SandboxJson.object().put("status", true).put("code", 200).put("msg", "Successfully");
    body.set("response", answer.response());
    body.set("info", info(answer.credits()));
    return SandboxResponse.ok(body);
  }

  private Answer list(Params r, MarketSimulator m) {
    String type = r.get("type").orElse("forex");
    if (!type.equals("crypto") && !type.equals("forex")) {
      return Answer.error(CODE_INVALID_PARAMETER, "type must be forex or crypto");
    }
    ArrayNode out = SandboxJson.array();
    int id = 0;
    for (Instrument i : m.instruments().values()) {
      id++;
      String kind = isForex(i) ? "forex" : "crypto";
      if (kind.equals(type)) {
        ObjectNode item = SandboxJson.object().put("id", Integer.toString(id)).put("name", i.base() + " " + i.quote())
            .put("symbol", wire(i)).put("type", kind);
        if (kind.equals("forex")) {
          item.put("decimal", Integer.toString(i.tickSize().scale()));
        }
        out.add(item);
      }
    }
    return Answer.ok(out, 1);
  }

  private Answer latest(Params r, MarketSimulator m) {
    Optional<List<String>> symbols = symbols(r);
    if (symbols.isEmpty()) {
      return Answer.error(CODE_INVALID_PARAMETER, "symbol is required: one or more pairs such as BTC/USDT, comma-separated");
    }
    ArrayNode out = SandboxJson.array();
    for (String s : symbols.get()) {
      Optional<Instrument> i = instrument(m, s);
      if (i.isEmpty()) {
        continue;
      }
      SimTicker t = m.ticker(i.get().symbol());
      BigDecimal change = t.last().subtract(t.open24h());
      String percent = change.multiply(BigDecimal.valueOf(100)).divide(t.open24h(), 2, RoundingMode.HALF_EVEN).toPlainString();
      ObjectNode item = SandboxJson.object().put("s", s).put("o", plain(t.open24h())).put("h", plain(t.high24h()))
          .put("l", plain(t.low24h())).put("c", plain(t.last()));
      if (bidAndAsk) {
        item.put("a", plain(t.ask())).put("b", plain(t.bid())).put("sp", plain(t.ask().subtract(t.bid())));
      }
      out.add(item.put("ch", signed(change.toPlainString())).put("cp", signed(percent) + "%")
          .put("t", Long.toString(t.time().getEpochSecond())).put("tm", TM.format(t.time())));
    }
    if (out.isEmpty()) {
      return Answer.error(CODE_SYMBOL_NOT_FOUND, "Symbol not found");
    }
    return Answer.ok(out, credits(out.size()));
  }

  private Answer history(Params r, MarketSimulator m) {
    Optional<String> symbol = r.get("symbol");
    if (symbol.isEmpty() || symbol.get().contains(",")) {
      return Answer.error(CODE_INVALID_PARAMETER, "symbol is required: one pair such as BTC/USDT");
    }
    Optional<Instrument> instrument = instrument(m, symbol.get());
    if (instrument.isEmpty()) {
      return Answer.error(CODE_SYMBOL_NOT_FOUND, "Symbol not found");
    }
    Optional<CandleInterval> period = r.get("period").flatMap(CandleInterval::ofCode);
    if (period.isEmpty()) {
      return Answer.error(CODE_INVALID_PARAMETER, "period must be one of 1m, 5m, 15m, 1h, 4h, 1d in the sandbox");
    }
    long step = period.get().seconds();
    long now = m.clock().instant().getEpochSecond();
    long currentStart = Math.floorDiv(now, step) * step;
    long fromSecond;
    long toSecond;
    if (r.get("from").isPresent() || r.get("to").isPresent()) {
      Optional<LocalDate> from = r.get("from").flatMap(InsighteaseRoutes::date);
      Optional<LocalDate> to = r.get("to").flatMap(InsighteaseRoutes::date);
      if (from.isEmpty() || to.isEmpty() || to.get().isBefore(from.get())) {
        return Answer.error(CODE_INVALID_PARAMETER, "from and to must both be dates YYYY-MM-DD, from not after to");
      }
      fromSecond = from.get().atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      toSecond = to.get().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1;
    } else {
      fromSecond = currentStart - (DEFAULT_HISTORY_CANDLES - 1) * step;
      toSecond = now;
    }
    long reach = Math.min(1000, MarketSimulator.MAX_SCAN_SECONDS / step);
    long wanted = Math.floorDiv(currentStart - fromSecond, step) + 1;
    int limit = (int) Math.max(1, Math.min(reach, wanted));
    ArrayNode out = SandboxJson.array();
    ObjectNode keyed = SandboxJson.object();
    if (fromSecond <= now) {
      for (SimCandle c : m.candles(instrument.get().symbol(), period.get(), limit)) {
        long t = c.openTime().getEpochSecond();
        if (t >= fromSecond && t <= toSecond) {
          out.add(candle(c));
          keyed.set(Long.toString(t), candle(c));
        }
      }
    }
    return isForex(instrument.get()) ? Answer.ok(keyed, credits(keyed.size())) : Answer.ok(out, credits(out.size()));
  }

  private Answer candle(Params r, MarketSimulator m) {
    Optional<List<String>> symbols = symbols(r);
    if (symbols.isEmpty()) {
      return Answer.error(CODE_INVALID_PARAMETER, "symbol is required: one or more pairs, comma-separated");
    }
    Optional<CandleInterval> period = r.get("period").flatMap(CandleInterval::ofCode);
    if (period.isEmpty()) {
      return Answer.error(CODE_INVALID_PARAMETER, "period must be one of 1m, 5m, 15m, 1h, 4h, 1d in the sandbox");
    }
    ArrayNode out = SandboxJson.array();
    for (String s : symbols.get()) {
      Optional<Instrument> i = instrument(m, s);
      if (i.isPresent()) {
        ObjectNode c = candle(m.candles(i.get().symbol(), period.get(), 1).get(0));
        out.add(SandboxJson.object().put("s", s).setAll(c));
      }
    }
    if (out.isEmpty()) {
      return Answer.error(CODE_SYMBOL_NOT_FOUND, "Symbol not found");
    }
    return Answer.ok(out, credits(out.size()));
  }

  private static ObjectNode candle(SimCandle c) {
    return SandboxJson.object().put("o", plain(c.open())).put("h", plain(c.high())).put("l", plain(c.low()))
        .put("c", plain(c.close())).put("v", plain(c.volume())).put("t", Long.toString(c.openTime().getEpochSecond()))
        .put("tm", TM.format(c.openTime()));
  }

  private static Optional<List<String>> symbols(Params r) {
    Optional<String> list = r.get("symbol");
    if (list.isEmpty() || list.get().isEmpty()) {
      return Optional.empty();
    }
    String[] parts = list.get().split(",", -1);
    if (parts.length > MAX_SYMBOLS) {
      throw new IllegalArgumentException("At most " + MAX_SYMBOLS + " symbols per request");
    }
    List<String> out = new ArrayList<>(parts.length);
    for (String p : parts) {
      if (!p.isEmpty() && !out.contains(p)) {
        out.add(p);
      }
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static Optional<Instrument> instrument(MarketSimulator m, String wire) {
    if (!wire.matches("[A-Z0-9]{2,10}/[A-Z0-9]{2,10}")) {
      return Optional.empty();
    }
    return m.instrument(wire.replace('/', '-'));
  }

  static boolean isForex(Instrument i) {
    return FIAT.contains(i.base()) && FIAT.contains(i.quote());
  }

  private static String wire(Instrument i) {
    return i.base() + "/" + i.quote();
  }

  private static Optional<LocalDate> date(String text) {
    if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(text));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static long credits(int records) {
    return Math.max(1, (records + RECORDS_PER_CREDIT - 1) / RECORDS_PER_CREDIT);
  }

  private String ledgerKey(String apiKey) {
    return apiKey + "|" + YearMonth.from(context.clock().instant().atZone(ZoneOffset.UTC));
  }

  private ObjectNode info(long credits) {
    return SandboxJson.object().put("server_time", TM.format(context.clock().instant()) + " UTC").put("credit_count", credits);
  }

  private SandboxResponse error(int code, String message) {
    ObjectNode body = SandboxJson.object().put("status", false).put("code", code).put("msg", message);
    body.putNull("response");
    body.set("info", info(0));
    return SandboxResponse.ok(body);
  }

  private ObjectNode envelopeError(String code, String message) {
    ObjectNode body = SandboxJson.object().put("status", false).put("code", code).put("msg", message);
    body.putNull("response");
    body.set("info", info(0));
    return body;
  }

  private static String plain(BigDecimal d) {
    return d.toPlainString();
  }

  private static String signed(String number) {
    return number.startsWith("-") ? number : "+" + number;
  }
}
