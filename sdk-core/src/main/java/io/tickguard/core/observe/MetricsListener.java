package io.tickguard.core.observe;

/**
 * Receives what the pipeline observes, for metrics. Every method has an empty default, so an
 * implementation overrides only what it records. Methods are called on the calling thread and must
 * be fast and must not throw.
 */
public interface MetricsListener {

  /** One attempt finished (answered, failed or refused by the throttle). */
  default void onAttempt(AttemptEvent event) {}

  /**
   * The provider announced through {@code Deprecation}/{@code Sunset} that an endpoint goes away;
   * called once per endpoint by the pipeline's deprecation monitor. Dates are ISO-8601 instants; a part the
   * provider did not send is the empty string.
   */
  default void onDeprecation(String endpoint, String deprecation, String sunset, String link) {}

  /** A stream connected, failed to connect, or lost or closed a connection. */
  default void onStreamConnection(StreamConnectionEvent event) {}

  /** A stream session dropped {@code count} buffered events under {@code DROP_OLDEST} backpressure. */
  default void onStreamEventsDropped(String endpoint, long count) {}

  /** A certificate pin check failed for {@code host}. */
  default void onPinFailure(String host) {}

  /** A token refresh was made; {@code success} says how it ended. */
  default void onTokenRefresh(boolean success) {}

  /** The circuit breaker of {@code host} changed state (CLOSED, OPEN, HALF_OPEN, ...). */
  default void onCircuitStateChange(String host, String state) {}

  /** A listener that records nothing. */
  static MetricsListener none() {
    return NoMetrics.INSTANCE;
  }

  /** The listener that records nothing. */
  enum NoMetrics implements MetricsListener {
    INSTANCE
  }
}
