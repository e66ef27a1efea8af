package io.tickguard.forex.saxo;

import io.tickguard.core.TickGuardException;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.StreamClosedException;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteListener;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bounded buffer between a Saxo stream's socket reader and its consumer. {@link #offer} never
 * waits: when the buffer is full, {@link Backpressure#DROP_OLDEST} drops (and counts) the oldest
 * event, {@link Backpressure#FAIL} refuses the event so the stream can fail. The consumer either
 * polls, or, with a listener, a delivery thread of this buffer calls it in order and finally signals
 * {@link StreamSignal.Closed}.
 */
final class SaxoEventBuffer {
  private static final Logger LOG = LoggerFactory.getLogger(SaxoEventBuffer.class);

  private final int capacity;
  private final Backpressure backpressure;
  private final QuoteListener listener; // null in queue mode
  private final ArrayDeque<QuoteEvent> events = new ArrayDeque<>(); // guarded by this
  private long dropped; // guarded by this
  private boolean ended; // guarded by this
  private Optional<TickGuardException> failure = Optional.empty(); // guarded by this

  SaxoEventBuffer(int capacity, Backpressure backpressure, Optional<QuoteListener> listener) {
    this.capacity = capacity;
    this.backpressure = backpressure;
    this.listener = listener.orElse(null);
  }

  /** Starts the delivery thread when a listener receives the events; {@code name} names it. */
  void startDelivery(String name) {
    if (listener == null) {
      return;
    }
    Thread t = new Thread(this::deliverAll, name);
    t.setDaemon(true);
    t.start();
  }

  int capacity() {
    return capacity;
  }

  /** Buffers {@code event}; {@code false} only when the buffer is full under {@link Backpressure#FAIL}. */
  synchronized boolean offer(QuoteEvent event) {
    if (ended) {
      return true; // the stream is over; nothing more is delivered
    }
    if (events.size() >= capacity) {
      if (backpressure == Backpressure.FAIL) {
        return false;
      }
      events.pollFirst();
      dropped++;
    }
    events.addLast(event);
    notifyAll();
    return true;
  }

  /** No more events: the consumer takes what is buffered, then learns the stream ended. */
  synchronized void end(Optional<TickGuardException> cause) {
    if (!ended) {
      ended = true;
      failure = cause;
      notifyAll();
    }
  }

  synchronized long dropped() {
    return dropped;
  }

  synchronized Optional<TickGuardException> failure() {
    return failure;
  }

  /** The next event within {@code timeout} (queue mode). */
  Optional<QuoteEvent> poll(Duration timeout) {
    if (listener != null) {
      throw new IllegalStateException("This stream delivers to its QuoteListener; poll() is for streams opened without one");
    }
    try {
      return take(timeout.toNanos());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StreamClosedException("Interrupted while waiting for the Saxo stream's next event");
    }
  }

  private synchronized Optional<QuoteEvent> take(long timeoutNanos) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutNanos;
    while (events.isEmpty()) {
      if (ended) {
        throw new StreamClosedException(failure.map(f -> "The Saxo stream failed (" + f.getClass().getSimpleName()
            + "); see failure()").orElse("The Saxo stream was closed"));
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return Optional.empty();
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return Optional.of(events.pollFirst());
  }

  private void deliverAll() {
    while (true) {
      QuoteEvent next;
      Optional<TickGuardException> cause;
      synchronized (this) {
        while (events.isEmpty() && !ended) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        next = events.pollFirst();
        cause = failure;
      }
      if (next == null) {
        signalClosed(cause);
        return;
      }
      try {
        listener.onEvent(next);
      } catch (RuntimeException e) {
        LOG.warn("A QuoteListener threw {}; the Saxo stream goes on", e.getClass().getSimpleName());
      }
    }
  }

  private void signalClosed(Optional<TickGuardException> cause) {
    try {
      listener.onSignal(new StreamSignal.Closed(cause));
    } catch (RuntimeException e) {
      LOG.warn("A QuoteListener threw {} on the end of its Saxo stream", e.getClass().getSimpleName());
    }
  }
}
