package io.tickguard.crypto.insightease;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.auth.AuthMode;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Insightease endpoints used by {@link InsighteaseClient}; the weight of each is its credit cost
 * against the plan's monthly {@code CREDITS} quota. Insightease documents one credit per request,
 * except endpoints that bill one credit per 100 records returned (the latest-price endpoint bills
 * per 100 symbols; history per 100 candles), which the weight functions estimate from the request.
 * Paths are unverified (see the package documentation).
 */
public final class InsighteaseEndpoints {
  /** The monthly credit quota every call counts against. */
  public static final String CREDITS = "CREDITS";

  /** Records billed per credit by the per-record endpoints. */
  public static final int RECORDS_PER_CREDIT = 100;

  static final Map<String, Duration> PERIODS = Map.of(
      "1m", Duration.ofMinutes(1), "5m", Duration.ofMinutes(5), "15m", Duration.ofMinutes(15),
      "30m", Duration.ofMinutes(30), "1h", Duration.ofHours(1), "4h", Duration.ofHours(4),
      "1d", Duration.ofDays(1), "1w", Duration.ofDays(7));

  private static final Pattern SYMBOLS = Pattern.compile("[A-Z0-9]{1,20}/[A-Z0-9]{1,20}(,[A-Z0-9]{1,20}/[A-Z0-9]{1,20}){0,999}");
  private static final Pattern PERIOD = Pattern.compile("1m|5m|15m|30m|1h|4h|1d|1w");

  /** {@code GET /crypto/list?type=crypto}: the crypto listings, one credit. */
  public static final Endpoint LIST =
      get("list", "/crypto/list").query(ParamSpec.required("type", Pattern.compile("crypto"), 6)).weight(1).build();

  /** {@code GET /crypto/latest?symbol=A/B,C/D}: latest prices, one credit per 100 symbols. */
  public static final Endpoint LATEST =
      get("latest", "/crypto/latest")
          .query(ParamSpec.required("symbol", SYMBOLS, 42_000))
          .weight(InsighteaseEndpoints::latestWeight)
          .build();

  /** {@code GET /crypto/history}: candles in a window, one credit per 100 candles. */
  public static final Endpoint HISTORY =
      get("history", "/crypto/history")
          .query(ParamSpec.required("symbol", SYMBOLS, 41))
          .query(ParamSpec.required("period", PERIOD, 3))
          .query(ParamSpec.required("from", ParamSpec.INTEGER, 12))
          .query(ParamSpec.required("to", ParamSpec.INTEGER, 12))
          .weight(InsighteaseEndpoints::historyWeight)
          .build();

  private InsighteaseEndpoints() {}

  private static Endpoint.Builder get(String name, String path) {
    // The key is the api_key query parameter; the authenticator adds it (core redacts api_key in logs).
    return Endpoint.builder(name, HttpMethod.GET, path).auth(AuthMode.API_KEY).limits(CREDITS);
  }

  static int latestWeight(ApiRequest request) {
    int symbols = request.queryValue("symbol").map(s -> s.split(",", -1).length).orElse(1);
    return credits(symbols);
  }

  static int historyWeight(ApiRequest request) {
    Duration period = request.queryValue("period").map(PERIODS::get).orElse(null);
    long from = request.queryValue("from").filter(s -> s.matches("[0-9]{1,12}")).map(Long::parseLong).orElse(0L);
    long to = request.queryValue("to").filter(s -> s.matches("[0-9]{1,12}")).map(Long::parseLong).orElse(0L);
    if (period == null || to < from) {
      return 1;
    }
    long records = (to - from) / period.getSeconds() + 1;
    return credits((int) Math.min(records, Integer.MAX_VALUE - RECORDS_PER_CREDIT));
  }

  private static int credits(int records) {
    return Math.max(1, (records + RECORDS_PER_CREDIT - 1) / RECORDS_PER_CREDIT);
  }
}
