package io.tickguard.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NonceGeneratorTest {

  @Test
  void eightThreadsGetStrictlyIncreasingNoncesWithoutDuplicates() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    NonceGenerator nonces = NonceGenerator.millis(clock);
    int threads = 8;
    int perThread = 5_000;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<long[]>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Callable<long[]> task = () -> {
          start.await();
          long[] seen = new long[perThread];
          for (int i = 0; i < perThread; i++) {
            seen[i] = nonces.next();
            if (i % 100 == 0) {
              clock.advance(Duration.ofMillis(1));
            }
          }
          return seen;
        };
        results.add(pool.submit(task));
      }
      start.countDown();
      Set<Long> all = new HashSet<>();
      for (Future<long[]> f : results) {
        long[] seen = f.get();
        for (int i = 1; i < seen.length; i++) {
          assertThat(seen[i]).isGreaterThan(seen[i - 1]); // strictly increasing in each thread's order
        }
        for (long n : seen) {
          all.add(n);
        }
      }
      assertThat(all).hasSize(threads * perThread);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void noncesKeepIncreasingWhenTheClockStepsBackwards() {
    MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    NonceGenerator nonces = NonceGenerator.millis(clock);
    long before = nonces.next();

    clock.advance(Duration.ofSeconds(-30));
    long afterStep = nonces.next();
    long next = nonces.next();

    assertThat(afterStep).isEqualTo(before + 1);
    assertThat(next).isEqualTo(before + 2);
  }

  @Test
  void microsecondNoncesFollowTheClock() {
    MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00.000123Z"));

    assertThat(NonceGenerator.micros(clock).next()).isEqualTo(1_709_294_400_000_123L);
  }
}
