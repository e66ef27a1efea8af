package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.internal.pipeline.StageTrace;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.time.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A permit granted before a window's edge guard but sent after the window ended (a scheduling delay,
 * a GC pause, a slow connection between the Throttle stage and the write) must not make the server
 * count one request too many in the next window, which the throttle hands out in full.
 *
 * <p>Deterministic: the throttle, the sleeper and the server share one virtual clock; the server on
 * 127.0.0.1 counts each request in the window of its receipt time on that clock and answers 429
 * past the budget (the same budget the client keeps). The delay is injected by advancing the clock
 * when a chosen attempt reaches the send-time check, the last stage before Sign and the write.
 */
class ThrottleSendTimeRecheckTest {
  private static final int BUDGET = 5;
  private static final long WINDOW_MS = 60_000;
  private static final long W0 = 1_700_000_040_000L; // a window start: 1_700_000_040_000 % 60_000 == 0
  private static final Endpoint PING = Endpoint.builder("ping", HttpMethod.GET, "/ping").limits("REQUEST_WEIGHT").build();

  private final MutableClock clock = new MutableClock(Instant.ofEpochMilli(W0));
  private final Map<Long, AtomicInteger> perWindow = new ConcurrentHashMap<>();
  private final AtomicInteger tooMany = new AtomicInteger();
  private final AtomicInteger received = new AtomicInteger();
  /** What to do when an attempt enters the send-time check; null for nothing. */
  private volatile Consumer<Request> atSendCheck;
  private MockWebServer server;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        received.incrementAndGet();
        long window = Math.floorDiv(clock.millis(), WINDOW_MS);
        if (perWindow.computeIfAbsent(window, w -> new AtomicInteger()).incrementAndGet() > BUDGET) {
          tooMany.incrementAndGet();
          return new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build();
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build();
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private ApiClient client(Duration callTimeout) {
    InProcessThrottle throttle = InProcessThrottle.builder("edge")
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", BUDGET, Duration.ofMillis(WINDOW_MS)))
        .edgeGuard(Duration.ofMillis(100))
        .maxWait(Duration.ofMinutes(5))
        .clock(clock)
        .sleeper(clock::advance)
        .build();
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .throttle(throttle).resilience(ResiliencePolicy.none()).callTimeout(callTimeout).build();
    return ApiClient.builder(config).stageTrace(new StageTrace() {
      @Override
      public void entered(String stage, Request request) {
        Consumer<Request> hook = atSendCheck;
        if (stage.equals("SendCheck") && hook != null) {
          hook.accept(request);
        }
      }

      @Override
      public void left(String stage, Throwable failure) {}
    }).build();
  }

  private int ping(ApiClient client) {
    return client.execute(PING.request().build(), r -> r.status());
  }

  @Test
  void aPermitSentAfterItsWindowEndedIsChargedToTheNextWindowSoTheServerNeverCountsOneTooMany() {
    try (ApiClient client = client(Duration.ofMinutes(10))) {
      for (int i = 0; i < BUDGET - 1; i++) {
        assertThat(ping(client)).isEqualTo(200);
      }
      // The last permit of window 0 is granted 150 ms before the boundary, outside the 100 ms edge
      // guard, so it is charged to window 0 only; then 200 ms pass before it reaches the wire.
      clock.set(Instant.ofEpochMilli(W0 + WINDOW_MS - 150));
      atSendCheck = request -> {
        atSendCheck = null;
        clock.advance(Duration.ofMillis(200));
      };
      assertThat(ping(client)).isEqualTo(200);
      // Window 1 (the late request counts there at the server): the client hands out the rest.
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < BUDGET; i++) {
        statuses.add(ping(client));
      }
      assertThat(statuses).containsOnly(200);
      assertThat(tooMany).hasValue(0);
      assertThat(perWindow.values()).allSatisfy(n -> assertThat(n.get()).isLessThanOrEqualTo(BUDGET));
      assertThat(perWindow.get(Math.floorDiv(W0, WINDOW_MS) + 1)).hasValue(BUDGET);
      // The budget's last call waited for window 2 instead of overfilling window 1.
      assertThat(clock.millis()).isGreaterThanOrEqualTo(W0 + 2 * WINDOW_MS);
    }
  }

  @Test
  void aLatePermitWhoseNewWindowIsFullFailsTypedWithinTheCallDeadlineAndNothingIsSent() throws Exception {
    ExecutorService others = Executors.newSingleThreadExecutor();
    try (ApiClient client = client(Duration.ofSeconds(30))) {
      clock.set(Instant.ofEpochMilli(W0 + WINDOW_MS - 150));
      // While the permit of window 0 is delayed on its way to the wire, window 1 begins and other
      // callers spend all of it.
      atSendCheck = request -> {
        atSendCheck = null;
        clock.advance(Duration.ofMillis(200));
        Future<List<Integer>> spent = others.submit(() -> {
          List<Integer> statuses = new ArrayList<>();
          for (int i = 0; i < BUDGET; i++) {
            statuses.add(ping(client));
          }
          return statuses;
        });
        try {
          assertThat(spent.get(60, TimeUnit.SECONDS)).containsOnly(200); // a hang bound, not a timing assertion
        } catch (Exception e) {
          throw new AssertionError(e);
        }
      };
      assertThatThrownBy(() -> ping(client))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isTrue();
            assertThat(e.window()).isEqualTo("REQUEST_WEIGHT/1m");
            assertThat(e.waitBound()).contains(RateLimitedException.WaitBound.CALL_DEADLINE);
          });
      assertThat(received).hasValue(BUDGET); // the others' calls only: the late one was never written
      assertThat(tooMany).hasValue(0);
    } finally {
      others.shutdownNow();
    }
  }

  @Test
  void aThrottleWaitLongerThanTheCallsDeadlineIsRefusedNamingTheDeadlineAndNothingIsSent() {
    // maxWait is 5 minutes, the wait a whole window (60 s): the 20 s deadline is the shorter bound.
    try (ApiClient client = client(Duration.ofSeconds(20))) {
      for (int i = 0; i < BUDGET; i++) {
        assertThat(ping(client)).isEqualTo(200);
      }
      assertThatThrownBy(() -> ping(client))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isTrue();
            assertThat(e.waitBound()).contains(RateLimitedException.WaitBound.CALL_DEADLINE);
            assertThat(e.retryAfter()).contains(Duration.ofMillis(WINDOW_MS));
          });
      assertThat(received).hasValue(BUDGET);
      assertThat(clock.millis()).isEqualTo(W0); // refused up front: no parking
    }
  }
}
