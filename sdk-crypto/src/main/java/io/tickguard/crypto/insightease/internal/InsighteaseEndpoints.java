package io.tickguard.crypto.insightease.internal;

import io.tickguard.crypto.insightease.InsighteaseClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.market.insightease.InsighteaseLimits;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Insightease endpoints used by {@link InsighteaseClient}, under {@code https://api.insightease.com}.
 * Crypto pairs are served by the {@code /forex} endpoints: the listing takes {@code type=crypto},
 * prices and candles take the pair ({@code BTC/USD}), as the vendor's own client libraries call them
 * (github.com/insighteaseapi). The key is the {@code api_key} query parameter, which the client's
 * authenticator adds.
 *
 * <p>The weight of each endpoint is its credit cost against the plan's monthly {@code CREDITS}
 * quota. Insightease documents 1 credit per request, except for three endpoints billed 1 credit per
 * 100 records returned, naming only the latest-price endpoint ("if you enter 200 different IDs ... it
 * will count 2 requests"). History is estimated the same way from the requested window, which
 * over-estimates rather than under-estimates when it is not billed per record.
 */
public final class InsighteaseEndpoints {
  /**
   * Candle periods Insightease documents that TickGuard's {@code Interval} can name (the vendor also
   * has {@code 5h} and {@code month}).
   */
  public static final Map<String, Duration> PERIODS = Map.of(
      "1m", Duration.ofMinutes(1), "5m", Duration.ofMinutes(5), "15m", Duration.ofMinutes(15),
      "30m", Duration.ofMinutes(30), "1h", Duration.ofHours(1), "2h", Duration.ofHours(2),
      "4h", Duration.ofHours(4), "1d", Duration.ofDays(1), "1w", Duration.ofDays(7));

  private static final String PAIR = "[A-Z0-9]{1,20}/[A-Z0-9]{1,20}";
  private static final Pattern SYMBOLS = Pattern.compile(PAIR + "(," + PAIR + "){0,999}");
  private static final Pattern SYMBOL = Pattern.compile(PAIR);
  private static final Pattern PERIOD = Pattern.compile("1m|5m|15m|30m|1h|2h|4h|1d|1w");
  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** {@code GET /forex/list?type=crypto}: the crypto listings, one credit. */
  public static final Endpoint LIST =
      get("list", "/forex/list").query(ParamSpec.required("type", Pattern.compile("crypto"), 6)).weight(1).build();

  /** {@code GET /forex/latest?symbol=BTC/USD,ETH/USD}: latest prices, one credit per 100 symbols. */
  public static final Endpoint LATEST =
      get("latest", "/forex/latest")
          .query(ParamSpec.required("symbol", SYMBOLS, 42_000))
          .weight(InsighteaseEndpoints::latestWeight)
          .build();

  /**
   * {@code GET /forex/history?symbol=BTC/USD&period=1h&from=2026-03-01&to=2026-03-02}: candles of the
   * UTC days {@code from} to {@code to}; weight one credit per 100 candles those days can hold.
   */
  public static final Endpoint HISTORY =
      get("history", "/forex/history")
          .query(ParamSpec.required("symbol", SYMBOL, 41))
          .query(ParamSpec.required("period", PERIOD, 3))
          .query(ParamSpec.required("from", DATE, 10))
          .query(ParamSpec.required("to", DATE, 10))
          .weight(InsighteaseEndpoints::historyWeight)
          .build();

  private InsighteaseEndpoints() {}

  private static Endpoint.Builder get(String name, String path) {
    // The key is the api_key query parameter; the authenticator adds it (core redacts api_key in logs).
    return Endpoint.builder(name, HttpMethod.GET, path).auth(AuthMode.API_KEY).limits(InsighteaseLimits.CREDITS);
  }

  public static int latestWeight(ApiRequest request) {
    int symbols = request.queryValue("symbol").map(s -> s.split(",", -1).length).orElse(1);
    return credits(symbols);
  }

  public static int historyWeight(ApiRequest request) {
    Duration period = request.queryValue("period").map(PERIODS::get).orElse(null);
    LocalDate from = date(request, "from");
    LocalDate to = date(request, "to");
    if (period == null || from == null || to == null || to.isBefore(from)) {
      return 1; // the guard refuses such a request before it is sent
    }
    long seconds = (ChronoUnit.DAYS.between(from, to) + 1) * 86_400L;
    long records = Math.max(1, seconds / period.getSeconds());
    return credits((int) Math.min(records, Integer.MAX_VALUE - InsighteaseLimits.RECORDS_PER_CREDIT));
  }

  private static LocalDate date(ApiRequest request, String name) {
    String text = request.queryValue(name).filter(s -> DATE.matcher(s).matches()).orElse(null);
    try {
      return text == null ? null : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static int credits(int records) {
    return InsighteaseLimits.creditsFor(records);
  }
}
