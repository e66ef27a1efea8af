package io.tickguard.core.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * Bounds whole calls (connect, send, wait, read, decode) with one shared sweeper thread instead of
 * OkHttp's per-call {@code callTimeout}.
 *
 * <p>OkHttp enforces {@code callTimeout} with an {@code AsyncTimeout}: every call enters and leaves
 * one global, lock-guarded queue watched by a single thread. Under many concurrent calls on few cores
 * that lock and the watchdog's wake-ups cost measurable latency (see docs/performance.md). Here each
 * calling thread keeps its calls' deadlines in slots of its own ({@link ThreadSlots}, registered once
 * per thread), so starting and ending a call writes only memory that thread owns: no entry of a shared
 * set, no cache line every caller writes. A daemon thread looks at every thread's slots each {@link
 * #TICK} and cancels the calls past their deadline. A call is therefore bounded by its timeout plus at
 * most one tick, which is immaterial next to a timeout of seconds. The thread parks while no call is
 * in flight, and drops the slots of threads that have ended.
 */
public final class CallDeadlines {
  /** How often the sweeper looks for expired calls. */
  static final Duration TICK = Duration.ofMillis(50);

  private static final CallDeadlines SHARED = new CallDeadlines(true);

  /** Every thread's slots, added by the thread on its first call, removed by the sweeper once it ended. */
  private final ConcurrentLinkedQueue<ThreadSlots> threads = new ConcurrentLinkedQueue<>();
  private final ThreadLocal<ThreadSlots> mine = ThreadLocal.withInitial(this::register);
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

  /**
   * Starts bounding {@code call} to {@code timeout}; close the returned deadline, on the same thread,
   * when the call is done.
   */
  public Deadline start(Call call, Duration timeout) {
    return startUntil(call, System.nanoTime() + timeout.toNanos());
  }

  /** Starts bounding {@code call} to {@code deadlineNanos} ({@link System#nanoTime()} scale). */
  Deadline startUntil(Call call, long deadlineNanos) {
    ThreadSlots slots = mine.get();
    Deadline deadline = new Deadline(call, deadlineNanos, slots);
    slots.add(deadline); // a volatile write: the sweeper's idle flag read below is ordered after it
    wakeSweeper();
    return deadline;
  }

  private ThreadSlots register() {
    ThreadSlots slots = new ThreadSlots(Thread.currentThread());
    threads.add(slots);
    return slots;
  }

  private void wakeSweeper() {
    // Read before the compare-and-set: a CAS takes its cache line exclusively even when it fails,
    // and this flag is read by every call of every thread.
    if (!sweeperStarted.get() && sweeperStarted.compareAndSet(false, true)) {
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
      if (inFlight() == 0) {
        forgetEndedThreads();
        sweeperIdle = true;
        // Re-check after publishing the flag: a call added meanwhile has seen it and unparks us.
        if (inFlight() == 0) {
          LockSupport.park(this);
        }
        sweeperIdle = false;
        continue;
      }
      cancelExpired(System.nanoTime());
      forgetEndedThreads();
      LockSupport.parkNanos(this, TICK.toNanos());
    }
  }

  /** Cancels every call whose deadline is at or before {@code nowNanos}; returns how many. */
  int cancelExpired(long nowNanos) {
    int cancelled = 0;
    for (ThreadSlots slots : threads) {
      Deadline[] entries = slots.entries;
      for (int i = 0; i < entries.length; i++) {
        Deadline d = ThreadSlots.get(entries, i);
        if (d != null && d.overdue(nowNanos) && d.expire(nowNanos)) {
          cancelled++;
        }
      }
    }
    return cancelled;
  }

  /** Drops the slots of threads that have ended (they hold no call: every call closes its deadline). */
  void forgetEndedThreads() {
    for (Iterator<ThreadSlots> it = threads.iterator(); it.hasNext(); ) {
      ThreadSlots slots = it.next();
      Thread owner = slots.owner.get();
      if ((owner == null || !owner.isAlive()) && slots.count() == 0) {
        it.remove();
      }
    }
  }

  /** How many calls are being bounded now. */
  int inFlight() {
    int n = 0;
    for (ThreadSlots slots : threads) {
      n += slots.count();
    }
    return n;
  }

  /** How many threads' slots are registered now. */
  int threadsRegistered() {
    return threads.size();
  }

