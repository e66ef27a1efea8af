package io.tickguard.crypto.binance;

import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.UsageHeader;
import java.time.Duration;
import java.util.List;

/**
 * Binance's published limits, the default throttle of {@link BinanceClient}. Binance changes its
 * limits, so check the source when in doubt, and pass your own {@link RateLimit}s when your account
 * has other limits (VIP tiers).
 */
public final class BinanceLimits {
  private BinanceLimits() {}

  /**
   * Binance Spot REST: {@code REQUEST_WEIGHT} 6000 per minute (charges weight, per IP), {@code
   * RAW_REQUESTS} 61000 per 5 minutes (every request counts 1), {@code ORDERS} 100 per 10 seconds
   * and 200000 per day (each order counts 1, per account). All windows start at the wall-clock
   * interval start. {@code X-MBX-USED-WEIGHT-1M} and {@code X-MBX-ORDER-COUNT-10S/-1D} correct the
   * local counts.
   *
   * <p>Source: <a href="https://developers.binance.com/docs/binance-spot-api-docs/rest-api/limits">
   * Binance Spot API, LIMITS</a> and the {@code rateLimits} of {@code GET /api/v3/exchangeInfo}.
   */
  public static LimitPreset spot() {
    return new LimitPreset(
        "binance-spot",
        List.of(
            RateLimit.fixedWindow("REQUEST_WEIGHT", 6000, Duration.ofMinutes(1)),
            RateLimit.fixedWindow("RAW_REQUESTS", 61_000, Duration.ofMinutes(5))
                .countingRequests().forEveryRequest(),
            RateLimit.fixedWindow("ORDERS", 100, Duration.ofSeconds(10)).countingRequests(),
            RateLimit.fixedWindow("ORDERS", 200_000, Duration.ofDays(1)).countingRequests()),
        List.of(
            UsageHeader.used("X-MBX-USED-WEIGHT-1M", "REQUEST_WEIGHT/1m"),
            UsageHeader.used("X-MBX-ORDER-COUNT-10S", "ORDERS/10s"),
            UsageHeader.used("X-MBX-ORDER-COUNT-1D", "ORDERS/1d")),
        "https://developers.binance.com/docs/binance-spot-api-docs/rest-api/limits");
  }}
