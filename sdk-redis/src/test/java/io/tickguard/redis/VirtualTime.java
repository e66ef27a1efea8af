package io.tickguard.redis;

import io.tickguard.core.throttle.Sleeper;
import io.tickguard.testkit.MutableClock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * Virtual time for a group of worker threads: a thread that sleeps parks until the shared clock
 * reaches its wake-up time, and the clock moves only when every registered worker is parked, then
 * straight to the earliest wake-up. While any worker runs (talks to Redis or to the server), time
 * stands still, so a request always reaches the server in the window its throttle granted, however
 * slow or loaded the machine is.
 */
final class VirtualTime implements Sleeper {
  private final MutableClock clock;
  private final TreeMap<Long, Integer> parked = new TreeMap<>();
  private int parkedCount;
  private int workers;

  VirtualTime(MutableClock clock) {
    this.clock = clock;
  }

  MutableClock clock() {
    return clock;
  }

  /** The calling thread takes part; call {@link #leave()} when it is done. */
  synchronized void join() {
    workers++;
  }

  synchronized void leave() {
    workers--;
    advanceIfAllParked();
  }

  @Override
  public synchronized void sleep(Duration duration) throws InterruptedException {
    long ms = duration.toMillis();
    if (ms <= 0) {
      return;
    }
    long wakeAt = clock.millis() + ms;
    parked.merge(wakeAt, 1, Integer::sum);
    parkedCount++;
    try {
      advanceIfAllParked();
      while (clock.millis() < wakeAt) {
        wait();
      }
    } finally {
      parked.computeIfPresent(wakeAt, (k, n) -> n == 1 ? null : n - 1);
      parkedCount--;
    }
  }

  private void advanceIfAllParked() {
    if (parkedCount > 0 && parkedCount >= workers) {
      Map.Entry<Long, Integer> first = parked.firstEntry();
      if (first.getKey() > clock.millis()) {
        clock.set(java.time.Instant.ofEpochMilli(first.getKey()));
      }
      notifyAll();
    }
  }
}
