package io.tickguard.core.security.internal;

import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.observe.StreamConnectionEvent;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityMonitor;

/**
 * Passes every metrics callback on unchanged and turns a deprecation notice into a {@link
 * SecurityEventKind#DEPRECATION_SEEN} event (the deprecation monitor reports each endpoint once).
 */
public final class SecurityMetricsBridge implements MetricsListener {
  private final MetricsListener metrics;
  private final SecurityMonitor security;

  /** Forwards to {@code metrics} and reports deprecations to {@code security}. */
  public SecurityMetricsBridge(MetricsListener metrics, SecurityMonitor security) {
    this.metrics = metrics;
    this.security = security;
  }

  @Override
  public void onAttempt(AttemptEvent event) {
    metrics.onAttempt(event);
  }

  @Override
  public void onDeprecation(String endpoint, String deprecation, String sunset, String link) {
    try {
      metrics.onDeprecation(endpoint, deprecation, sunset, link);
    } finally {
      security.onEvent(SecurityEvent.of(SecurityEventKind.DEPRECATION_SEEN, security.clock().instant(), "", endpoint, "",
          "the provider deprecates this endpoint" + (sunset.isEmpty() ? "" : "; sunset " + sunset)));
    }
  }

  @Override
  public void onStreamConnection(StreamConnectionEvent event) {
    metrics.onStreamConnection(event);
  }

  @Override
  public void onStreamEventsDropped(String endpoint, long count) {
    metrics.onStreamEventsDropped(endpoint, count);
  }

  @Override
  public void onPinFailure(String host) {
    metrics.onPinFailure(host);
  }

  @Override
  public void onTokenRefresh(boolean success) {
    metrics.onTokenRefresh(success);
  }

  @Override
  public void onCircuitStateChange(String host, String state) {
    metrics.onCircuitStateChange(host, state);
  }
}
