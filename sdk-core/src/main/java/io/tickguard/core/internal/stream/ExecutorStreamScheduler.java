package io.tickguard.core.internal.stream;

import io.tickguard.core.stream.StreamScheduler;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default {@link StreamScheduler} of one client: one timer thread that only fires, and worker
 * threads that run the tasks, so a reconnect waiting for its connect limit never delays another
 * session's idle check. Daemon threads; {@link #shutdown()} stops them.
 */
final class ExecutorStreamScheduler implements StreamScheduler {
  private final ScheduledThreadPoolExecutor timer;
  private final ExecutorService workers;

  ExecutorStreamScheduler() {
    AtomicInteger n = new AtomicInteger();
    this.timer = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "tickguard-stream-timer"));
    this.timer.setRemoveOnCancelPolicy(true);
    this.workers = Executors.newCachedThreadPool(r -> daemon(r, "tickguard-stream-worker-" + n.incrementAndGet()));
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @Override
  public Task schedule(Duration delay, Runnable task) {
    ScheduledFuture<?> f = timer.schedule(() -> workers.execute(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    return () -> f.cancel(false);
  }

  void shutdown() {
    timer.shutdownNow();
    workers.shutdownNow();
  }
}
