package io.tickguard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.RateLimitedException.WaitBound;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Permit;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.ThrottleMode;
import io.tickguard.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The fleet throttle's paced mode against a real Redis: several instances (standing for several
 * processes, each with its own connection) share one key, and the window's budget is spread evenly
 * over the window for all of them. Virtual time throughout: a parked caller moves the clock.
 */
class RedisPacedThrottleTest extends SharedRedisTest {

  static final Instant MINUTE = Instant.parse("2026-03-02T10:00:00Z");
  static final Endpoint LIGHT = Endpoint.builder("price", HttpMethod.GET, "/api/v3/ticker/price").weight(1).limits("REQUEST_WEIGHT").build();
  static final Endpoint PRICE = Endpoint.builder("price2", HttpMethod.GET, "/api/v3/ticker/price").weight(2).limits("REQUEST_WEIGHT").build();

  final MutableClock clock = new MutableClock(MINUTE);
  final List<Duration> parks = Collections.synchronizedList(new ArrayList<>());

  /** REQUEST_WEIGHT {@code limit} per minute: paced, one weight per {@code 60 s / limit}. */
  LimitPreset perMinute(long limit) {
    return new LimitPreset(name, List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", limit, Duration.ofMinutes(1))),
        List.of(), "hand-built for tests");
  }

  /** One instance (its own connection) of the shared throttle, parking on virtual time. */
  RedisThrottle.Builder instance(LimitPreset preset, RedisProcess server) {
    RedisBackend backend = RedisBackend.connect(RedisSettings.builder("127.0.0.1", server.port())
        .commandTimeout(Duration.ofSeconds(5)).build());
    backends.add(backend);
    return RedisThrottle.builder(backend, preset).clock(clock).edgeGuard(Duration.ZERO).sleeper(d -> {
      parks.add(d);
      clock.advance(d);
    });
  }

  RedisThrottle.Builder paced(long limit) {
    return instance(perMinute(limit), redis).mode(ThrottleMode.PACED);
  }

  static ApiRequest request(Endpoint e) {
    return e.request().build();
  }

  long sinceMinute(Permit p) {
    return p.grantedAtMillis() - MINUTE.toEpochMilli();
  }

