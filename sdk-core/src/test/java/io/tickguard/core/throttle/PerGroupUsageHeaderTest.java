package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.testutil.Responses;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A budget per endpoint group reported under one header name (as Saxo's session limit is). */
class PerGroupUsageHeaderTest {
  static final String TRADE = "TRADE";
  static final String CHART = "CHART";
  static final String APP_DAY = "APP_DAY";

  /** Shaped like Saxo's limits: 120/min per group, a daily budget for every request. */
  static LimitPreset perGroup() {
    return new LimitPreset("per-group",
        java.util.List.of(
            RateLimit.fixedWindow(TRADE, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(CHART, 120, Duration.ofMinutes(1)).countingRequests(),
            RateLimit.fixedWindow(APP_DAY, 10_000_000, Duration.ofDays(1)).countingRequests().forEveryRequest()),
        java.util.List.of(
            UsageHeader.remainingPerGroup("X-RateLimit-Session-Remaining", "X-RateLimit-Session-Reset", "/1m"),
            UsageHeader.remaining("X-RateLimit-AppDay-Remaining", "X-RateLimit-AppDay-Reset", APP_DAY + "/1d")),
        "test");
  }

  static final Endpoint PRICES = Endpoint.builder("prices", HttpMethod.GET, "/trade/v1/infoprices/list")
      .limits(TRADE).build();
  static final Endpoint CHARTS = Endpoint.builder("charts", HttpMethod.GET, "/chart/v3/charts")
      .limits(CHART).build();
  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");
  final ApiRequest prices = PRICES.request().build();
  final ApiRequest charts = CHARTS.request().build();

  InProcessThrottle saxo() {
    return InProcessThrottle.builder(perGroup()).clock(time).sleeper(time)
        .maxWait(Duration.ofSeconds(90)).build();
  }

  @Test
  void sessionRemainingZeroBlocksOnlyTheServiceGroupThatAnswered() {
    InProcessThrottle throttle = saxo();
    throttle.acquire(prices);
    throttle.onResponse(prices, Responses.of(200,
        "X-RateLimit-Session-Limit", "120", "X-RateLimit-Session-Remaining", "0", "X-RateLimit-Session-Reset", "7"));

    assertThat(throttle.acquire(charts)).as("the chart group has its own 120 per minute").isZero();
    assertThat(throttle.acquire(prices)).as("the trade group waits for Saxo's reset").isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void sessionRemainingRaisesTheLocalCountOfThatGroup() {
    InProcessThrottle throttle = saxo();
    throttle.acquire(charts);
    throttle.onResponse(charts, Responses.of(200, "X-RateLimit-Session-Remaining", "1", "X-RateLimit-Session-Reset", "60"));
    assertThat(throttle.acquire(charts)).isZero();
    assertThat(throttle.acquire(charts)).as("Saxo counted 119 in this minute").isPositive();
    assertThat(throttle.acquire(prices)).isZero();
  }

  @Test
  void appDayRemainingZeroBlocksEveryGroupUntilTheDailyReset() {
    InProcessThrottle throttle = InProcessThrottle.builder(perGroup()).clock(time).sleeper(time)
        .maxWait(Duration.ofHours(2)).build();
    throttle.onResponse(prices, Responses.of(200, "X-RateLimit-AppDay-Remaining", "0", "X-RateLimit-AppDay-Reset", "3600"));
    assertThat(throttle.acquire(charts)).isEqualTo(Duration.ofHours(1));
  }
}
