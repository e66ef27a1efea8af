package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.RateLimitedException.WaitBound;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A caller waits for permits until the shorter of the throttle's {@code maxWait} and the time left
 * before its call's deadline, in burst and in paced mode; a refusal names the bound that ended it
 * and takes nothing. Virtual time: a refusal is decided before any parking.
 */
class WaitBoundTest {
  static final Endpoint POLL = Endpoint.builder("poll", HttpMethod.GET, "/api/v3/ticker/price")
      .limits("REQUEST_WEIGHT").weight(r -> 2).build();
  /** 120 weight a minute: 60 polls at weight 2; paced, one every second. */
  static final LimitPreset PER_MINUTE = new LimitPreset("per-minute",
      List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", 120, Duration.ofMinutes(1))), List.of(), "test");

  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");
  final ApiRequest poll = POLL.request().build();

  private InProcessThrottle throttle(ThrottleMode mode, Duration maxWait) {
    // The sleeper never advances time: each caller reserves a slot and returns at once.
    return InProcessThrottle.builder(PER_MINUTE).mode(mode).clock(time).sleeper(d -> { })
        .maxWait(maxWait).edgeGuard(Duration.ZERO).build();
  }

  private static void refusedBy(ThrowingCall call, WaitBound bound, Duration wait, Duration boundLength) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.clientSide()).isTrue();
      assertThat(e.banned()).isFalse();
      assertThat(e.waitBound()).contains(bound);
      assertThat(e.window()).isEqualTo("REQUEST_WEIGHT/1m");
      assertThat(e.retryAfter()).contains(wait);
      assertThat(e.getMessage())
          .contains(bound == WaitBound.CALL_DEADLINE ? "call's deadline" : "maxWait")
          .contains(boundLength.toMillis() + " ms")
          .contains("nothing was sent");
    });
  }

  interface ThrowingCall {
    void run();
  }

  @Test
  void burstCallerWhoseDeadlineEndsBeforeTheNextWindowIsRefusedNamingTheDeadlineAndTakesNothing() {
    InProcessThrottle burst = throttle(ThrottleMode.BURST, Duration.ofMinutes(2));
    for (int i = 0; i < 60; i++) {
      burst.acquire(poll);
    }
    time.advance(Duration.ofSeconds(30)); // the next window is 30 s away
    refusedBy(() -> burst.acquire(poll, Duration.ofSeconds(10)), WaitBound.CALL_DEADLINE,
        Duration.ofSeconds(30), Duration.ofSeconds(10));
    // Nothing was taken: a caller with time enough gets the next window's first slot, and the
    // window still holds 60 polls.
    Permit next = burst.reserve(poll, Duration.ofSeconds(40));
    assertThat(next.grantedAt()).contains(time.instant().plusSeconds(30));
    for (int i = 1; i < 60; i++) {
      burst.reserve(poll, Duration.ofSeconds(40));
    }
    refusedBy(() -> burst.acquire(poll, Duration.ofSeconds(40)), WaitBound.CALL_DEADLINE,
        Duration.ofSeconds(90), Duration.ofSeconds(40));
  }

  @Test
  void burstCallerWithALongDeadlineIsRefusedByMaxWait() {
    InProcessThrottle burst = throttle(ThrottleMode.BURST, Duration.ofSeconds(2));
    for (int i = 0; i < 60; i++) {
      burst.acquire(poll);
    }
    refusedBy(() -> burst.acquire(poll, Duration.ofSeconds(30)), WaitBound.MAX_WAIT,
        Duration.ofMinutes(1), Duration.ofSeconds(2));
    refusedBy(() -> burst.acquire(poll), WaitBound.MAX_WAIT, Duration.ofMinutes(1), Duration.ofSeconds(2));
  }

  @Test
  void pacedCallerWaitsItsTurnWithinTheDeadlineAndIsRefusedWhenItsTurnComesAfterIt() {
    InProcessThrottle paced = throttle(ThrottleMode.PACED, Duration.ofSeconds(10));
    assertThat(paced.reserve(poll, Duration.ofMillis(1_500)).grantedAt()).contains(time.instant());
    // The next turn is 1 s away, within the 1.5 s left: granted there.
    assertThat(paced.reserve(poll, Duration.ofMillis(1_500)).grantedAt()).contains(time.instant().plusSeconds(1));
    // The turn after it is 2 s away: beyond the deadline, although maxWait (10 s) would allow it.
    refusedBy(() -> paced.acquire(poll, Duration.ofMillis(1_500)), WaitBound.CALL_DEADLINE,
        Duration.ofSeconds(2), Duration.ofMillis(1_500));
    // The refused caller took no turn: the next one gets the 2 s slot.
    assertThat(paced.reserve(poll, Duration.ofSeconds(5)).grantedAt()).contains(time.instant().plusSeconds(2));
  }

  @Test
  void pacedCallerWithALongDeadlineIsRefusedByMaxWait() {
    InProcessThrottle paced = throttle(ThrottleMode.PACED, Duration.ofMillis(2_500));
    paced.acquire(poll);
    paced.acquire(poll);
    paced.acquire(poll); // the next turn is at +3 s
    refusedBy(() -> paced.acquire(poll, Duration.ofSeconds(30)), WaitBound.MAX_WAIT,
        Duration.ofSeconds(3), Duration.ofMillis(2_500));
  }

  @Test
  void aPermitSentLateIsChargedAgainToTheWindowItWillCountIn() {
    InProcessThrottle burst = InProcessThrottle.builder(PER_MINUTE).mode(ThrottleMode.BURST).clock(time)
        .sleeper(time).maxWait(Duration.ofMinutes(2)).edgeGuard(Duration.ofMillis(100)).build();
    time.advance(Duration.ofSeconds(59)); // 1 s before the window's end, outside the edge guard
    Permit permit = burst.reserve(poll, Duration.ofSeconds(30));
    assertThat(permit.sendBy()).contains(time.instant().plusMillis(900));
    assertThat(burst.beforeSend(poll, permit, Duration.ofSeconds(30))).isSameAs(permit); // still in time
    time.advance(Duration.ofMillis(950)); // 50 ms into the edge: the server may count it next window
    Permit again = burst.beforeSend(poll, permit, Duration.ofSeconds(30));
    assertThat(again).isNotSameAs(permit);
    assertThat(again.grantedAt()).contains(time.instant());
    // Charged to both windows (it was granted in the edge): the next window has 59 polls left.
    time.advance(Duration.ofMillis(50));
    for (int i = 0; i < 59; i++) {
      assertThat(burst.reserve(poll, Duration.ofSeconds(30)).waited()).isZero();
    }
    refusedBy(() -> burst.acquire(poll, Duration.ofSeconds(30)), WaitBound.CALL_DEADLINE,
        Duration.ofMinutes(1), Duration.ofSeconds(30));
  }
}
