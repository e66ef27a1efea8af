package io.tickguard.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * A weight-based limit as providers publish them (Binance: 6000 weight per minute per IP).
 *
 * @param name the limit's name, for error messages ({@code REQUEST_WEIGHT})
 * @param maxWeight weight allowed per window
 * @param window the window length; windows are aligned to the epoch, as Binance's are
 * @param usageHeader the header reporting weight used in the current window
 *     ({@code X-MBX-USED-WEIGHT-1M})
 * @param abuseThreshold how many calls refused with 429 in a row earn a ban
 * @param banDuration how long a ban (HTTP 418) lasts
 */
public record RateLimitPolicy(
    String name, int maxWeight, Duration window, String usageHeader, int abuseThreshold, Duration banDuration) {

  /** Validates the policy. */
  public RateLimitPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(usageHeader, "usageHeader");
    if (maxWeight < 1) {
      throw new IllegalArgumentException("maxWeight must be >= 1");
    }
    if (window.isNegative() || window.isZero() || window.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("window must be a positive whole number of seconds");
    }
    if (abuseThreshold < 1) {
      throw new IllegalArgumentException("abuseThreshold must be >= 1");
    }
    if (banDuration.isNegative() || banDuration.isZero()) {
      throw new IllegalArgumentException("banDuration must be positive");
    }
  }

  /** 1200 weight per minute, {@code X-TG-USED-WEIGHT-1M}, ban for 2 minutes after 3 refused calls. */
  public static RateLimitPolicy defaults() {
    return new RateLimitPolicy("REQUEST_WEIGHT", 1200, Duration.ofMinutes(1), "X-TG-USED-WEIGHT-1M", 3, Duration.ofMinutes(2));
  }

  /** A copy with another weight budget. */
  public RateLimitPolicy withMaxWeight(int weight) {
    return new RateLimitPolicy(name, weight, window, usageHeader, abuseThreshold, banDuration);
  }

  /** A copy with another usage header name. */
  public RateLimitPolicy withUsageHeader(String header) {
    return new RateLimitPolicy(name, maxWeight, window, header, abuseThreshold, banDuration);
  }

  /** A copy with another abuse threshold and ban length. */
  public RateLimitPolicy withBan(int threshold, Duration duration) {
    return new RateLimitPolicy(name, maxWeight, window, usageHeader, threshold, duration);
  }
}
