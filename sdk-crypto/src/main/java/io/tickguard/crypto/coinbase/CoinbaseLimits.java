package io.tickguard.crypto.coinbase;

import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import java.time.Duration;
import java.util.List;

/**
 * Coinbase's published REST limits; {@link #advanced()} is the default throttle of {@link
 * CoinbaseClient}. The Exchange preset is for callers of Coinbase Exchange routes.
 */
public final class CoinbaseLimits {
  private CoinbaseLimits() {}

  /**
   * Coinbase Advanced Trade public REST endpoints: {@code PUBLIC} 10 requests per second per IP.
   *
   * <p>Source: <a href="https://docs.cdp.coinbase.com/advanced-trade/docs/rest-api-rate-limits">
   * Advanced Trade REST API rate limits</a>.
   */
  public static LimitPreset advancedPublic() {
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
  public static LimitPreset advancedPrivate() {
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
  public static LimitPreset advanced() {
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
  public static LimitPreset exchangePublic() {
    return new LimitPreset(
        "coinbase-exchange-public",
        List.of(RateLimit.decayingCounter("PUBLIC", 15, 10).countingRequests()),
        List.of(),
        "https://docs.cdp.coinbase.com/exchange/rest-api/rate-limits");
  }}
