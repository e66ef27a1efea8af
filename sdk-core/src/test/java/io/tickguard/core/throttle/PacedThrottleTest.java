package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ThrottleMode#PACED} spreads a window's budget evenly; {@link ThrottleMode#BURST} does not. */
class PacedThrottleTest {
  static final Endpoint POLL = Endpoint.builder("poll", HttpMethod.GET, "/api/v3/ticker/price")
      .limits("REQUEST_WEIGHT").weight(r -> 2).build();
  static final LimitPreset PER_MINUTE = new LimitPreset("per-minute",
      List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", 120, Duration.ofMinutes(1))), List.of(), "test");

  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");

  private InProcessThrottle throttle(ThrottleMode mode) {
    return InProcessThrottle.builder(PER_MINUTE).mode(mode).clock(time).sleeper(time).edgeGuard(Duration.ZERO).build();
  }

  @Test
  void aPacedPollerAtFullSpeedIsSpacedEvenlyAndNeverRefused() {
    InProcessThrottle paced = throttle(ThrottleMode.PACED);
    long start = time.millis();
    int granted = 0;
    while (time.millis() - start < Duration.ofMinutes(3).toMillis()) {
      paced.acquire(POLL.request().build()); // would throw RateLimitedException if refused
      granted++;
    }
    // 120 weight per minute at weight 2 = one call per second: 180 calls in 3 minutes, evenly spaced.
    assertThat(granted).isEqualTo(181); // the call at 0 s and one at every second up to 180 s
    assertThat(time.sleeps()).hasSize(180).allMatch(d -> d.equals(Duration.ofSeconds(1)));
  }

  @Test
  void aBurstPollerSpendsTheMinuteAtOnceThenIsRefused() {
    InProcessThrottle burst = throttle(ThrottleMode.BURST);
    for (int i = 0; i < 60; i++) {
      assertThat(burst.acquire(POLL.request().build())).isZero();
    }
    assertThatThrownBy(() -> burst.acquire(POLL.request().build())).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void pacedCallersQueueInTurnAndOneWhoseTurnIsBeyondMaxWaitFailsAtOnce() {
    InProcessThrottle paced = InProcessThrottle.builder(PER_MINUTE).mode(ThrottleMode.PACED).clock(time)
        .sleeper(d -> { }).maxWait(Duration.ofMillis(2_500)).edgeGuard(Duration.ZERO).build();
    ApiRequest poll = POLL.request().build();
    // The sleeper never advances time: each caller reserves the next free slot, 1 s apart.
    assertThat(paced.acquire(poll)).isZero();
    paced.acquire(poll); // slot at +1 s
    paced.acquire(poll); // slot at +2 s
    assertThatThrownBy(() -> paced.acquire(poll)) // slot at +3 s > maxWait 2.5 s
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isTrue();
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
        });
  }

  @Test
  void aSmallPerMinuteBudgetStaysInBurstModeByDefault() {
    // Saxo's shape: 120 a minute is one permit per 500 ms; queued callers would pass maxWait.
    assertThat(ThrottleMode.defaultFor(new LimitPreset("small",
        List.of(RateLimit.fixedWindow("REF", 120, Duration.ofMinutes(1))), List.of(), "test")))
        .isEqualTo(ThrottleMode.BURST);
    assertThat(ThrottleMode.defaultFor(new LimitPreset("large",
        List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", 6000, Duration.ofMinutes(1))), List.of(), "test")))
        .isEqualTo(ThrottleMode.PACED);
  }

  @Test
  void presetsWithAPerMinuteBudgetArePacedByDefaultShortAndLongWindowsAreNot() {
    assertThat(ThrottleMode.paces(PER_MINUTE.limits().get(0))).isTrue();
    assertThat(ThrottleMode.defaultFor(new LimitPreset("per-second",
        List.of(RateLimit.fixedWindow("PUBLIC", 10, Duration.ofSeconds(1))), List.of(), "test")))
        .isEqualTo(ThrottleMode.BURST);
    assertThat(ThrottleMode.defaultFor(new LimitPreset("monthly",
        List.of(RateLimit.fixedWindow("CREDITS", 10_000, Duration.ofDays(30))), List.of(), "test")))
        .isEqualTo(ThrottleMode.BURST);
    assertThat(ThrottleMode.defaultFor(new LimitPreset("decaying",
        List.of(RateLimit.decayingCounter("API_COUNTER", 15, 0.33)), List.of(), "test")))
        .isEqualTo(ThrottleMode.BURST);
  }
}
