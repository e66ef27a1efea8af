package io.tickguard.forex.insightease.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.forex.Granularity;
import io.tickguard.market.insightease.InsighteaseLimits;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The forex endpoints under {@code https://api.insightease.com/forex}, as the vendor's client
 * libraries call them (github.com/insighteaseapi): {@code list}, {@code latest}, {@code history},
 * {@code converter}; the key is the {@code api_key} query parameter. Weights are credits: one per
 * call, one per 100 symbols for {@code latest}, one per 100 candles the asked days can hold for
 * {@code history} (an over-estimate when history is not billed per record).
 */
public final class InsighteaseForexEndpoints {
  /** Insightease's candle periods for the granularities it offers. */
  public static final Map<Granularity, String> PERIODS = periods();

  private static final String PAIR = "[A-Z]{3}/[A-Z]{3}";
  private static final Pattern SYMBOLS = Pattern.compile(PAIR + "(," + PAIR + "){0,999}");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  /** {@code GET /forex/list?type=forex}. */
  public static final Endpoint LIST =
      get("forexList", "/forex/list").query(ParamSpec.required("type", Pattern.compile("forex"), 5)).weight(1).build();

  /** {@code GET /forex/latest?symbol=EUR/USD,USD/JPY}. */
  public static final Endpoint LATEST = get("forexLatest", "/forex/latest")
      .query(ParamSpec.required("symbol", SYMBOLS, 8000))
      .weight(r -> InsighteaseLimits.creditsFor(r.queryValue("symbol").map(s -> s.split(",", -1).length).orElse(1)))
      .build();

  /** {@code GET /forex/history?symbol=EUR/USD&period=1h&from=YYYY-MM-DD&to=YYYY-MM-DD}. */
  public static final Endpoint HISTORY = get("forexHistory", "/forex/history")
      .query(ParamSpec.required("symbol", Pattern.compile(PAIR), 7))
      .query(ParamSpec.required("period", Pattern.compile("1m|5m|15m|30m|1h|2h|4h|5h|1d|1w|month"), 5))
      .query(ParamSpec.required("from", DATE, 10))
      .query(ParamSpec.required("to", DATE, 10))
      .weight(InsighteaseForexEndpoints::historyWeight)
      .build();

  /** {@code GET /forex/converter?pair1=EUR&pair2=USD&amount=200}. */
  public static final Endpoint CONVERTER = get("forexConverter", "/forex/converter")
      .query(ParamSpec.required("pair1", CURRENCY, 3))
      .query(ParamSpec.required("pair2", CURRENCY, 3))
      .query(ParamSpec.required("amount", ParamSpec.DECIMAL, 61))
      .weight(1).build();

  private InsighteaseForexEndpoints() {}

  private static Endpoint.Builder get(String name, String path) {
    return Endpoint.builder(name, HttpMethod.GET, path).auth(AuthMode.API_KEY).limits(InsighteaseLimits.CREDITS);
  }

  static int historyWeight(ApiRequest request) {
    long seconds = request.queryValue("period").flatMap(p -> PERIODS.entrySet().stream()
        .filter(e -> e.getValue().equals(p)).findFirst())
        .flatMap(e -> e.getKey().duration()).map(d -> d.getSeconds()).orElse(30L * 86_400L);
    LocalDate from = date(request, "from");
    LocalDate to = date(request, "to");
    if (from == null || to == null || to.isBefore(from)) {
      return 1; // the guard or the client refuses such a request before it is sent
    }
    long records = Math.max(1, (ChronoUnit.DAYS.between(from, to) + 1) * 86_400L / seconds);
    return InsighteaseLimits.creditsFor((int) Math.min(records, Integer.MAX_VALUE - InsighteaseLimits.RECORDS_PER_CREDIT));
  }

  private static LocalDate date(ApiRequest request, String name) {
    try {
      return request.queryValue(name).filter(s -> DATE.matcher(s).matches()).map(LocalDate::parse).orElse(null);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Map<Granularity, String> periods() {
    Map<Granularity, String> m = new EnumMap<>(Granularity.class);
    m.put(Granularity.M1, "1m");
    m.put(Granularity.M5, "5m");
    m.put(Granularity.M15, "15m");
    m.put(Granularity.M30, "30m");
    m.put(Granularity.H1, "1h");
    m.put(Granularity.H2, "2h");
    m.put(Granularity.H4, "4h");
    m.put(Granularity.H5, "5h");
    m.put(Granularity.D1, "1d");
    m.put(Granularity.W1, "1w");
    m.put(Granularity.MN1, "month");
    return Map.copyOf(m);
  }
}
