package io.tickguard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Redis is killed mid-run and started again (empty, as a restarted cache is): the chosen
 * degradation policy holds meanwhile, nothing crashes, one log line and the listener mark each
 * transition, and the instances share one budget again afterwards.
 */
class RedisOutageTest {
  static final Endpoint WEIGHTED = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth").weight(4).limits("REQUEST_WEIGHT").build();
  static final Endpoint LIGHT = Endpoint.builder("price", HttpMethod.GET, "/api/v3/ticker/price").weight(1).limits("REQUEST_WEIGHT").build();

  final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  final List<Duration> parks = Collections.synchronizedList(new ArrayList<>());
  final List<RedisBackend> backends = new ArrayList<>();
  final ListAppender<ILoggingEvent> log = new ListAppender<>();
  final Logger redisLogger = (Logger) LoggerFactory.getLogger("io.tickguard.redis");
  final AtomicInteger lost = new AtomicInteger();
  final AtomicInteger back = new AtomicInteger();
  final AtomicInteger degradedCalls = new AtomicInteger();
  RedisProcess redis;

  final RedisHealthListener listener = new RedisHealthListener() {
    @Override
    public void onRedisUnavailable(String component, String reason) {
      lost.incrementAndGet();
    }

    @Override
    public void onRedisRecovered(String component, Duration outage) {
      back.incrementAndGet();
    }

    @Override
    public void onDegradedCall(String component) {
      degradedCalls.incrementAndGet();
    }
  };

  @BeforeEach
  void start() {
    redis = RedisProcess.start();
    log.start();
    redisLogger.addAppender(log);
    redisLogger.setLevel(ch.qos.logback.classic.Level.INFO);
  }

  @AfterEach
  void stop() {
    redisLogger.detachAppender(log);
    redisLogger.setLevel(null);
    backends.forEach(RedisBackend::close);
    redis.close();
  }

  RedisThrottle instance(Degradation degradation) {
    return instance(degradation, Duration.ofSeconds(1));
  }

