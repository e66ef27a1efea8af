package io.tickguard.core.stream;

import java.time.Duration;

/**
 * Runs a session's timed work: idle checks, reconnect backoff, periodic re-authorization, and the
 * (re)subscribe sends that must not run on the socket's reader thread. The default is one daemon
 * thread per {@code ApiClient}, shared by its sessions and stopped by {@code ApiClient.close()}.
 * Tests pass a manual scheduler that runs due tasks when the test advances a virtual clock, so no
 * test waits in real time.
 */
public interface StreamScheduler {

  /**
   * Runs {@code task} once after {@code delay} ({@link Duration#ZERO}: as soon as possible). Tasks
   * must not be run on the calling thread from inside this method.
   */
  Task schedule(Duration delay, Runnable task);

  /** A scheduled task. */
  interface Task {
    /** Cancels the task if it has not started; a no-op afterwards. */
    void cancel();
  }
}
