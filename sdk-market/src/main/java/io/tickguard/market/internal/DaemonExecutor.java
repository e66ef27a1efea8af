package io.tickguard.market.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The thread pool a client runs its {@code ...Async} calls on; its threads never keep the JVM alive. */
public final class DaemonExecutor {
  private DaemonExecutor() {}

  /** A cached pool of daemon threads named {@code tickguard-<provider>-N}. */
  public static ExecutorService create(String provider) {
    AtomicInteger n = new AtomicInteger();
    return Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "tickguard-" + provider + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }
}
