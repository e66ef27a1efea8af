package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Saxo's preset: 120 per minute per service group, corrected by Saxo's headers for the group that answered. */
class SaxoLimitsTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T12:00:00Z"));
  private final InProcessThrottle throttle = InProcessThrottle.builder(SaxoLimits.openApi()).clock(clock)
      .sleeper(clock::advance).maxWait(Duration.ofSeconds(90)).build();
  private final ApiRequest prices = SaxoEndpoints.INFO_PRICES.request().query("AssetType", "FxSpot").query("Uics", "21").build();
  private final ApiRequest details = SaxoEndpoints.INSTRUMENT_DETAILS.request().query("AssetTypes", "FxSpot").build();

  private static Response answer(String... headers) {
    Response.Builder b = new Response.Builder().request(new Request.Builder().url("https://gateway.saxobank.com/sim/openapi/").build())
        .protocol(Protocol.HTTP_1_1).code(200).message("OK");
    for (int i = 0; i < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  @Test
  void sessionRemainingZeroPausesOnlyTheServiceGroupThatAnswered() {
    throttle.acquire(prices);
    throttle.onResponse(prices, answer("X-RateLimit-Session-Remaining", "0", "X-RateLimit-Session-Reset", "7"));

    assertThat(throttle.acquire(details)).as("reference data has its own 120 per minute").isZero();
    assertThat(throttle.acquire(prices)).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void every120thCallOfAGroupWaitsForTheNextMinute() {
    for (int i = 0; i < 120; i++) {
      assertThat(throttle.acquire(prices)).isZero();
    }
    assertThat(throttle.acquire(prices)).isPositive();
    assertThat(throttle.acquire(details)).isZero();
  }

  @Test
  void appDayRemainingZeroPausesEveryServiceGroupUntilTheDailyReset() {
    ApiRequest chart = SaxoEndpoints.CHARTS.request().query("AssetType", "FxSpot").query("Uic", "21").query("Horizon", "1").build();
    throttle.acquire(prices);
    throttle.onResponse(prices, answer("X-RateLimit-AppDay-Remaining", "0", "X-RateLimit-AppDay-Reset", "30",
        "X-RateLimit-Session-Remaining", "119", "X-RateLimit-Session-Reset", "60"));

    assertThat(throttle.acquire(details)).as("the app's daily budget is shared by every group").isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.acquire(chart)).as("the reset has passed: the day's budget is back").isZero();
    assertThat(throttle.acquire(prices)).isZero();
  }

  @Test
  void appDayRemainingZeroBeyondTheWaitBoundIsRefusedTypedNamingTheDailyWindow() {
    throttle.acquire(prices);
    throttle.onResponse(prices, answer("X-RateLimit-AppDay-Remaining", "0", "X-RateLimit-AppDay-Reset", "3600"));

    assertThatThrownBy(() -> throttle.acquire(details)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.clientSide()).isTrue();
      assertThat(e.window()).isEqualTo(SaxoLimits.APP_DAY + "/1d");
    });
  }
}
