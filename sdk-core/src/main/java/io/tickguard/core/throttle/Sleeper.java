package io.tickguard.core.throttle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the throttle and the retry policy wait. Injected so that tests advance a virtual clock instead
 * of sleeping, and so that an application can plug in its own parking (for example one that also
 * watches a shutdown flag).
 */
@FunctionalInterface
public interface Sleeper {

  /**
   * Waits for {@code duration}; returns at once for zero or negative durations.
   *
   * @throws InterruptedException when the waiting thread is interrupted
   */
  void sleep(Duration duration) throws InterruptedException;

  /** Parks the calling thread for real. */
  static Sleeper system() {
    return duration -> {
      long nanos = duration.toNanos();
      if (nanos > 0) {
        TimeUnit.NANOSECONDS.sleep(nanos);
      }
    };
  }
}
