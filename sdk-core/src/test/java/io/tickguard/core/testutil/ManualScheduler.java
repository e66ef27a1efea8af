package io.tickguard.core.testutil;

import io.tickguard.core.stream.StreamScheduler;
import io.tickguard.core.time.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Core's virtual-time stream scheduler (the testkit ships the same for provider modules; core
 * cannot depend on the testkit). Tasks run on the test thread when the test advances the clock.
 */
public final class ManualScheduler implements StreamScheduler {
  private final MutableClock clock;
  private final List<Object[]> tasks = new ArrayList<>();

  public ManualScheduler(MutableClock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Task schedule(Duration delay, Runnable task) {
    Object[] entry = {clock.instant().plus(delay), task};
    tasks.add(entry);
    notifyAll();
    return () -> {
      synchronized (ManualScheduler.this) {
        tasks.remove(entry);
      }
    };
  }

  /** Advances the clock, then runs every due task (earliest first) on this thread. */
  public void advance(Duration d) {
    clock.advance(d);
    while (true) {
      Runnable next = null;
      synchronized (this) {
        Object[] earliest = null;
        for (Object[] t : tasks) {
          if (!((Instant) t[0]).isAfter(clock.instant())
              && (earliest == null || ((Instant) t[0]).isBefore((Instant) earliest[0]))) {
            earliest = t;
          }
        }
        if (earliest != null) {
          tasks.remove(earliest);
          next = (Runnable) earliest[1];
        }
      }
      if (next == null) {
        return;
      }
      next.run();
    }
  }

  /** Waits (bounded, only against a hung test) until at least {@code count} tasks are scheduled. */
  public synchronized void awaitScheduled(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (tasks.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " scheduled tasks, have " + tasks.size());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
