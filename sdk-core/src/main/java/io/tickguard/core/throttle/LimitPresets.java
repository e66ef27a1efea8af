package io.tickguard.core.throttle;

import java.time.Duration;
import java.util.List;

/**
 * Documented limits of the providers TickGuard ships clients for. Each preset names its source;
 * providers change their limits, so check the source when in doubt, and pass your own
 * {@link RateLimit}s when your account has other limits (VIP tiers, negotiated limits).
 *
 * <p>Limit group names here are the ones provider endpoint tables list in {@code Endpoint.limits()}.
 */
public final class LimitPresets {

  private LimitPresets() {}

  /** Kraken verification tiers, which set the REST call counter's maximum and decay. */
  public enum KrakenTier {
    /** Max counter 15, decay 0.33 per second. */
    STARTER(15, 0.33),
    /** Max counter 20, decay 0.5 per second. */
    INTERMEDIATE(20, 0.5),
    /** Max counter 20, decay 1 per second. */
    PRO(20, 1.0);

    private final long maxCounter;
    private final double decayPerSecond;

    KrakenTier(long maxCounter, double decayPerSecond) {
      this.maxCounter = maxCounter;
      this.decayPerSecond = decayPerSecond;
    }
  }

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
  public static LimitPreset binanceSpot() {
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
  }

  /**
   * Kraken Spot REST for {@code tier}: the private {@code API_COUNTER} (+1 per call, +2 for
   * ledger/trade history: set that as the endpoint's weight) under the tier's maximum, decaying at
   * the tier's rate; and {@code PUBLIC} market data at 1 call per second per IP. AddOrder/CancelOrder
   * count against the matching engine's per-pair limiter instead, which is not modelled here.
   *
   * <p>Sources: <a href="https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits">Spot REST
   * Rate Limits</a>, <a
   * href="https://support.kraken.com/articles/206548367-what-are-the-api-rate-limits-">What are the
   * API rate limits?</a> (public: "a frequency of 1 per second (or less) would remain within the
   * rate limits").
   */
  public static LimitPreset krakenSpot(KrakenTier tier) {
    return new LimitPreset(
        "kraken-spot-" + tier.name().toLowerCase(java.util.Locale.ROOT),
        List.of(
            RateLimit.decayingCounter("API_COUNTER", tier.maxCounter, tier.decayPerSecond),
            RateLimit.fixedWindow("PUBLIC", 1, Duration.ofSeconds(1)).countingRequests()),
        List.of(),
        "https://docs.kraken.com/api/docs/guides/spot-rest-ratelimits");
  }

  /**
   * Coinbase Advanced Trade public REST endpoints: {@code PUBLIC} 10 requests per second per IP.
   *
   * <p>Source: <a href="https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits">
   * Advanced Trade REST API rate limits</a>.
   */
  public static LimitPreset coinbaseAdvancedPublic() {
    return new LimitPreset(
        "coinbase-advanced-public",
        List.of(RateLimit.fixedWindow("PUBLIC", 10, Duration.ofSeconds(1)).countingRequests()),
        List.of(),
        "https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits");
  }

  /**
   * Coinbase Advanced Trade private REST endpoints: {@code PRIVATE} 30 requests per second per user.
   *
   * <p>Source: <a href="https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits">
   * Advanced Trade REST API rate limits</a>.
   */
  public static LimitPreset coinbaseAdvancedPrivate() {
    return new LimitPreset(
        "coinbase-advanced-private",
        List.of(RateLimit.fixedWindow("PRIVATE", 30, Duration.ofSeconds(1)).countingRequests()),
        List.of(),
        "https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits");
  }

  /**
   * Coinbase Advanced Trade, public and private together: {@code PUBLIC} 10 requests per second per
   * IP and {@code PRIVATE} 30 requests per second per user, each endpoint counting against its own
   * group. A client that calls both kinds of routes needs both windows.
   *
   * <p>Source: <a href="https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits">
   * Advanced Trade REST API rate limits</a>.
   */
  public static LimitPreset coinbaseAdvanced() {
    return new LimitPreset(
        "coinbase-advanced",
        List.of(
            RateLimit.fixedWindow("PUBLIC", 10, Duration.ofSeconds(1)).countingRequests(),
            RateLimit.fixedWindow("PRIVATE", 30, Duration.ofSeconds(1)).countingRequests()),
        List.of(),
        "https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits");
  }