  @Test
  void twoInstancesTakingTurnsGetSlotsOneSpacingApartAndNoMoreThanTheWindowsBudget() {
    RedisThrottle a = paced(60).build(); // one permit a second
    RedisThrottle b = paced(60).build();
    Map<Long, Integer> perMinute = new TreeMap<>();
    List<Long> grants = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      Permit p = (i % 2 == 0 ? a : b).reserve(request(LIGHT), Duration.ofSeconds(30));
      grants.add(sinceMinute(p));
      perMinute.merge(Math.floorDiv(sinceMinute(p), 60_000L), 1, Integer::sum);
      assertThat(clock.millis()).as("the caller parked until its slot").isGreaterThanOrEqualTo(p.grantedAtMillis());
    }
    for (int i = 0; i < grants.size(); i++) {
      assertThat(grants.get(i)).as("slot %d", i).isEqualTo(i * 1000L);
    }
    assertThat(perMinute).containsExactly(Map.entry(0L, 60), Map.entry(1L, 60), Map.entry(2L, 30));
  }

  @Test
  void inBurstModeTheSameCallersSpendTheWholeWindowAtOnce() {
    // The contrast that makes the test above fail without pacing: burst grants all 60 at 0 ms.
    RedisThrottle a = instance(perMinute(60), redis).mode(ThrottleMode.BURST).build();
    RedisThrottle b = instance(perMinute(60), redis).mode(ThrottleMode.BURST).build();
    for (int i = 0; i < 60; i++) {
      assertThat(sinceMinute((i % 2 == 0 ? a : b).reserve(request(LIGHT), Duration.ofSeconds(30)))).isZero();
    }
    assertThatThrownBy(() -> a.reserve(request(LIGHT), Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(1)));
    assertThat(parks).isEmpty();
  }

  @Test
  void concurrentCallersOfTwoInstancesAreSpacedEvenlyAndStayWithinEveryWindow() throws Exception {
    // Binance's spot budget (6,000 weight a minute: 10 ms a weight), weight-2 calls from 2 x 4 threads.
    VirtualTime time = new VirtualTime(clock);
    List<RedisThrottle> fleet = List.of(
        paced(6000).sleeper(time).build(), paced(6000).sleeper(time).build());
    List<Long> grants = Collections.synchronizedList(new ArrayList<>());
    int threads = 8;
    int calls = 500; // 8 x 500 x 2 = 8,000 weight: one full minute and a third
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        RedisThrottle throttle = fleet.get(t % 2);
        time.join();
        done.add(pool.submit(() -> {
          try {
            for (int i = 0; i < calls; i++) {
              grants.add(sinceMinute(throttle.reserve(request(PRICE), Duration.ofSeconds(30))));
            }
          } finally {
            time.leave();
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    List<Long> sorted = new ArrayList<>(grants);
    Collections.sort(sorted);
    assertThat(sorted).hasSize(threads * calls);
    for (int i = 0; i < sorted.size(); i++) {
      assertThat(sorted.get(i)).as("slot %d: every 20 ms, whichever instance took it", i).isEqualTo(i * 20L);
    }
    Map<Long, Long> weightPerMinute = new TreeMap<>();
    sorted.forEach(t -> weightPerMinute.merge(Math.floorDiv(t, 60_000L), 2L, Long::sum));
    assertThat(weightPerMinute).containsExactly(Map.entry(0L, 6000L), Map.entry(1L, 2000L));
  }

  @Test
  void aCallerWhoseTurnIsBeyondItsDeadlineIsRefusedWithoutTakingASlot() {
    RedisThrottle a = paced(60).build();
    RedisThrottle b = paced(60).build();
    a.reserve(request(LIGHT), Duration.ofSeconds(30)); // slot 0 s; the next is at 1 s
    assertThatThrownBy(() -> b.reserve(request(LIGHT), Duration.ofMillis(500)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.clientSide()).isTrue();
          assertThat(e.window()).isEqualTo("REQUEST_WEIGHT/1m");
          assertThat(e.waitBound()).contains(WaitBound.CALL_DEADLINE);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(1));
        });
    assertThat(parks).isEmpty();
    // Nothing reserved: the next caller gets the slot at 1 s, not 2 s.
    Permit next = a.reserve(request(LIGHT), Duration.ofSeconds(30));
    assertThat(sinceMinute(next)).isEqualTo(1000);
    assertThat(parks).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void aTurnBeyondMaxWaitWithALongerDeadlineIsRefusedNamingMaxWait() {
    RedisThrottle a = paced(60).maxWait(Duration.ofMillis(1500)).build();
    RedisThrottle b = paced(60).maxWait(Duration.ofMillis(1500)).sleeper(parks::add).build(); // time stands
    a.reserve(request(LIGHT), Duration.ofSeconds(30)); // 0 s
    b.reserve(request(LIGHT), Duration.ofSeconds(30)); // 1 s
    // Still at 0 s, the next turn is at 2 s: within the 30 s deadline, beyond maxWait.
    assertThatThrownBy(() -> a.reserve(request(LIGHT), Duration.ofSeconds(30)))
        .isInstanceOfSatisfying(RateLimitedException.class, e -> {
          assertThat(e.waitBound()).contains(WaitBound.MAX_WAIT);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
        });
  }

  @Test
  void aPacedPermitSentAfterItsWindowIsChargedAgainAtTheFleetsNextSlot() {
    RedisThrottle a = paced(60).build();
    RedisThrottle b = paced(60).build();
    clock.set(MINUTE.plusMillis(59_500));
    Permit permit = a.reserve(request(LIGHT), Duration.ofSeconds(30)); // 59.5 s; next slot 60.5 s
    assertThat(permit.sendBy()).contains(MINUTE.plusSeconds(60));
    assertThat(a.beforeSend(request(LIGHT), permit, Duration.ofSeconds(30))).isSameAs(permit);
    clock.set(MINUTE.plusMillis(60_200)); // sent late, into the next minute
    Permit again = a.beforeSend(request(LIGHT), permit, Duration.ofSeconds(30));
    assertThat(sinceMinute(again)).as("the paced slot, not 'now'").isEqualTo(60_500);
    assertThat(again.waited()).isEqualTo(Duration.ofMillis(300));
    assertThat(sinceMinute(b.reserve(request(LIGHT), Duration.ofSeconds(30)))).isEqualTo(61_500);
  }

  @Test
  void aRechargeWhoseSlotIsBeyondTheDeadlineIsRefusedAndTakesNoSlot() {
    RedisThrottle a = paced(60).build();
    RedisThrottle b = paced(60).build();
    clock.set(MINUTE.plusMillis(59_500));
    Permit permit = a.reserve(request(LIGHT), Duration.ofSeconds(30));
    clock.set(MINUTE.plusMillis(60_200));
    assertThatThrownBy(() -> a.beforeSend(request(LIGHT), permit, Duration.ofMillis(100)))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.waitBound()).contains(WaitBound.CALL_DEADLINE));
    assertThat(sinceMinute(b.reserve(request(LIGHT), Duration.ofSeconds(30)))).isEqualTo(60_500);
  }

  @Test
  void aPresetWithALargePerMinuteBudgetIsPacedByDefaultOnRedisToo() {
    RedisThrottle a = instance(perMinute(6000), redis).build();
    RedisThrottle b = instance(perMinute(6000), redis).build();
    assertThat(a.toString()).contains("PACED");
    a.acquire(request(PRICE));
    b.acquire(request(PRICE));
    assertThat(parks).containsExactly(Duration.ofMillis(20));
    // A small budget (one permit per second) stays in burst mode, like InProcessThrottle's default.
    RedisThrottle small = instance(perMinute(60), redis).build();
    assertThat(small.toString()).contains("BURST");
  }

  @Test
  void aFailClosedPacedThrottleRefusesWhileRedisIsDownAsTheBurstModeDoes() {
    try (RedisProcess own = RedisProcess.start()) {
      RedisThrottle a = instance(perMinute(60), own).mode(ThrottleMode.PACED).build();
      a.acquire(request(LIGHT));
      own.stop();
      assertThatThrownBy(() -> a.acquire(request(LIGHT)))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isTrue();
            assertThat(e.window()).isEqualTo(RedisThrottle.REDIS_UNAVAILABLE);
          });
      assertThat(a.degraded()).isTrue();
      assertThat(parks).isEmpty();
    }
  }

  @Test
  void theInProcessFallbackPacesItsShareWhileRedisIsDown() {
    try (RedisProcess own = RedisProcess.start()) {
      RedisThrottle a = instance(perMinute(60), own).mode(ThrottleMode.PACED)
          .degradation(Degradation.fallbackToInProcess(0.5)).build();
      own.stop();
      // Half of 60 a minute, paced: one permit every 2 s, in process.
      a.acquire(request(LIGHT));
      a.acquire(request(LIGHT));
      a.acquire(request(LIGHT));
      assertThat(a.degraded()).isTrue();
      assertThat(parks).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    }
  }
}
