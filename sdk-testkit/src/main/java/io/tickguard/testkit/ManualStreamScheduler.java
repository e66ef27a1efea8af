package io.tickguard.testkit;

import io.tickguard.core.stream.StreamScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A {@link StreamScheduler} on virtual time, for stream tests: nothing runs until the test calls
 * {@link #advance} or {@link #runDue}, and then due tasks run on the test's own thread, in due-time
 * order (ties in scheduling order). Give it and its {@link MutableClock} to a {@code StreamSpec}
 * ({@code .clock(clock).scheduler(scheduler)}) to drive idle detection and reconnect backoff without
 * a single real-time wait. Thread-safe: the socket's threads may schedule while the test runs tasks.
 */
public final class ManualStreamScheduler implements StreamScheduler {
  private final MutableClock clock;
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>((a, b) -> a.at.equals(b.at) ? Long.compare(a.seq, b.seq) : a.at.compareTo(b.at));
  private long seq;

  /** A scheduler on {@code clock}. */
  public ManualStreamScheduler(MutableClock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  private final class Entry implements Task {
    final Instant at;
    final long seq;
    final Runnable task;

    Entry(Instant at, long seq, Runnable task) {
      this.at = at;
      this.seq = seq;
      this.task = task;
    }

    @Override
    public void cancel() {
      synchronized (ManualStreamScheduler.this) {
        queue.remove(this);
        ManualStreamScheduler.this.notifyAll();
      }
    }
  }

  @Override
  public synchronized Task schedule(Duration delay, Runnable task) {
    Objects.requireNonNull(task, "task");
    Entry e = new Entry(clock.instant().plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task);
    queue.add(e);
    notifyAll();
    return e;
  }

  /** Moves the clock by {@code d}, then runs every task that is due; returns how many ran. */
  public int advance(Duration d) {
    clock.advance(d);
    return runDue();
  }

  /**
   * Runs every task due at the clock's current time, including tasks those tasks schedule for now;
   * returns how many ran.
   */
  public int runDue() {
    int ran = 0;
    while (true) {
      Entry next;
      synchronized (this) {
        next = queue.peek();
        if (next == null || next.at.isAfter(clock.instant())) {
          return ran;
        }
        queue.poll();
      }
      next.task.run();
      ran++;
    }
  }

  /** How many tasks wait, due or not. */
  public synchronized int pending() {
    return queue.size();
  }

  /** The due times of the waiting tasks, earliest first. */
  public synchronized List<Instant> dueTimes() {
    List<Entry> entries = new ArrayList<>(queue);
    entries.sort(queue.comparator());
    return entries.stream().map(e -> e.at).toList();
  }

  /**
   * Waits until at least {@code count} tasks are scheduled (scheduled from a socket thread, for
   * example). The bound only stops a broken test from hanging; no assertion depends on it.
   *
   * @throws AssertionError when that never happens within a minute
   */
  public synchronized void awaitPending(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (queue.size() < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("expected " + count + " scheduled tasks, have " + queue.size());
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
