package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.testutil.ExamplePresets;
import io.tickguard.core.testutil.Responses;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InProcessThrottleTest {
  static final Endpoint PING = Endpoint.builder("ping", HttpMethod.GET, "/api/v3/ping").limits("REQUEST_WEIGHT").build();
  static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/api/v3/order")
      .limits("REQUEST_WEIGHT", "ORDERS").build();

  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:50Z");

  InProcessThrottle.Builder builder(RateLimit... limits) {
    InProcessThrottle.Builder b = InProcessThrottle.builder("test").clock(time).sleeper(time).edgeGuard(Duration.ZERO);
    for (RateLimit l : limits) {
      b.limit(l);
    }
    return b;
  }

  static ApiRequest ping() {
    return PING.request().build();
  }

  @Test
  void fixedWindowsAlignToTheEpochMinuteNotToTheFirstCall() {
    Throttle throttle = builder(RateLimit.fixedWindow("REQUEST_WEIGHT", 10, Duration.ofMinutes(1)))
        .maxWait(Duration.ofSeconds(30)).build();
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.acquire(ping())).isZero();
    }
    // 12:00:50 -> the next minute starts at 12:01:00, 10 s away (not 60 s from the first call).
    assertThat(throttle.acquire(ping())).isEqualTo(Duration.ofSeconds(10));
    assertThat(time.instant()).hasToString("2024-05-01T12:01:00Z");
  }

  @Test
  void callerWhoseWaitExceedsTheBoundFailsAtOnceNamingWindowAndWait() {
    Throttle throttle = builder(RateLimit.fixedWindow("REQUEST_WEIGHT", 1, Duration.ofMinutes(1)))
        .maxWait(Duration.ofSeconds(5)).build();
    throttle.acquire(ping());
    assertThatThrownBy(() -> throttle.acquire(ping()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isTrue();
          assertThat(e.banned()).isFalse();
          assertThat(e.window()).isEqualTo("REQUEST_WEIGHT/1m");
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
        });
    assertThat(time.sleeps()).as("failed at once, never parked").isEmpty();
  }

  @Test
  void permitsAreAllOrNothingAcrossWindows() {
    Throttle throttle = builder(
        RateLimit.fixedWindow("REQUEST_WEIGHT", 100, Duration.ofMinutes(1)),
        RateLimit.fixedWindow("ORDERS", 1, Duration.ofSeconds(10)).countingRequests())
        .maxWait(Duration.ZERO).build();
    ApiRequest order = ORDER.request().build();
    throttle.acquire(order);
    assertThatThrownBy(() -> throttle.acquire(order))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.window()).isEqualTo("ORDERS/10s"));
    // The refused order took no REQUEST_WEIGHT: 99 pings still fit.
    for (int i = 0; i < 99; i++) {
      throttle.acquire(ping());
    }
    assertThatThrownBy(() -> throttle.acquire(ping())).isInstanceOf(RateLimitedException.class);
  }

  @Test
  void severalWindowsOfOneGroupAreAllEnforced() {
    Throttle throttle = builder(
        RateLimit.fixedWindow("ORDERS", 3, Duration.ofSeconds(10)).countingRequests(),
        RateLimit.fixedWindow("ORDERS", 4, Duration.ofDays(1)).countingRequests(),
        RateLimit.fixedWindow("REQUEST_WEIGHT", 100, Duration.ofMinutes(1)))
        .maxWait(Duration.ofSeconds(20)).build();
    ApiRequest order = ORDER.request().build();
    for (int i = 0; i < 3; i++) {
      throttle.acquire(order);
    }
    assertThat(throttle.acquire(order)).isEqualTo(Duration.ofSeconds(10));
    assertThatThrownBy(() -> throttle.acquire(order))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.window()).isEqualTo("ORDERS/1d"));
  }

  @Test
  void weightComputedFromParametersIsCharged() {
    // Binance GET /api/v3/depth: limit 1-100 -> 5, 101-500 -> 25, 501-1000 -> 50, 1001-5000 -> 250.
    Endpoint depth = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth")
        .weight(r -> {
          int limit = Integer.parseInt(r.queryValue("limit").orElse("100"));
          return limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
        })
        .limits("REQUEST_WEIGHT").build();
    ApiRequest small = depth.request().query("symbol", "BTCUSDT").build();
    ApiRequest huge = depth.request().query("symbol", "BTCUSDT").query("limit", "5000").build();
    assertThat(small.weight()).isEqualTo(5);
    assertThat(huge.weight()).isEqualTo(250);

    Throttle throttle = builder(RateLimit.fixedWindow("REQUEST_WEIGHT", 300, Duration.ofMinutes(1)))
        .maxWait(Duration.ofSeconds(30)).build();
    throttle.acquire(huge);
    for (int i = 0; i < 10; i++) {
      assertThat(throttle.acquire(small)).isZero();
    }
    assertThat(throttle.acquire(small)).as("250 + 50 used, 5 more does not fit").isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aHeavierCallOfAGroupSetAlreadySeenIsStillRefusedAtTheExactBound() {
    Throttle throttle = builder(
        RateLimit.fixedWindow("REQUEST_WEIGHT", 10, Duration.ofMinutes(1)),
        RateLimit.fixedWindow("REQUEST_WEIGHT", 8, Duration.ofSeconds(1)))
        .maxWait(Duration.ZERO).build();
    Endpoint eight = Endpoint.builder("eight", HttpMethod.GET, "/eight").weight(8).limits("REQUEST_WEIGHT").build();
    Endpoint nine = Endpoint.builder("nine", HttpMethod.GET, "/nine").weight(9).limits("REQUEST_WEIGHT").build();
    throttle.acquire(eight.request().build()); // fits the smaller window exactly; the group set's windows are now kept
    // A hang bound, not a timing assertion: a call the check let through would never find room.
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        assertThatThrownBy(() -> throttle.acquire(nine.request().build()))
            .isInstanceOf(RateLimitedException.class).hasMessageContaining("can never be sent")
            .hasMessageContaining("allows only 8"));
  }

  @Test
  void requestHeavierThanItsWindowFailsWithoutWaiting() {
    Endpoint heavy = Endpoint.builder("heavy", HttpMethod.GET, "/heavy").weight(11).limits("REQUEST_WEIGHT").build();
    Throttle throttle = builder(RateLimit.fixedWindow("REQUEST_WEIGHT", 10, Duration.ofMinutes(1)))
        .maxWait(Duration.ofMinutes(5)).build();
    assertThatThrownBy(() -> throttle.acquire(heavy.request().build()))
        .isInstanceOf(RateLimitedException.class).hasMessageContaining("can never be sent");
  }

  @Test
  void krakenCallCounterDecaysAtTheTierRate() {
    Endpoint balance = Endpoint.builder("balance", HttpMethod.POST, "/0/private/Balance").limits("API_COUNTER").build();
    Endpoint ledgers = Endpoint.builder("ledgers", HttpMethod.POST, "/0/private/Ledgers").weight(2)
        .limits("API_COUNTER").build();
    Throttle throttle = InProcessThrottle.builder(ExamplePresets.decayingCounter())
        .clock(time).sleeper(time).maxWait(Duration.ofSeconds(10)).build();
    for (int i = 0; i < 15; i++) {
      assertThat(throttle.acquire(balance.request().build())).isZero();
    }
    // Counter at 15 (max); 1 more needs the counter to drop by 1 at 0.33/s: ceil(3030.3 ms).
    assertThat(throttle.acquire(balance.request().build())).isEqualTo(Duration.ofMillis(3031));
    // A ledger call costs 2: the counter is at 14.9998 (it decayed by 1.0002), so it needs 1.9998 / 0.33 s.
    assertThat(throttle.acquire(ledgers.request().build())).isEqualTo(Duration.ofMillis(6060));
  }

  @Test
  void limitsForEveryRequestApplyWhateverTheEndpointLists() {
    Endpoint free = Endpoint.builder("free", HttpMethod.GET, "/free").build();
    Throttle throttle = builder(RateLimit.fixedWindow("RAW_REQUESTS", 2, Duration.ofMinutes(5)).countingRequests()
        .forEveryRequest()).maxWait(Duration.ZERO).build();
    throttle.acquire(free.request().build());
    throttle.acquire(free.request().build());
    assertThatThrownBy(() -> throttle.acquire(free.request().build()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.window()).isEqualTo("RAW_REQUESTS/5m"));
  }

  @Test
  void endpointCountingAgainstAnUnconfiguredGroupIsRefusedLoudly() {
    Throttle throttle = builder(RateLimit.fixedWindow("ORDERS", 2, Duration.ofMinutes(5))).build();
    assertThatThrownBy(() -> throttle.acquire(ping()))
        .isInstanceOf(TickGuardException.class).hasMessageContaining("'REQUEST_WEIGHT'");
  }

  @Test
  void waitersBeyondMaxWaitersFailFast() {
    VirtualTime frozen = VirtualTime.at("2024-05-01T12:00:50Z");
    Throttle throttle = InProcessThrottle.builder("t").clock(frozen).sleeper(d -> { }).edgeGuard(Duration.ZERO)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 1, Duration.ofSeconds(1)))
        .maxWait(Duration.ofSeconds(10)).maxWaiters(0).build();
    throttle.acquire(ping());
    assertThatThrownBy(() -> throttle.acquire(ping()))
        .isInstanceOf(RateLimitedException.class).hasMessageContaining("maxWaiters");
  }

  @Test
  void requestNearTheEndOfAWindowIsChargedToTheNextOneToo() {
    VirtualTime nearEdge = VirtualTime.at("2024-05-01T12:00:59.950Z");
    Throttle throttle = InProcessThrottle.builder("t").clock(nearEdge).sleeper(nearEdge)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 1, Duration.ofMinutes(1)))
        .edgeGuard(Duration.ofMillis(100)).maxWait(Duration.ofMinutes(2)).build();
    throttle.acquire(ping());
    // It may count at the server in the 12:01 minute, so the next grant is 12:02, not 12:01.
    assertThat(throttle.acquire(ping())).isEqualTo(Duration.ofMillis(60_050));
  }

  @Test
  void aWaitOnAClockThatNeverMovesStillEndsWithinTheBoundInRealTime() {
    // A frozen clock with the real sleeper (a test clock, or a clock stepped back): the permit's time
    // never comes, so only the real-time guard ends the wait, typed, instead of parking forever.
    java.time.Clock frozen = java.time.Clock.fixed(java.time.Instant.parse("2024-05-01T12:00:00Z"), java.time.ZoneOffset.UTC);
    Throttle throttle = InProcessThrottle.builder("frozen").clock(frozen).edgeGuard(Duration.ZERO)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 100, Duration.ofMinutes(1)))
        .maxWait(Duration.ofMillis(1500)).build();
    throttle.acquire(ping());
    throttle.onResponse(ping(), Responses.of(429, "Retry-After", "1")); // a 1 s pause the frozen clock never ends
    assertThatThrownBy(() -> throttle.acquire(ping()))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.clientSide()).isTrue());
  }
}
