package io.tickguard.core.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tickguard.core.observe.MetricsListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One host's Resilience4j breaker, with when it last opened and who hears of its transitions. */
final class HostBreaker {
  private static final Logger LOG = LoggerFactory.getLogger(HostBreaker.class);

  private final String host;
  private final CircuitBreaker breaker;
  private final Duration waitInOpenState;
  private final List<MetricsListener> listeners = new CopyOnWriteArrayList<>();
  private volatile long openedAtMillis;

  HostBreaker(String host, StandardResiliencePolicy.Settings settings) {
    this.host = host;
    this.waitInOpenState = settings.waitInOpenState();
    this.breaker = CircuitBreaker.of("tickguard-" + host, settings.breakerConfig());
    breaker.getEventPublisher().onStateTransition(e -> {
      String to = e.getStateTransition().getToState().name();
      if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
        openedAtMillis = settings.clock().millis();
        LOG.warn("Circuit breaker for {} opened: calls fail fast for {} ms", host, waitInOpenState.toMillis());
      } else {
        LOG.info("Circuit breaker for {} is now {}", host, to);
      }
      for (MetricsListener l : listeners) {
        l.onCircuitStateChange(host, to);
      }
    });
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
