package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.RateLimitedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Eight threads released at once against one throttle whose clock does not move and which may not
 * wait ({@code maxWait} 0): every window's budget must be granted exactly, never once more, however
 * the threads interleave. The clock is frozen in the middle of a window, so nothing can roll over
 * and the count of grants is fixed in advance (no timing in the assertion).
 */
class ConcurrentGrantsTest {
  static final int THREADS = 8;
  static final int TRIES = 400;
  static final Endpoint PING = Endpoint.builder("ping", HttpMethod.GET, "/ping").limits("REQUEST_WEIGHT").build();
  static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/order").limits("REQUEST_WEIGHT", "ORDERS").build();
  static final Clock MID_WINDOW = Clock.fixed(Instant.parse("2024-05-01T12:00:20Z"), ZoneOffset.UTC);

  @Test
  void eightThreadsRacingForOneWindowAreGrantedItsBudgetExactly() throws Exception {
    Throttle throttle = InProcessThrottle.builder("race").clock(MID_WINDOW).maxWait(Duration.ZERO)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 1_000, Duration.ofMinutes(1))).build();

    int granted = race(throttle, i -> PING.request().build());

    assertThat(granted).isEqualTo(1_000);
  }

  @Test
  void racingRequestsAreChargedAllOrNothingAcrossTwoWindows() throws Exception {
    // Half the tries are orders (both windows), half pings (REQUEST_WEIGHT only): 1,600 of each.
    // REQUEST_WEIGHT holds exactly all 1,600 pings plus the 300 orders ORDERS allows, so neither
    // window can fill before the other's share is granted: exactly 300 orders and 1,600 pings must go
    // through. One grant too many in either window, or an order charged to one window only, changes
    // these counts.
    Throttle throttle = InProcessThrottle.builder("race").clock(MID_WINDOW).maxWait(Duration.ZERO)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 1_900, Duration.ofMinutes(1)))
        .limit(RateLimit.fixedWindow("ORDERS", 300, Duration.ofSeconds(10)).countingRequests())
        .build();
    AtomicInteger orders = new AtomicInteger();

    int granted = race(throttle, i -> (i % 2 == 0 ? PING : ORDER).request().build(), orders);

    assertThat(orders).hasValue(300);
    assertThat(granted - orders.get()).as("pings granted").isEqualTo(THREADS * TRIES / 2);
    assertThatThrownBy(() -> throttle.acquire(PING.request().build())).isInstanceOf(RateLimitedException.class);
  }

  private static int race(Throttle throttle, IntFunction<ApiRequest> request) throws Exception {
    return race(throttle, request, new AtomicInteger());
  }

  /** Every thread tries {@link #TRIES} requests; returns how many were granted in all. */
  private static int race(Throttle throttle, IntFunction<ApiRequest> request,
      AtomicInteger ordersGranted) throws Exception {
    CyclicBarrier start = new CyclicBarrier(THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> counts = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        counts.add(pool.submit(() -> {
          start.await();
          int ok = 0;
          for (int i = 0; i < TRIES; i++) {
            ApiRequest r = request.apply(i);
            try {
              throttle.acquire(r);
              ok++;
              if (r.endpoint() == ORDER) {
                ordersGranted.incrementAndGet();
              }
            } catch (RateLimitedException refused) {
              assertThat(refused.clientSide()).isTrue();
            }
          }
          return ok;
        }));
      }
      int total = 0;
      for (Future<Integer> f : counts) {
        total += f.get(60, TimeUnit.SECONDS); // a hang bound, not a timing assertion
      }
      return total;
    } finally {
      pool.shutdownNow();
    }
  }
}
