package io.tickguard.core.internal.stream;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.StreamSignal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * The bounded buffer between a socket's reader and the consumer. Offering never blocks: when {@code
 * capacity} events wait, {@link Backpressure#DROP_OLDEST} drops the oldest event and counts it,
 * {@link Backpressure#FAIL} refuses the offer (the session then fails). Signals are kept in order
 * with the events but never dropped and never counted against the capacity; in queue mode only the
 * final {@link StreamSignal.Closed} is kept. After {@code Closed}, offers are ignored.
 *
 * @param <E> the event type
 */
final class EventBuffer<E> {
  /** A signal in the buffer, told apart from an event. */
  record SignalItem(StreamSignal signal) {}

  private final int capacity;
  private final Backpressure policy;
  private final boolean signals;
  private final ArrayDeque<Object> items = new ArrayDeque<>();
  private int events;
  private long dropped;
  private boolean ended;

  EventBuffer(int capacity, Backpressure policy, boolean signals) {
    this.capacity = capacity;
    this.policy = policy;
    this.signals = signals;
  }

  /** Outcome of an offer. */
  enum Offer {
    ADDED,
    DROPPED_OLDEST,
    OVERFLOW,
    IGNORED
  }

  synchronized Offer offer(E event) {
    if (ended) {
      return Offer.IGNORED;
    }
    Offer outcome = Offer.ADDED;
    if (events >= capacity) {
      if (policy == Backpressure.FAIL) {
        return Offer.OVERFLOW;
      }
      removeOldestEvent();
      dropped++;
      outcome = Offer.DROPPED_OLDEST;
    }
    items.addLast(event);
    events++;
    notifyAll();
    return outcome;
  }

  private void removeOldestEvent() {
    for (Iterator<Object> it = items.iterator(); it.hasNext(); ) {
      if (!(it.next() instanceof SignalItem)) {
        it.remove();
        events--;
        return;
      }
    }
  }

  synchronized void signal(StreamSignal signal) {
    if (ended) {
      return;
    }
    boolean closed = signal instanceof StreamSignal.Closed;
    if (signals || closed) {
      items.addLast(new SignalItem(signal));
    }
    ended = closed;
    notifyAll();
  }

  /** Drops every buffered event (signals stay). */
  synchronized void clearEvents() {
    items.removeIf(item -> !(item instanceof SignalItem));
    events = 0;
  }

  synchronized long dropped() {
    return dropped;
  }

  /** The next item, waiting for one; an event or a {@link SignalItem}. */
  synchronized Object take() throws InterruptedException {
    while (items.isEmpty()) {
      wait();
    }
    Object item = items.removeFirst();
    if (!(item instanceof SignalItem)) {
      events--;
    }
    return item;
  }

  /**
   * The next event, waiting up to {@code timeout}; empty when none came. Skips signals.
   *
   * @return {@code null} when the buffer ended and holds no more events
   */
  @SuppressWarnings("unchecked")
  synchronized Optional<E> poll(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      while (!items.isEmpty() && items.peekFirst() instanceof SignalItem s
          && !(s.signal() instanceof StreamSignal.Closed)) {
        items.removeFirst();
      }
      if (!items.isEmpty() && !(items.peekFirst() instanceof SignalItem)) {
        events--;
        return Optional.of((E) items.removeFirst());
      }
      if (ended) {
        return null;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }
}
