package io.tickguard.forex;

import io.tickguard.core.TickGuardException;
import io.tickguard.forex.internal.Checks;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between a quote stream's reader and its consumer. The reader's side ({@link
 * #offer(QuoteEvent)} and the {@link QuoteListener} methods) never blocks; the consumer takes
 * events in arrival order with {@link #poll()} or {@link #take()}.
 *
 * <p>When a quote or gap finds {@link Backpressure#capacity()} events buffered, the {@link
 * Backpressure.Policy} decides: {@code DROP_OLDEST} discards the oldest buffered quote (or, when
 * only gaps are buffered, the oldest gap) and counts it in {@link #dropped()}; {@code FAIL} refuses
 * it, and the consumer receives the buffered events and then a {@link QuoteStreamOverflowException}.
 * The end of the stream is held apart from the buffer, so it is never dropped; it is delivered after
 * every buffered event, and again on every later call.
 *
 * <p>Thread-safe: one producer and any number of consumers.
 */
public final class QuoteQueue implements QuoteListener {
  private final Backpressure backpressure;
  private final ArrayDeque<QuoteEvent> buffer;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private long dropped;
  private QuoteEvent.End end;
  private QuoteStreamOverflowException overflow;

  /** An empty queue with {@code backpressure}'s capacity and policy. */
  public QuoteQueue(Backpressure backpressure) {
    this.backpressure = Checks.present(backpressure, "backpressure");
    this.buffer = new ArrayDeque<>(Math.min(backpressure.capacity(), 1024));
  }

  /** The capacity and policy. */
  public Backpressure backpressure() {
    return backpressure;
  }

  /**
   * Adds {@code event} without blocking. Returns {@code false} when the event was not taken: the
   * queue has ended or overflowed (with {@code FAIL}, the producer must then close its connection).
   * An {@link QuoteEvent.End} ends the queue; only the first one counts.
   */
  public boolean offer(QuoteEvent event) {
    Checks.present(event, "event");
    lock.lock();
    try {
      if (end != null || overflow != null) {
        return false;
      }
      if (event instanceof QuoteEvent.End e) {
        end = e;
      } else if (buffer.size() < backpressure.capacity()) {
        buffer.addLast(event);
      } else if (backpressure.policy() == Backpressure.Policy.DROP_OLDEST) {
        dropOldest();
        buffer.addLast(event);
      } else {
        overflow = new QuoteStreamOverflowException(backpressure.capacity());
        changed.signalAll();
        return false;
      }
      changed.signalAll();
      return true;
    } finally {
      lock.unlock();
    }
  }

  private void dropOldest() {
    Iterator<QuoteEvent> it = buffer.iterator();
    while (it.hasNext()) {
      if (it.next() instanceof QuoteEvent.Price) {
        it.remove();
        dropped++;
        return;
      }
    }
    buffer.removeFirst();
    dropped++;
  }

  /** Offers the quote; see {@link #offer(QuoteEvent)}. */
  @Override
  public void onQuote(Quote quote) {
    offer(new QuoteEvent.Price(quote));
  }

  /** Offers the gap; see {@link #offer(QuoteEvent)}. */
  @Override
  public void onGap(StreamGap gap) {
    offer(new QuoteEvent.Gap(gap));
  }

  /** Ends the queue. */
  @Override
  public void onClosed(Optional<TickGuardException> cause) {
    offer(new QuoteEvent.End(cause));
  }

  /**
   * The next event without waiting, or empty when none is buffered and the stream goes on. After
   * the buffer drains: the {@link QuoteEvent.End} (again on every call), or the overflow thrown.
   *
   * @throws QuoteStreamOverflowException when the {@code FAIL} policy overflowed and the buffered
   *     events have all been taken
   */
  public Optional<QuoteEvent> poll() {
    lock.lock();
    try {
      return Optional.ofNullable(nextOrNull());
    } finally {
      lock.unlock();
    }
  }

  /** The next event, waiting as long as it takes; see {@link #poll()}. */
  public QuoteEvent take() throws InterruptedException {
    lock.lockInterruptibly();
    try {
      QuoteEvent next;
      while ((next = nextOrNull()) == null) {
        changed.await();
      }
      return next;
    } finally {
      lock.unlock();
    }
  }

  /** The next event, waiting up to {@code timeout}; empty when none came. See {@link #poll()}. */
  public Optional<QuoteEvent> poll(Duration timeout) throws InterruptedException {
    long nanos = Checks.present(timeout, "timeout").toNanos();
    lock.lockInterruptibly();
    try {
      QuoteEvent next;
      while ((next = nextOrNull()) == null) {
        if (nanos <= 0) {
          return Optional.empty();
        }
        nanos = changed.awaitNanos(nanos);
      }
      return Optional.of(next);
    } finally {
      lock.unlock();
    }
  }

  private QuoteEvent nextOrNull() {
    QuoteEvent next = buffer.pollFirst();
    if (next != null) {
      return next;
    }
    if (overflow != null) {
      throw overflow;
    }
    return end;
  }

  /** How many events the {@code DROP_OLDEST} policy has discarded so far. */
  public long dropped() {
    lock.lock();
    try {
      return dropped;
    } finally {
      lock.unlock();
    }
  }

  /** How many events are buffered now. */
  public int size() {
    lock.lock();
    try {
      return buffer.size();
    } finally {
      lock.unlock();
    }
  }

  /** Whether the queue takes no more events (ended or overflowed). */
  public boolean isClosed() {
    lock.lock();
    try {
      return end != null || overflow != null;
    } finally {
      lock.unlock();
    }
  }
}