  /**
   * The deadlines of the calls one thread has in flight: usually one, more when a call is made from
   * inside another (an observer or decoder calling out). Only the owner thread adds; entries are
   * cleared by compare-and-set (by the owner when its call ends, by the sweeper when it expires one),
   * so the two never undo each other's work. The sweeper reads the entries with volatile reads.
   */
  static final class ThreadSlots {
    private static final VarHandle ENTRY = MethodHandles.arrayElementVarHandle(Deadline[].class);

    private final WeakReference<Thread> owner;
    /** Replaced (grown) only by the owner, while it holds no entry the sweeper could clear meanwhile. */
    private volatile Deadline[] entries = new Deadline[2];

    private ThreadSlots(Thread owner) {
      this.owner = new WeakReference<>(owner);
    }

    private static Deadline get(Deadline[] entries, int i) {
      return (Deadline) ENTRY.getVolatile(entries, i);
    }

    /** Puts {@code d} in a free slot (owner thread only). */
    private void add(Deadline d) {
      Deadline[] current = entries;
      for (int i = 0; i < current.length; i++) {
        if (get(current, i) == null) {
          d.index = i;
          ENTRY.setVolatile(current, i, d);
          return;
        }
      }
      Deadline[] grown = Arrays.copyOf(current, current.length * 2);
      d.index = current.length;
      grown[current.length] = d;
      entries = grown;
      // The sweeper may have expired a copied entry and cleared it in the old array only: it marks a
      // deadline expired before it clears its slot, so this look, after the new array is published,
      // finds every such entry (an expiry that reads the array later clears it in the new one).
      for (int i = 0; i < current.length; i++) {
        Deadline copied = get(grown, i);
        if (copied != null && copied.expired) {
          ENTRY.compareAndSet(grown, i, copied, null);
        }
      }
    }

    /** Clears {@code d}'s slot if it still holds {@code d}. */
    private void remove(Deadline d) {
      Deadline[] current = entries;
      if (d.index < current.length) {
        ENTRY.compareAndSet(current, d.index, d, null);
      }
    }

    private int count() {
      Deadline[] current = entries;
      int n = 0;
      for (int i = 0; i < current.length; i++) {
        if (get(current, i) != null) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * One bounded call: its whole-call deadline and, while a request is being sent without Okio's
   * watchdog ({@code SocketTimeouts}), a send bound. The expired flag is a field of its own, not a
   * second object.
   */
  public static final class Deadline implements AutoCloseable {
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
    private final ThreadSlots slots;
    /** Its slot in {@code slots}; set by the owner before the deadline is published. */
    private int index;
    private volatile boolean expired;
    /** The send bound, read by the sweeper only while {@link #sending} (written after it) is set. */
    private long sendByNanos;
    private volatile boolean sending;
    private volatile boolean sendStalled;

    private Deadline(Call call, long deadlineNanos, ThreadSlots slots) {
      this.call = call;
      this.deadlineNanos = deadlineNanos;
      this.slots = slots;
    }

    /**
     * The request is being sent and must have its answer's headers by {@code sendByNanos} ({@link
     * System#nanoTime()} scale) or the call is cancelled; {@link #sent} ends the bound.
     */
    public void sendBy(long sendByNanos) {
      this.sendByNanos = sendByNanos;
      this.sending = true;
    }

    /** The answer's headers arrived (or the exchange failed): the send bound no longer applies. */
    public void sent() {
      this.sending = false;
    }

    private boolean overdue(long nowNanos) {
      return nowNanos - deadlineNanos >= 0 || (sending && nowNanos - sendByNanos >= 0);
    }

    private boolean expire(long nowNanos) {
      if (EXPIRED.compareAndSet(this, false, true)) {
        // Read by the owner after the cancel below makes its call fail.
        sendStalled = nowNanos - deadlineNanos < 0;
        slots.remove(this);
        call.cancel();
        return true;
      }
      return false;
    }

    /** Whether the sweeper cancelled the call because its time was up. */
    public boolean expired() {
      return expired;
    }

    /**
     * Whether the sweeper cancelled the call because its send bound passed before its whole-call
     * deadline (only when {@link #expired}).
     */
    public boolean sendStalled() {
      return sendStalled;
    }

    /** The call finished (either way): stop bounding it. */
    @Override
    public void close() {
      slots.remove(this);
    }
  }
}