  /**
   * Coinbase Exchange public REST endpoints: a lazily filled token bucket of burst 15 refilled at 10
   * per second per IP, modelled as a counter of max 15 decaying by 10 per second.
   *
   * <p>Source: <a href="https://docs.cdp.coinbase.com/exchange/rest-api/rate-limits">Exchange REST
   * API Rate Limits</a>.
   */
  public static LimitPreset coinbaseExchangePublic() {
    return new LimitPreset(
        "coinbase-exchange-public",
        List.of(RateLimit.decayingCounter("PUBLIC", 15, 10).countingRequests()),
        List.of(),
        "https://docs.cdp.coinbase.com/exchange/rest-api/rate-limits");
  }

  /** Credits a month of Insightease's Basic plan ("In Basic Plan user allow to request ... 10,000 times in 1 month"). */
  public static final long INSIGHTEASE_BASIC_MONTHLY_CREDITS = 10_000;

  /**
   * Insightease's monthly credit quota: {@code CREDITS}, {@code monthlyCredits} per 30-day window,
   * charging each request's weight (its credit cost: 1 per request, or 1 per 100 records on the
   * endpoints billed by records, such as latest prices). Pass your plan's monthly credits ({@link
   * #INSIGHTEASE_BASIC_MONTHLY_CREDITS} for Basic). Insightease refreshes credits on the billing
   * date, which this epoch-aligned 30-day window cannot know: it keeps one process from spending more
   * than a month's credits in one window, it does not mirror the vendor's ledger. Insightease
   * publishes no per-second limit.
   *
   * <p>Source: <a href="https://insightease.com/docs/forex-api">Insight Ease Forex API
   * Documentation</a>, "API Request Credit Usage".
   *
   * @throws IllegalArgumentException when {@code monthlyCredits} is not positive
   */
  public static LimitPreset insighteaseCredits(long monthlyCredits) {
    if (monthlyCredits <= 0) {
      throw new IllegalArgumentException("monthlyCredits must be positive: " + monthlyCredits);
    }
    return new LimitPreset(
        "insightease-" + monthlyCredits + "-credits",
        List.of(RateLimit.fixedWindow("CREDITS", monthlyCredits, Duration.ofDays(30))),
        List.of(),
        "https://insightease.com/docs/forex-api");
  }

  /** Saxo's service group of trading and prices ({@code /trade/...}). */
  public static final String SAXO_TRADE = "SAXO_TRADE";
  /** Saxo's service group of chart data ({@code /chart/...}). */
  public static final String SAXO_CHART = "SAXO_CHART";
  /** Saxo's service group of reference data ({@code /ref/...}). */
  public static final String SAXO_REF = "SAXO_REF";
  /** Saxo's streaming service ({@code /streaming/ws/authorize}). */
  public static final String SAXO_STREAMING = "SAXO_STREAMING";
  /** Saxo's application-wide daily budget, shared by every session of the app. */
  public static final String SAXO_APP_DAY = "SAXO_APP_DAY";

  /**
   * Saxo OpenAPI: 120 requests per minute per session per service group ({@link #SAXO_TRADE},
   * {@link #SAXO_CHART}, {@link #SAXO_REF}, {@link #SAXO_STREAMING}) and 10,000,000 requests per
   * day per application ({@link #SAXO_APP_DAY}, every request). {@code
   * X-RateLimit-Session-Remaining/-Reset} correct the window of the service group that answered,
   * {@code X-RateLimit-AppDay-Remaining/-Reset} the daily one; a reset is in seconds from now.
   * Orders (1 per second per session, {@code X-RateLimit-SessionOrders-*}) are not market data and
   * are not modelled.
   *
   * <p>Source: <a href="https://www.developer.saxo/openapi/learn/rate-limiting">Saxo OpenAPI, Rate
   * Limiting</a>.
   */
  public static LimitPreset saxoOpenApi() {
    return new LimitPreset(
        "saxo-openapi",
        List.of(
            RateLimit.fixedWindow(SAXO_TRADE, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(SAXO_CHART, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(SAXO_REF, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(SAXO_STREAMING, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(SAXO_APP_DAY, 10_000_000, Duration.ofDays(1)).countingRequests().forEveryRequest()),
        List.of(
            UsageHeader.remainingPerGroup("X-RateLimit-Session-Remaining", "X-RateLimit-Session-Reset", "/1m"),
            UsageHeader.remaining("X-RateLimit-AppDay-Remaining", "X-RateLimit-AppDay-Reset", SAXO_APP_DAY + "/1d")),
        "https://www.developer.saxo/openapi/learn/rate-limiting");
  }
}
