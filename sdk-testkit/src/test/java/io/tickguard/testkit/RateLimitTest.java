package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.DEPTH;
import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static io.tickguard.testkit.testing.DemoEndpoints.TICKER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.RateLimitedException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Weight-based limits: usage header, 429 with Retry-After, 418 ban on abuse, recovery on the clock. */
class RateLimitTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private SandboxServer sandbox;
  private ApiClient api;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock)
        .rateLimit(RateLimitPolicy.defaults().withMaxWeight(10).withUsageHeader("X-MBX-USED-WEIGHT-1M")
            .withBan(2, Duration.ofMinutes(3)))
        .start();
    api = ApiClient.builder(sandbox.clientConfig()).build();
  }

  @AfterEach
  void stop() {
    api.close();
    sandbox.close();
  }

  private String usedWeight() {
    return api.execute(TICKER.request().query("symbol", "ETH-USDT").build(),
        (ApiResponse r) -> r.header("X-MBX-USED-WEIGHT-1M").orElseThrow());
  }

  private RateLimitedException refused() {
    try {
      api.execute(TICKER.request().query("symbol", "ETH-USDT").build(), JSON);
    } catch (RateLimitedException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void usageHeaderCountsWeightIncludingWeightedDepth() {
    assertThat(usedWeight()).isEqualTo("1");
    api.execute(DEPTH.request().query("symbol", "ETH-USDT").query("limit", "500").build(), JSON);
    assertThat(usedWeight()).isEqualTo("7");
  }

  @Test
  void overBudgetIsRefusedUntilTheWindowEndsThenBannedOnAbuse() {
    for (int i = 1; i <= 10; i++) {
      assertThat(usedWeight()).isEqualTo(Integer.toString(i));
    }
    RateLimitedException first = refused();
    assertThat(first.httpStatus()).contains(429);
    assertThat(first.banned()).isFalse();
    assertThat(first.retryAfter()).contains(Duration.ofSeconds(50)); // window ends at 10:01:00
    refused();
    RateLimitedException ban = refused();
    assertThat(ban.httpStatus()).contains(418);
    assertThat(ban.banned()).isTrue();
    assertThat(ban.retryAfter()).contains(Duration.ofMinutes(3));

    clock.advance(Duration.ofMinutes(1));
    assertThatThrownBy(this::usedWeight).as("a ban outlives the window")
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.banned()).isTrue());
    clock.advance(Duration.ofMinutes(2));
    assertThat(usedWeight()).isEqualTo("1");
  }

  @Test
  void tokenEndpointAndServerTimeAreNotCharged() {
    for (int i = 0; i < 20; i++) {
      api.execute(io.tickguard.testkit.testing.DemoEndpoints.TIME.request().build(), JSON);
    }
    assertThat(usedWeight()).isEqualTo("1");
  }
}
