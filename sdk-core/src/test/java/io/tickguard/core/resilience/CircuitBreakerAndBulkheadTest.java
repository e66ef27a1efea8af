package io.tickguard.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.resilience4j.core.EventProcessor;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.CircuitOpenException;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.testutil.Responses;
import io.tickguard.core.testutil.VirtualTime;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** The breaker and bulkhead on their own, with scripted attempts and virtual time. */
class CircuitBreakerAndBulkheadTest {
  static final ApiRequest GET = Endpoint.builder("ticker", HttpMethod.GET, "/t").build().request().build();

  final VirtualTime time = VirtualTime.at("2024-05-01T12:00:00Z");
  final List<String> transitions = new CopyOnWriteArrayList<>();
  final MetricsListener metrics = new MetricsListener() {
    @Override
    public void onCircuitStateChange(String host, String state) {
      transitions.add(host + ":" + state);
    }
  };
  final AtomicInteger sent = new AtomicInteger();

  StandardResiliencePolicy policy() {
    return StandardResiliencePolicy.builder().clock(time).sleeper(time).maxAttempts(1)
        .failureRateThreshold(50).slidingWindow(4, 4).openState(Duration.ofSeconds(30), 2)
        .slowCalls(100, Duration.ofSeconds(2)).build();
  }

  ResiliencePolicy.Attempt answering(int code) {
    return n -> {
      sent.incrementAndGet();
      return Responses.of(code);
    };
  }

  /** An attempt the host answers with {@code code} after {@code took} (the 2 s slow-call bound is passed by 3 s). */
  ResiliencePolicy.Attempt answeringAfter(Duration took, int code) {
    return n -> {
      time.advance(took);
      return Responses.of(code);
    };
  }

  @Test
  void breakerOpensOnFailuresFailsFastWithoutSendingThenHalfOpensAndClosesOnGoodProbes() throws IOException {
    ResiliencePolicy api = policy().bind("api.example.com", metrics);
    for (int i = 0; i < 4; i++) {
      api.execute(GET, answering(500)).close();
    }
    assertThat(transitions).containsExactly("api.example.com:OPEN");

    time.advance(Duration.ofSeconds(10));
    assertThatThrownBy(() -> api.execute(GET, answering(200)))
        .isInstanceOfSatisfying(CircuitOpenException.class, e -> {
          assertThat(e.host()).isEqualTo("api.example.com");
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(20));
        });
    assertThat(sent).as("nothing sent while open").hasValue(4);

