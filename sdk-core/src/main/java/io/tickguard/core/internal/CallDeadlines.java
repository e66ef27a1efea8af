package io.tickguard.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Bounds whole calls (connect, send, wait, read, decode) with one shared sweeper thread instead of
 * OkHttp's per-call {@code callTimeout}.
 *
 * <p>OkHttp enforces {@code callTimeout} with an {@code AsyncTimeout}: every call enters and leaves
 * one global, lock-guarded queue watched by a single thread. Under many concurrent calls on few cores
 * that lock and the watchdog's wake-ups cost measurable latency (see docs/performance.md). Here a
 * call only adds itself to a concurrent set and removes itself when done; a daemon thread looks at
 * the set every {@link #TICK} and cancels the calls past their deadline. A call is therefore bounded
 * by its timeout plus at most one tick, which is immaterial next to a timeout of seconds. The thread
 * parks while no call is in flight.
 */
public final class CallDeadlines {
  /** How often the sweeper looks for expired calls. */
  static final Duration TICK = Duration.ofMillis(50);

  private static final CallDeadlines SHARED = new CallDeadlines(true);

  private final Set<Deadline> inFlight = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean sweeperStarted;
  private volatile Thread sweeper;
  private volatile boolean sweeperIdle;

  /** With {@code sweeping} false no thread runs and only {@link #cancelExpired} expires calls (tests). */
  CallDeadlines(boolean sweeping) {
    this.sweeperStarted = new AtomicBoolean(!sweeping);
  }

  /** The process-wide instance every {@code ApiClient} shares. */
  public static CallDeadlines shared() {
    return SHARED;
  }

  /** Starts bounding {@code call} to {@code timeout}; close the returned deadline when the call is done. */
  public Deadline start(Call call, Duration timeout) {
    return startUntil(call, System.nanoTime() + timeout.toNanos());
  }

  /** Starts bounding {@code call} to {@code deadlineNanos} ({@link System#nanoTime()} scale). */
  Deadline startUntil(Call call, long deadlineNanos) {
    Deadline deadline = new Deadline(call, deadlineNanos);
    inFlight.add(deadline);
    wakeSweeper();
    return deadline;
  }

  private void wakeSweeper() {
    if (sweeperStarted.compareAndSet(false, true)) {
      Thread t = new Thread(this::sweep, "tickguard-call-deadlines");
      t.setDaemon(true);
      sweeper = t;
      t.start();
    } else if (sweeperIdle && sweeper != null) {
      LockSupport.unpark(sweeper);
    }
  }

  private void sweep() {
    while (true) {
      if (inFlight.isEmpty()) {
        sweeperIdle = true;
        // Re-check after publishing the flag: a call added meanwhile has seen it and unparks us.
        if (inFlight.isEmpty()) {
          LockSupport.park(this);
        }
        sweeperIdle = false;
        continue;
      }
      cancelExpired(System.nanoTime());
      LockSupport.parkNanos(this, TICK.toNanos());
    }
  }

  /** Cancels every call whose deadline is at or before {@code nowNanos}; returns how many. */
  int cancelExpired(long nowNanos) {
    int cancelled = 0;
    for (Deadline d : inFlight) {
      if (nowNanos - d.deadlineNanos >= 0 && d.expire()) {
        cancelled++;
      }
    }
    return cancelled;
  }

  /** How many calls are being bounded now. */
  int inFlight() {
    return inFlight.size();
  }

  /**
   * One bounded call. Its hash is taken from its deadline instead of the identity hash, which the
   * JVM computes and installs in the object's header on first use (a native call per call here);
   * equality stays identity. The expired flag is a field of its own, not a second object.
   */
  public final class Deadline implements AutoCloseable {
    private static final VarHandle EXPIRED;

    static {
      try {
        EXPIRED = MethodHandles.lookup().findVarHandle(Deadline.class, "expired", boolean.class);
      } catch (ReflectiveOperationException e) {
        throw new ExceptionInInitializerError(e);
      }
    }

    private final Call call;
    private final long deadlineNanos;
    private volatile boolean expired;

    private Deadline(Call call, long deadlineNanos) {
      this.call = call;
      this.deadlineNanos = deadlineNanos;
    }

    private boolean expire() {
      if (EXPIRED.compareAndSet(this, false, true)) {
        inFlight.remove(this);
        call.cancel();
        return true;
      }
      return false;
    }

    /** Whether the sweeper cancelled the call because its time was up. */
    public boolean expired() {
      return expired;
    }

    /** The call finished (either way): stop bounding it. */
    @Override
    public void close() {
      inFlight.remove(this);
    }

    @Override
    public int hashCode() {
      return Long.hashCode(deadlineNanos * 0x9E3779B97F4A7C15L);
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }
  }
}
