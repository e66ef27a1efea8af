package io.tickguard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Permit;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.UsageHeader;
import io.tickguard.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The fleet throttle's model against a real Redis, with two instances (two throttles, two
 * connections) sharing one budget, on a virtual clock. Parking is recorded, not performed, so each
 * test reads how long every caller was told to wait.
 */
class RedisThrottleTest extends SharedRedisTest {

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final List<Duration> parks = Collections.synchronizedList(new ArrayList<>());

  static final Endpoint WEIGHTED = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth").weight(4).limits("REQUEST_WEIGHT").build();
  static final Endpoint LIGHT = Endpoint.builder("price", HttpMethod.GET, "/api/v3/ticker/price").weight(1).limits("REQUEST_WEIGHT").build();
  static final Endpoint HEAVY = Endpoint.builder("all", HttpMethod.GET, "/api/v3/ticker/24hr").weight(5).limits("REQUEST_WEIGHT").build();
  static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/api/v3/order").weight(1).limits("REQUEST_WEIGHT", "ORDERS").build();
  static final Endpoint COUNTER = Endpoint.builder("balance", HttpMethod.POST, "/0/private/Balance").weight(1).limits("CALLS").build();

  /** REQUEST_WEIGHT 10 per second, ORDERS 2 per 10 s counting requests, plus a weight header. */
  LimitPreset preset() {
    return new LimitPreset(name,
        List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", 10, Duration.ofSeconds(1)),
            RateLimit.fixedWindow("ORDERS", 2, Duration.ofSeconds(10)).countingRequests()),
        List.of(UsageHeader.used("X-MBX-USED-WEIGHT-1S", "REQUEST_WEIGHT/1s")),
        "hand-built for tests");
  }

  RedisThrottle.Builder instance(LimitPreset preset) {
    RedisBackend backend = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port()).build());
    backends.add(backend);
    return RedisThrottle.builder(backend, preset).clock(clock).sleeper(this::park).edgeGuard(Duration.ZERO);
  }

  /** Records the park and moves virtual time by it, as a parked caller would see. */
  void park(Duration d) {
    parks.add(d);
    clock.advance(d);
  }

  static ApiRequest request(Endpoint e) {
    return e.request().build();
  }

  static Response response(int code, String... headers) {
    Response.Builder b = new Response.Builder().request(new Request.Builder().url("https://api.example.com/x").build())
        .protocol(Protocol.HTTP_1_1).code(code).message("s");
    for (int i = 0; i < headers.length; i += 2) {
      b.addHeader(headers[i], headers[i + 1]);
    }
    return b.build();
  }

  @Test
  void twoInstancesShareOneWeightBudget() {
    RedisThrottle a = instance(preset()).build();
    RedisThrottle b = instance(preset()).build();
    a.acquire(request(WEIGHTED));
    a.acquire(request(WEIGHTED));
    assertThat(parks).isEmpty();
    b.acquire(request(WEIGHTED)); // 12 > 10: waits for the next second
    assertThat(parks).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aRefusalBeyondMaxWaitTakesNothingFromAnyWindow() {
    RedisThrottle a = instance(preset()).maxWait(Duration.ZERO).build();
    RedisThrottle b = instance(preset()).maxWait(Duration.ZERO).build();
    a.acquire(request(ORDER));
    a.acquire(request(ORDER)); // ORDERS full for 10 s, REQUEST_WEIGHT at 2 of 10
    assertThatThrownBy(() -> b.acquire(request(ORDER)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isTrue();
          assertThat(e.window()).isEqualTo("ORDERS/10s");
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(10));
        });
    // All or nothing: the refused order took no weight, so 8 more weight still fit at once.
    b.acquire(request(WEIGHTED));
    b.acquire(request(WEIGHTED));
    assertThat(parks).isEmpty();
  }

  @Test
  void aLightRequestCannotOvertakeAHeavyOneQueuedBeforeItOnAnotherInstance() {
    RedisThrottle a = instance(preset()).build();
    RedisThrottle b = instance(preset()).sleeper(parks::add).build(); // parks without moving time
    RedisThrottle c = instance(preset()).maxWait(Duration.ZERO).build();
    a.acquire(request(WEIGHTED));
    a.acquire(request(WEIGHTED)); // 8 of 10 used
    b.acquire(request(HEAVY)); // 5 does not fit: reserved at the next second
    assertThat(parks).containsExactly(Duration.ofSeconds(1));
    // 1 more would fit in this second, but the heavy request queued first is served first.
    assertThatThrownBy(() -> c.acquire(request(LIGHT)))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(1)));
  }

  @Test
  void aDecayingCounterIsSharedAndDecaysForTheWholeFleet() {
    LimitPreset kraken = new LimitPreset(name, List.of(RateLimit.decayingCounter("CALLS", 3, 0.5)), List.of(), "hand-built");
    RedisThrottle a = instance(kraken).build();
    RedisThrottle b = instance(kraken).maxWait(Duration.ofSeconds(5)).build();
    a.acquire(request(COUNTER));
    a.acquire(request(COUNTER));
    b.acquire(request(COUNTER));
    assertThat(parks).isEmpty();
    b.acquire(request(COUNTER)); // counter at 3 of 3, decays 0.5/s: room for 1 after 2 s
    assertThat(parks).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void anEndpointWhoseGroupHasNoWindowIsRefusedBeforeRedis() {
    RedisThrottle a = instance(preset()).build();
    assertThatThrownBy(() -> a.acquire(request(COUNTER)))
        .isInstanceOf(TickGuardException.class).hasMessageContaining("'CALLS'");
  }

  @Test
  void aUsageHeaderSeenByOneInstanceCorrectsTheBudgetOfAll() {
    RedisThrottle a = instance(preset()).build();
    RedisThrottle b = instance(preset()).build();
    a.onResponse(request(LIGHT), response(200, "X-MBX-USED-WEIGHT-1S", "9")); // others spent 9 behind our back
    b.acquire(request(LIGHT));
    assertThat(parks).isEmpty();
    b.acquire(request(LIGHT));
    assertThat(parks).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void a429SeenByOneInstancePausesTheFleetForItsRetryAfter() {
    RedisThrottle a = instance(preset()).build();
    RedisThrottle b = instance(preset()).maxWait(Duration.ofSeconds(1)).build();
    RedisThrottle c = instance(preset()).maxWait(Duration.ofSeconds(5)).build();
    a.onResponse(request(LIGHT), response(429, "Retry-After", "3"));
    assertThatThrownBy(() -> b.acquire(request(LIGHT)))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.window()).isEqualTo(InProcessThrottle.SERVER_PAUSE));
    c.acquire(request(LIGHT));
    assertThat(parks).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void a429WithAnHttpDateRetryAfterIsMeasuredAgainstTheResponsesDate() {
    RedisThrottle a = instance(preset()).build();
    RedisThrottle b = instance(preset()).maxWait(Duration.ofSeconds(30)).build();
    a.onResponse(request(LIGHT), response(429,
        "Date", "Mon, 02 Mar 2026 09:00:00 GMT", "Retry-After", "Mon, 02 Mar 2026 09:00:07 GMT"));
    b.acquire(request(LIGHT));
    assertThat(parks).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void a418SeenByOneInstanceBansTheFleetUntilItEnds() {
    RedisThrottle a = instance(preset()).build();
    RedisThrottle b = instance(preset()).build();
    a.onResponse(request(LIGHT), response(418, "Retry-After", "120"));
    assertThatThrownBy(() -> b.acquire(request(LIGHT)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.banned()).isTrue();
          assertThat(e.window()).isEqualTo(InProcessThrottle.SERVER_BAN);
        });
    clock.advance(Duration.ofSeconds(121));
    b.acquire(request(LIGHT));
  }

  @Test
  void aRateLimitInABodySeenByOneInstancePausesTheFleet() {
    RedisThrottle a = instance(preset()).build();
    RedisThrottle b = instance(preset()).maxWait(Duration.ofSeconds(10)).build();
    a.onRateLimitInBody(request(LIGHT), RateLimitedException.clientSide("EAPI:Rate limit exceeded", Duration.ofSeconds(4)));
    b.acquire(request(LIGHT));
    assertThat(parks).containsExactly(Duration.ofSeconds(4));
  }

  @Test
  void aRequestCostingMoreThanAWindowAllowsIsRefusedAsNeverSendable() {
    LimitPreset tiny = new LimitPreset(name, List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", 3, Duration.ofSeconds(1))), List.of(), "t");
    RedisThrottle a = instance(tiny).build();
    assertThatThrownBy(() -> a.acquire(request(WEIGHTED))).isInstanceOf(RateLimitedException.class)
        .hasMessageContaining("can never be sent");
  }

  @Test
  void theEdgeGuardChargesALateGrantToTheNextWindowToo() {
    RedisThrottle a = instance(preset()).edgeGuard(Duration.ofMillis(100)).build();
    clock.advance(Duration.ofMillis(950)); // inside the last 100 ms of the window
    a.acquire(request(WEIGHTED));
    a.acquire(request(WEIGHTED));
    clock.advance(Duration.ofMillis(60)); // next window: the 8 late permits count here too
    a.acquire(request(LIGHT));
    a.acquire(request(LIGHT));
    assertThat(parks).isEmpty();
    a.acquire(request(LIGHT));
    assertThat(parks).hasSize(1);
  }

  @Test
  void inputsAreRefusedBeforeAnySideEffect() {
    RedisBackend backend = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port()).build());
    backends.add(backend);
    assertThatThrownBy(() -> RedisThrottle.builder(backend, "bad name{x}"))
        .isInstanceOf(io.tickguard.core.InvalidRequestException.class).hasMessageContaining("name");
    assertThatThrownBy(() -> Degradation.fallbackToInProcess(1.5))
        .isInstanceOf(io.tickguard.core.InvalidRequestException.class).hasMessageContaining("share");
    assertThatThrownBy(() -> RedisThrottle.builder(backend, "empty").build())
        .isInstanceOf(io.tickguard.core.InvalidRequestException.class).hasMessageContaining("no limits");
  }

  @Test
  void theFallbackShareKeepsFlagsAndScalesEveryLimit() {
    RateLimit raw = RateLimit.fixedWindow("RAW", 61000, Duration.ofMinutes(5)).countingRequests().forEveryRequest();
    RateLimit cut = RedisThrottle.share(raw, 0.25);
    assertThat(cut.limit()).isEqualTo(15250);
    assertThat(cut.chargesWeight()).isFalse();
    assertThat(cut.appliesToEveryRequest()).isTrue();
    RateLimit counter = RedisThrottle.share(RateLimit.decayingCounter("CALLS", 20, 1.0), 0.5);
    assertThat(counter.limit()).isEqualTo(10);
    assertThat(counter.decayPerSecond()).isEqualTo(0.5);
    assertThat(RedisThrottle.share(RateLimit.fixedWindow("X", 1, Duration.ofSeconds(1)), 0.1).limit()).isEqualTo(1);
  }

  @Test
  void theLimitOfWaitersInOneProcessIsEnforced() {
    RedisThrottle a = instance(preset()).maxWaiters(0).build();
    a.acquire(request(WEIGHTED));
    a.acquire(request(WEIGHTED));
    AtomicInteger refused = new AtomicInteger();
    try {
      a.acquire(request(WEIGHTED));
    } catch (RateLimitedException e) {
      assertThat(e.getMessage()).contains("maxWaiters");
      refused.incrementAndGet();
    }
    assertThat(refused).hasValue(1);
    assertThat(parks).isEmpty();
  }

  @Test
  void aWaitBeyondTheCallsDeadlineIsRefusedNamingTheDeadlineAndTakesNothing() {
    RedisThrottle a = instance(preset()).maxWait(Duration.ofSeconds(2)).build();
    RedisThrottle b = instance(preset()).maxWait(Duration.ofSeconds(2)).build();
    a.acquire(request(WEIGHTED));
    a.acquire(request(WEIGHTED)); // 8 of 10: a weight of 5 waits for the next second
    assertThatThrownBy(() -> b.acquire(request(HEAVY), Duration.ofMillis(500)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isTrue();
          assertThat(e.waitBound()).contains(RateLimitedException.WaitBound.CALL_DEADLINE);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
          assertThat(e.getMessage()).contains("call's deadline (500 ms left");
        });
    // Nothing taken: 2 weight still fit in this second.
    b.acquire(request(LIGHT), Duration.ofMillis(500));
    b.acquire(request(LIGHT), Duration.ofMillis(500));
    assertThat(parks).isEmpty();
  }

  @Test
  void aWaitBeyondMaxWaitWithALongerDeadlineIsRefusedNamingMaxWait() {
    RedisThrottle a = instance(preset()).maxWait(Duration.ofMillis(500)).build();
    a.acquire(request(WEIGHTED));
    a.acquire(request(WEIGHTED));
    assertThatThrownBy(() -> a.acquire(request(HEAVY), Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.waitBound()).contains(RateLimitedException.WaitBound.MAX_WAIT);
          assertThat(e.getMessage()).contains("maxWait (500 ms)");
        });
    // Within both bounds the caller waits its turn.
    RedisThrottle patient = instance(preset()).maxWait(Duration.ofSeconds(2)).build();
    patient.acquire(request(HEAVY), Duration.ofSeconds(30));
    assertThat(parks).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aPermitSentAfterItsWindowEndedIsChargedAgainForTheWholeFleet() {
    RedisThrottle a = instance(preset()).maxWait(Duration.ofSeconds(2)).edgeGuard(Duration.ofMillis(100)).build();
    RedisThrottle b = instance(preset()).maxWait(Duration.ofSeconds(2)).edgeGuard(Duration.ofMillis(100)).build();
    clock.advance(Duration.ofMillis(850)); // outside the last 100 ms of the second
    Permit permit = a.reserve(request(WEIGHTED), Duration.ofSeconds(30));
    assertThat(permit.sendBy()).contains(clock.instant().plusMillis(50));
    assertThat(a.beforeSend(request(WEIGHTED), permit, Duration.ofSeconds(30))).isSameAs(permit);
    clock.advance(Duration.ofMillis(200)); // delayed into the next second, where the server counts it
    Permit again = a.beforeSend(request(WEIGHTED), permit, Duration.ofSeconds(30));
    assertThat(again.grantedAt()).contains(clock.instant());
    // The other instance sees 4 of the new second's 10 taken: 6 more fit, the 7th waits.
    for (int i = 0; i < 6; i++) {
      b.acquire(request(LIGHT), Duration.ofSeconds(30));
    }
    assertThat(parks).isEmpty();
    b.acquire(request(LIGHT), Duration.ofSeconds(30));
    assertThat(parks).hasSize(1);
  }
}