    time.advance(Duration.ofMillis(20_001)); // Resilience4j lets probes through strictly after the wait
    api.execute(GET, answering(200)).close();
    assertThat(transitions).endsWith("api.example.com:HALF_OPEN");
    api.execute(GET, answering(200)).close();
    assertThat(transitions).containsExactly("api.example.com:OPEN", "api.example.com:HALF_OPEN", "api.example.com:CLOSED");
  }

  @Test
  void successesBuildNoBreakerEventsYetTransitionsAreStillReported() throws IOException {
    StandardResiliencePolicy policy = policy();
    ResiliencePolicy api = policy.bind("api.example.com", metrics);
    for (int i = 0; i < 10; i++) {
      api.execute(GET, answering(200)).close();
    }
    // With any consumer registered, Resilience4j builds an event (ZonedDateTime.now()) per success.
    assertThat(policy.breakerOf("api.example.com").map(b -> (EventProcessor<?>) b.getEventPublisher()))
        .hasValueSatisfying(events -> assertThat(events.hasConsumers()).isFalse());
    for (int i = 0; i < 2; i++) { // the last four calls: two successes, two failures: 50%, the threshold
      api.execute(GET, answering(500)).close();
    }
    assertThat(transitions).containsExactly("api.example.com:OPEN");
  }

  @Test
  void successesOfAHealthyHostLeaveItsFullWindowUnwritten() throws IOException {
    StandardResiliencePolicy policy = policy();
    ResiliencePolicy api = policy.bind("api.example.com", metrics);
    AtomicInteger recorded = new AtomicInteger();
    policy.breakerOf("api.example.com").orElseThrow().getEventPublisher().onSuccess(e -> recorded.incrementAndGet());
    for (int i = 0; i < 20; i++) {
      api.execute(GET, answering(200)).close();
    }
    // The window holds 4 outcomes: once it is full of fast successes, another one changes nothing.
    assertThat(recorded).as("successes written to the breaker").hasValue(4);
    assertThat(sent).hasValue(20);
  }

  @Test
  void successesAreRecordedAgainWhileAFailureIsInTheWindow() throws IOException {
    StandardResiliencePolicy policy = policy();
    ResiliencePolicy api = policy.bind("api.example.com", metrics);
    for (int i = 0; i < 4; i++) {
      api.execute(GET, answering(200)).close();
    }
    api.execute(GET, answering(500)).close(); // [S S S F]
    for (int i = 0; i < 3; i++) {
      api.execute(GET, answering(200)).close(); // each pushes an older outcome out: [F S S S]
    }
    api.execute(GET, answering(500)).close(); // [S S S F]: 25%, under the threshold
    assertThat(policy.circuitState("api.example.com"))
        .as("the first failure left the window: had the successes after it been skipped, 2 of 4 would fail")
        .isEqualTo("CLOSED");
    api.execute(GET, answering(500)).close(); // [S S F F]: 50%
    assertThat(transitions).containsExactly("api.example.com:OPEN");
  }

  @Test
  void slowSuccessesAfterAFullWindowOfFastOnesAreStillRecorded() throws IOException {
    StandardResiliencePolicy policy = policy();
    ResiliencePolicy api = policy.bind("slow.example.com", metrics);
    for (int i = 0; i < 4; i++) {
      api.execute(GET, answering(200)).close();
    }
    for (int i = 0; i < 4; i++) {
      api.execute(GET, answeringAfter(Duration.ofSeconds(3), 200)).close();
    }
    assertThat(transitions).containsExactly("slow.example.com:OPEN");
  }

  @Test
  void outcomesRecordedByEightThreadsAtOnceAreAllCountedAndTheOpeningIsReportedOnce() throws Exception {
    // 800 outcomes, half failures, and the breaker may judge only once all 800 are in its window: it
    // opens exactly at the last one if none was lost, and never if one was.
    StandardResiliencePolicy policy = StandardResiliencePolicy.builder().clock(time).sleeper(time).maxAttempts(1)
        .failureRateThreshold(50).slidingWindow(800, 800).build();
    ResiliencePolicy api = policy.bind("api.example.com", metrics);
    assertThat(policy.breakerOf("api.example.com")).hasValueSatisfying(b -> assertThat(
        b.getCircuitBreakerConfig().getSlidingWindowSynchronizationStrategy())
        .isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE));
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(8);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
      for (int t = 0; t < 8; t++) {
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < 100; i++) {
            api.execute(GET, answering(i % 2 == 0 ? 500 : 200)).close();
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS); // a hang bound, not a timing assertion
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(sent).as("every call was let through: the breaker opened on the last outcome").hasValue(800);
    assertThat(policy.circuitState("api.example.com")).isEqualTo("OPEN");
    assertThat(transitions).containsExactly("api.example.com:OPEN");
  }

  @Test
  void failedProbeReopensTheBreaker() throws IOException {
    StandardResiliencePolicy policy = policy();
    ResiliencePolicy api = policy.bind("api.example.com", metrics);
    for (int i = 0; i < 4; i++) {
      api.execute(GET, answering(503)).close();
    }
    time.advance(Duration.ofMillis(30_001));
    api.execute(GET, answering(500)).close();
    api.execute(GET, answering(500)).close();
    assertThat(policy.circuitState("api.example.com")).isEqualTo("OPEN");
    assertThat(transitions).containsExactly("api.example.com:OPEN", "api.example.com:HALF_OPEN", "api.example.com:OPEN");
  }

  @Test
  void slowCallsOpenTheBreaker() throws IOException {
    ResiliencePolicy api = policy().bind("slow.example.com", metrics);
    for (int i = 0; i < 4; i++) {
      api.execute(GET, answeringAfter(Duration.ofSeconds(3), 200)).close();
    }
    assertThat(transitions).containsExactly("slow.example.com:OPEN");
  }

  @Test
  void timeWaitingForTheClientsOwnThrottleIsNotCountedAsASlowHost() throws IOException {
    ResiliencePolicy api = policy().bind("slow.example.com", metrics);
    for (int i = 0; i < 4; i++) {
      api.execute(GET, new ResiliencePolicy.Attempt() {
        @Override
        public Response run(int number) {
          time.advance(Duration.ofSeconds(3)); // all of it spent waiting for a throttle permit
          return Responses.of(200);
        }

        @Override
        public Duration clientWait() {
          return Duration.ofSeconds(3);
        }
      }).close();
    }
    assertThat(transitions).isEmpty();
  }

  @Test
  void defaultBreakerDoesNotOpenOnSlownessAloneBelowAMinute() throws IOException {
    StandardResiliencePolicy policy = StandardResiliencePolicy.builder().clock(time).sleeper(time).build();
    ResiliencePolicy api = policy.bind("busy.example.com", metrics);
    for (int i = 0; i < 25; i++) {
      api.execute(GET, n -> {
        time.advance(Duration.ofSeconds(20)); // a loaded client machine, a healthy host
        return Responses.of(200);
      }).close();
    }
    assertThat(policy.circuitState("busy.example.com")).isEqualTo("CLOSED");
  }

  @Test
  void bulkheadWaitForASlotEndsAtTheCallsDeadline() throws Exception {
    ResiliencePolicy api = StandardResiliencePolicy.builder().clock(time).sleeper(time)
        .bulkhead(1, Duration.ofHours(1)).build().bind("api.example.com", metrics);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try {
        api.execute(GET, n -> {
          inside.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
          return Responses.of(200);
        }).close();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    holder.start();
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    ResiliencePolicy.Attempt withDeadline = new ResiliencePolicy.Attempt() {
      @Override
      public Response run(int number) {
        sent.incrementAndGet();
        return Responses.of(200);
      }

      @Override
      public java.util.Optional<Duration> timeLeft() {
        return java.util.Optional.of(Duration.ofMillis(20)); // not the hour the bulkhead allows
      }
    };
    assertThatThrownBy(() -> api.execute(GET, withDeadline))
        .isInstanceOf(TooManyConcurrentCallsException.class)
        .hasMessageContaining("within 20 ms");
    assertThat(sent).hasValue(0);
    release.countDown();
    holder.join(5000);
  }

  @Test
  void rateLimitAnswersAndOtherClientErrorsDoNotOpenTheBreaker() throws IOException {
    StandardResiliencePolicy policy = policy();
    ResiliencePolicy api = policy.bind("api.example.com", metrics);
    for (int code : new int[] {429, 404, 400, 429, 401, 403}) {
      api.execute(GET, answering(code)).close();
    }
    assertThat(policy.circuitState("api.example.com")).isEqualTo("CLOSED");
  }

  @Test
  void breakersArePerHostAndSharedByClientsOfTheSameHost() throws IOException {
    StandardResiliencePolicy policy = policy();
    ResiliencePolicy a1 = policy.bind("a.example.com", metrics);
    ResiliencePolicy a2 = policy.bind("a.example.com", MetricsListener.none());
    ResiliencePolicy b = policy.bind("b.example.com", metrics);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> a1.execute(GET, n -> {
        throw new SocketTimeoutException("read timed out");
      })).isInstanceOf(SocketTimeoutException.class);
    }
    assertThatThrownBy(() -> a2.execute(GET, answering(200))).isInstanceOf(CircuitOpenException.class);
    b.execute(GET, answering(200)).close();
    assertThat(policy.circuitState("b.example.com")).isEqualTo("CLOSED");
  }

  @Test
  void bulkheadRefusesCallsBeyondItsBoundAfterABoundedWait() throws Exception {
    ResiliencePolicy api = StandardResiliencePolicy.builder().clock(time).sleeper(time)
        .bulkhead(1, Duration.ofMillis(50)).build().bind("api.example.com", metrics);
    CountDownLatch inside = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder = new Thread(() -> {
      try {
        api.execute(GET, n -> {
          inside.countDown();
          try {
            release.await();
          } catch (InterruptedException e) {
            throw new java.io.InterruptedIOException();
          }
          return Responses.of(200);
        }).close();
      } catch (IOException e) {
        throw new AssertionError(e);
      }
    });
    holder.start();
    assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> api.execute(GET, answering(200)))
        .isInstanceOf(TooManyConcurrentCallsException.class)
        .hasMessageContaining("1 concurrent calls");
    assertThat(sent).hasValue(0);
    release.countDown();
    holder.join(5000);
    api.execute(GET, answering(200)).close();
    assertThat(sent).hasValue(1);
  }
}
