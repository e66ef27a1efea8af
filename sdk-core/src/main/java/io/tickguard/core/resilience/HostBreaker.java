package io.tickguard.core.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tickguard.core.observe.MetricsListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's Resilience4j breaker, with when it last opened and who hears of its transitions.
 *
 * <p>Transitions are found by reading the breaker's state after each of {@link BoundPolicy}'s calls to
 * it ({@link #noteState}), not through Resilience4j's event publisher: once any consumer is registered
 * there, the breaker builds an event (with a {@code ZonedDateTime.now()}) for every success and error
 * of every call, the common case of a healthy client. The breaker's own timers are off (no automatic
 * open to half-open, no half-open timeout), so its state changes only inside those calls, and each
 * call changes it at most once. Under concurrent calls a state that lasted less than one call (a
 * half-open probe that closed the breaker before the thread that opened the probe window looked) may
 * be reported as the change it ended in.
 */
final class HostBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(HostBreaker.class);

  private final String host;
  private final CircuitBreaker breaker;
  private final Duration waitInOpenState;
  private final int windowSize;
  private final long slowCallMillis;
  private final Clock clock;
  private final List<MetricsListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicReference<CircuitBreaker.State> reported = new AtomicReference<>(CircuitBreaker.State.CLOSED);
  private volatile long openedAtMillis;

  HostBreaker(String host, StandardResiliencePolicy.Settings settings) {
    this.host = host;
    this.waitInOpenState = settings.waitInOpenState();
    this.windowSize = settings.slidingWindowSize();
    this.slowCallMillis = settings.slowCallDuration().toMillis();
    this.clock = settings.clock();
    this.breaker = CircuitBreaker.of("tickguard-" + host, settings.breakerConfig());
  }

  /**
   * Reports a change of the breaker's state since the last report, once (the thread that wins the
   * compare-and-set tells it): logs it, notes when the breaker opened, and tells the listeners.
   * Costs one read when nothing changed.
   */
  void noteState() {
    CircuitBreaker.State now = breaker.getState();
    CircuitBreaker.State before = reported.get();
    if (now == before || !reported.compareAndSet(before, now)) {
      return;
    }
    if (now == CircuitBreaker.State.OPEN) {
      openedAtMillis = clock.millis();
      LOG.warn("Circuit breaker for {} opened: calls fail fast for {} ms", host, waitInOpenState.toMillis());
    } else {
      LOG.info("Circuit breaker for {} is now {}", host, now.name());
    }
    for (MetricsListener l : listeners) {
      l.onCircuitStateChange(host, now.name());
    }
  }

  /**
   * Whether recording a success that took {@code tookMillis} would leave the breaker as it is: it is
   * closed, its count window is full of fast successes, and this one is fast too, so the oldest
   * success would only make room for an equal one. Skipping that record spares every call to a
   * healthy host a write (a compare-and-set and a new node) to the one window all its callers share;
   * it costs reads only. A failure another thread records meanwhile leaves the same window as if this
   * success had been recorded just before it: the oldest success drops out either way.
   */
  boolean successChangesNothing(long tookMillis) {
    if (tookMillis >= slowCallMillis || breaker.getState() != CircuitBreaker.State.CLOSED) {
      return false;
    }
    CircuitBreaker.Metrics window = breaker.getMetrics();
    return window.getNumberOfFailedCalls() == 0 && window.getNumberOfSlowCalls() == 0
        && window.getNumberOfBufferedCalls() >= windowSize;
  }

  void addListener(MetricsListener listener) {
    if (listener != MetricsListener.none() && !listeners.contains(listener)) {
      listeners.add(listener);
    }
  }

  CircuitBreaker breaker() {
    return breaker;
  }

  String host() {
    return host;
  }

  /** How long until an open breaker lets probes through, measured on {@code nowMillis}. */
  Duration untilProbe(long nowMillis) {
    long left = openedAtMillis + waitInOpenState.toMillis() - nowMillis;
    return Duration.ofMillis(Math.max(0, left));
  }
}
