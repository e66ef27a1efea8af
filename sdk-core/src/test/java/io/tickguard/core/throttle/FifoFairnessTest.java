package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.testutil.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FifoFairnessTest {
  static ApiRequest weighing(int weight) {
    return Endpoint.builder("w" + weight, HttpMethod.GET, "/w").weight(weight).limits("REQUEST_WEIGHT").build()
        .request().build();
  }

  @Test
  void lightRequestDoesNotOvertakeAHeavyOneQueuedBeforeIt() {
    VirtualTime frozen = VirtualTime.at("2024-05-01T12:00:00Z");
    List<Duration> waits = new ArrayList<>();
    Throttle throttle = InProcessThrottle.builder("t").clock(frozen).sleeper(waits::add).edgeGuard(Duration.ZERO)
        .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 10, Duration.ofSeconds(1)))
        .maxWait(Duration.ofSeconds(10)).build();
    throttle.acquire(weighing(10)); // window 0 full
    throttle.acquire(weighing(8)); // window 1: 8 of 10
    throttle.acquire(weighing(5)); // does not fit window 1: window 2
    throttle.acquire(weighing(1)); // would fit window 1, but queued after the 5: window 2
    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(2));
  }

  @Test
  void concurrentWaitersAreGrantedInArrivalOrder() throws Exception {
    VirtualTime frozen = VirtualTime.at("2024-05-01T12:00:00Z");
    LinkedBlockingQueue<String> parked = new LinkedBlockingQueue<>();
    CountDownLatch release = new CountDownLatch(1);
    List<Long> grantOrder = new java.util.concurrent.CopyOnWriteArrayList<>();
    Sleeper recordingSleeper = d -> {
      grantOrder.add(d.toMillis());
      parked.add(Thread.currentThread().getName());
      release.await();
    };
    Throttle throttle = InProcessThrottle.builder("t").clock(frozen).sleeper(recordingSleeper)
        .edgeGuard(Duration.ZERO).limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 3, Duration.ofSeconds(1)))
        .maxWait(Duration.ofSeconds(60)).build();
    for (int i = 0; i < 3; i++) {
      throttle.acquire(weighing(1));
    }
    int[] weights = {3, 1, 2, 1, 3, 1, 1, 2};
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < weights.length; i++) {
      int weight = weights[i];
      Thread t = new Thread(() -> throttle.acquire(weighing(weight)), "waiter-" + i);
      t.start();
      threads.add(t);
      // Next caller arrives only once this one is parked: arrival order is i.
      assertThat(parked.poll(5, TimeUnit.SECONDS)).isEqualTo("waiter-" + i);
    }
    release.countDown();
    for (Thread t : threads) {
      t.join(5000);
    }
    // Windows of 3: [3] [1+2] [1] [3] [1+1] [2]: the 3 and the last 2 wait rather than overtake.
    assertThat(grantOrder).containsExactly(1000L, 2000L, 2000L, 3000L, 4000L, 5000L, 5000L, 6000L);
    assertThat(grantOrder).isSorted();
  }
}
