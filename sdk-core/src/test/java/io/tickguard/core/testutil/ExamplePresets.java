package io.tickguard.core.testutil;

import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.UsageHeader;
import java.time.Duration;
import java.util.List;

/**
 * Presets shaped like real providers' limits, for tests of the throttle mechanism. The providers'
 * own presets live in their provider packages (sdk-crypto, sdk-market) and are tested there; core
 * cannot see them.
 */
public final class ExamplePresets {
  private ExamplePresets() {}

  /** A weight window with a used-weight header, a request window for every call, and order windows. */
  public static LimitPreset weightedSpot() {
    return new LimitPreset(
        "binance-spot",
        List.of(
            RateLimit.fixedWindow("REQUEST_WEIGHT", 6000, Duration.ofMinutes(1)),
            RateLimit.fixedWindow("RAW_REQUESTS", 61_000, Duration.ofMinutes(5)).countingRequests().forEveryRequest(),
            RateLimit.fixedWindow("ORDERS", 100, Duration.ofSeconds(10)).countingRequests(),
            RateLimit.fixedWindow("ORDERS", 200_000, Duration.ofDays(1)).countingRequests()),
        List.of(
            UsageHeader.used("X-MBX-USED-WEIGHT-1M", "REQUEST_WEIGHT/1m"),
            UsageHeader.used("X-MBX-ORDER-COUNT-10S", "ORDERS/10s"),
            UsageHeader.used("X-MBX-ORDER-COUNT-1D", "ORDERS/1d")),
        "test");
  }

  /** A decaying call counter of maximum 15 dropping 0.33 per second. */
  public static LimitPreset decayingCounter() {
    return new LimitPreset(
        "kraken-spot-starter", List.of(RateLimit.decayingCounter("API_COUNTER", 15, 0.33)), List.of(), "test");
  }
}
