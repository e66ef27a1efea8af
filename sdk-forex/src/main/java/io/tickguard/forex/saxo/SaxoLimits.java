package io.tickguard.forex.saxo;

import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.UsageHeader;
import java.time.Duration;
import java.util.List;

/** Saxo OpenAPI's published limits, the default throttle of {@link SaxoClient}. */
public final class SaxoLimits {
  /** Saxo's service group of trading and prices ({@code /trade/...}). */
  public static final String TRADE = "SAXO_TRADE";
  /** Saxo's service group of chart data ({@code /chart/...}). */
  public static final String CHART = "SAXO_CHART";
  /** Saxo's service group of reference data ({@code /ref/...}). */
  public static final String REF = "SAXO_REF";
  /** Saxo's streaming service ({@code /streaming/ws/authorize}). */
  public static final String STREAMING = "SAXO_STREAMING";
  /** Saxo's application-wide daily budget, shared by every session of the app. */
  public static final String APP_DAY = "SAXO_APP_DAY";

  private SaxoLimits() {}

  /**
   * 120 requests per minute per session per service group ({@link #TRADE}, {@link #CHART}, {@link
   * #REF}, {@link #STREAMING}) and 10,000,000 requests per day per application ({@link #APP_DAY},
   * every request). {@code X-RateLimit-Session-Remaining/-Reset} correct the window of the service
   * group that answered ({@link UsageHeader#remainingPerGroup}: Saxo reports every group under one
   * header name), {@code X-RateLimit-AppDay-Remaining/-Reset} the daily one; a reset is in seconds
   * from now. Orders (1 per second per session, {@code X-RateLimit-SessionOrders-*}) are not market
   * data and are not modelled.
   *
   * <p>Source: <a href="https://www.developer.saxo/openapi/learn/rate-limiting">Saxo OpenAPI, Rate
   * Limiting</a>.
   */
  public static LimitPreset openApi() {
    return new LimitPreset(
        "saxo-openapi",
        List.of(
            RateLimit.fixedWindow(TRADE, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(CHART, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(REF, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(STREAMING, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(APP_DAY, 10_000_000, Duration.ofDays(1)).countingRequests().forEveryRequest()),
        List.of(
            UsageHeader.remainingPerGroup("X-RateLimit-Session-Remaining", "X-RateLimit-Session-Reset", "/1m"),
            UsageHeader.remaining("X-RateLimit-AppDay-Remaining", "X-RateLimit-AppDay-Reset", APP_DAY + "/1d")),
        "https://www.developer.saxo/openapi/learn/rate-limiting");
  }
}