  RedisThrottle instance(Degradation degradation, Duration window) {
    RedisBackend backend = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port())
        .commandTimeout(Duration.ofSeconds(5)).build());
    backends.add(backend);
    LimitPreset preset = new LimitPreset("outage",
        List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", 10, window)), List.of(), "hand-built for tests");
    return RedisThrottle.builder(backend, preset).clock(clock).edgeGuard(Duration.ZERO)
        .sleeper(d -> {
          parks.add(d);
          clock.advance(d);
        })
        .degradation(degradation).recheckInterval(Duration.ofMillis(500)).healthListener(listener).build();
  }

  static ApiRequest request(Endpoint e) {
    return e.request().build();
  }

  /** Moves virtual time past the recheck until {@code throttle} reaches the restarted Redis. */
  void awaitRecovery(RedisThrottle throttle) throws InterruptedException {
    // Waits for Lettuce's reconnect, which runs on real time; bounded, and asserts nothing about speed.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (throttle.degraded()) {
      clock.advance(Duration.ofMillis(500));
      try {
        throttle.acquire(request(LIGHT));
      } catch (RateLimitedException e) {
        assertThat(e.window()).isEqualTo(RedisThrottle.REDIS_UNAVAILABLE);
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the throttle did not reach the restarted Redis within 30 s");
      }
      if (throttle.degraded()) {
        Thread.sleep(20);
      }
    }
  }

  long warnings() {
    return log.list.stream().filter(e -> e.getFormattedMessage().startsWith("Redis unreachable")).count();
  }

  long recoveries() {
    return log.list.stream().filter(e -> e.getFormattedMessage().startsWith("Redis reachable again")).count();
  }

  @Test
  void failClosedRefusesEveryCallWhileRedisIsDownThenTheFleetSharesOneBudgetAgain() throws Exception {
    RedisThrottle a = instance(Degradation.failClosed());
    RedisThrottle b = instance(Degradation.failClosed());
    a.acquire(request(WEIGHTED));

    redis.stop();
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> a.acquire(request(LIGHT)))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isTrue();
            assertThat(e.window()).isEqualTo(RedisThrottle.REDIS_UNAVAILABLE);
            assertThat(e.getMessage()).contains("nothing was sent");
          });
    }
    assertThatThrownBy(() -> b.acquire(request(LIGHT))).isInstanceOf(RateLimitedException.class);
    a.onResponse(request(LIGHT), RedisThrottleTest.response(429, "Retry-After", "1")); // swallowed, not thrown
    assertThat(a.degraded()).isTrue();
    assertThat(b.degraded()).isTrue();
    assertThat(warnings()).as("one line per throttle, not per call").isEqualTo(2);
    assertThat(lost).hasValue(2);
    assertThat(degradedCalls).hasValue(4);

    redis.startAgain();
    awaitRecovery(a);
    awaitRecovery(b);
    assertThat(recoveries()).isEqualTo(2);
    assertThat(back).hasValue(2);

    // Converged: a fresh second, 10 shared permits, both instances draw from the same budget.
    clock.advance(Duration.ofSeconds(1));
    parks.clear();
    a.acquire(request(WEIGHTED));
    a.acquire(request(WEIGHTED));
    b.acquire(request(LIGHT));
    b.acquire(request(LIGHT));
    assertThat(parks).isEmpty();
    b.acquire(request(LIGHT));
    assertThat(parks).hasSize(1);
  }

  @Test
  void theFallbackServesEachInstanceItsShareWhileRedisIsDownThenRecovers() throws Exception {
    RedisThrottle a = instance(Degradation.fallbackToInProcess(0.5));
    RedisThrottle b = instance(Degradation.fallbackToInProcess(0.5));
    clock.advance(Duration.ofMillis(200));

    redis.stop();
    a.acquire(request(WEIGHTED)); // 4 of a's 5
    a.acquire(request(LIGHT)); // 5 of 5
    assertThat(parks).isEmpty();
    a.acquire(request(LIGHT)); // its share is spent: waits for the next second, in process
    assertThat(parks).containsExactly(Duration.ofMillis(800));
    assertThat(warnings()).isEqualTo(1);
    assertThat(degradedCalls).hasValue(3);

    redis.startAgain();
    parks.clear();
    awaitRecovery(a);
    assertThat(a.degraded()).isFalse();
    assertThat(back).hasValue(1);
    assertThat(recoveries()).isEqualTo(1);
  }

  @Test
  void whatTheFallbackGrantedIsAddedToTheSharedWindowWhenRedisReturns() throws Exception {
    RedisThrottle a = instance(Degradation.fallbackToInProcess(0.5), Duration.ofMinutes(1));
    RedisThrottle b = instance(Degradation.fallbackToInProcess(0.5), Duration.ofMinutes(1));
    redis.stop();
    a.acquire(request(WEIGHTED)); // 4 granted in process, Redis never heard of them
    assertThat(a.degraded()).isTrue();
    redis.startAgain();
    awaitReconnect(backends.get(0));
    clock.advance(Duration.ofSeconds(1)); // past a's recheck, same minute
    a.acquire(request(LIGHT)); // reaches Redis: first adds the 4, then takes 1
    assertThat(a.degraded()).isFalse();
    b.acquire(request(WEIGHTED));
    assertThat(parks).as("4 + 1 + 4 of 10").isEmpty();
    b.acquire(request(LIGHT));
    assertThat(parks).as("10 of 10").isEmpty();
    // Full until the next minute (beyond maxWait); without a's offline 4 this would still fit.
    assertThatThrownBy(() -> b.acquire(request(LIGHT)))
        .isInstanceOfSatisfying(RateLimitedException.class,
            e -> assertThat(e.window()).isEqualTo("REQUEST_WEIGHT/1m"));
  }

  /** Waits (real time, bounded) until Lettuce has reconnected {@code backend}; asserts nothing about speed. */
  static void awaitReconnect(RedisBackend backend) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        backend.commands().ping();
        return;
      } catch (io.lettuce.core.RedisException notYet) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no reconnect to the restarted Redis within 30 s", notYet);
        }
        Thread.sleep(20);
      }
    }
  }
}
