package io.tickguard.market.insightease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.testkit.MutableClock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InsighteaseCreditsPresetTest {
  static final Endpoint LATEST = Endpoint.builder("latest", HttpMethod.GET, "/forex/latest")
      .query(ParamSpec.required("n", ParamSpec.INTEGER, 4))
      .weight(r -> Integer.parseInt(r.queryValue("n").orElseThrow()))
      .limits("CREDITS").build();

  final MutableClock time = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  static ApiRequest costing(int credits) {
    return LATEST.request().query("n", Integer.toString(credits)).build();
  }

  Throttle throttle(long monthlyCredits) {
    return InProcessThrottle.builder(InsighteaseLimits.credits(monthlyCredits))
        .clock(time).sleeper(d -> {
          sleeps.add(d);
          time.advance(d);
        }).maxWait(Duration.ofSeconds(5)).build();
  }

  @Test
  void presetIsOneThirtyDayCreditsWindowChargingTheWeightWithItsSource() {
    LimitPreset preset = InsighteaseLimits.credits(InsighteaseLimits.BASIC_MONTHLY_CREDITS);
    assertThat(preset.limits()).singleElement().satisfies(l -> {
      assertThat(l.group()).isEqualTo("CREDITS");
      assertThat(l.limit()).isEqualTo(10_000);
      assertThat(l.interval()).isEqualTo(Duration.ofDays(30));
      assertThat(l.chargesWeight()).isTrue();
      assertThat(l.appliesToEveryRequest()).isFalse();
    });
    assertThat(preset.source()).isEqualTo("https://insightease.com/docs/forex-api");
  }

  @Test
  void creditsAreChargedByWeightAndTheCallPastThePlanIsRefusedAtOnce() {
    Throttle throttle = throttle(5);
    assertThat(throttle.acquire(costing(3))).isZero();
    assertThat(throttle.acquire(costing(2))).isZero();
    assertThatThrownBy(() -> throttle.acquire(costing(1)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isTrue();
          assertThat(e.window()).startsWith("CREDITS/");
          assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThan(Duration.ofDays(1)));
        });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void aSingleCallCostingMoreThanTheRemainderIsRefusedAndTakesNothing() {
    Throttle throttle = throttle(5);
    throttle.acquire(costing(4));
    assertThatThrownBy(() -> throttle.acquire(costing(2))).isInstanceOf(RateLimitedException.class);
    assertThat(throttle.acquire(costing(1))).isZero();
  }

  @Test
  void nonPositivePlansAreRefused() {
    assertThatThrownBy(() -> InsighteaseLimits.credits(0)).isInstanceOf(io.tickguard.core.InvalidRequestException.class);
    assertThatThrownBy(() -> InsighteaseLimits.credits(-10)).isInstanceOf(io.tickguard.core.InvalidRequestException.class);
  }
}
