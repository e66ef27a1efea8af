package io.tickguard.core.internal.stream;

import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.observe.StreamConnectionEvent;
import io.tickguard.core.observe.internal.AuditLogger;
import io.tickguard.core.stream.StreamSpec;
import java.time.Duration;

/** The Observe stage of a stream: one audit and metrics event per connect and per disconnect. */
final class StreamAudit {
  private final AuditLogger audit;
  private final MetricsListener metrics;
  private final String endpoint;
  private final String transport;
  private final String host;
  private final String pathTemplate;

  StreamAudit(AuditLogger audit, MetricsListener metrics, StreamSpec<?> spec, String host) {
    this.audit = audit;
    this.metrics = metrics;
    this.endpoint = spec.connect().endpoint().name();
    this.transport = spec.kind().name();
    this.host = host;
    this.pathTemplate = spec.connect().endpoint().pathTemplate();
  }

  void connected(int connection, int status, Duration took, Duration throttleWait) {
    record(new StreamConnectionEvent(StreamConnectionEvent.Kind.CONNECTED, endpoint, transport, host, pathTemplate,
        connection, status, took, throttleWait, 0, 0, null));
  }

  void connectFailed(int connection, Duration took, Throwable failure) {
    int status = failure instanceof io.tickguard.core.TickGuardException t ? t.httpStatus().orElse(0) : 0;
    record(new StreamConnectionEvent(StreamConnectionEvent.Kind.CONNECT_FAILED, endpoint, transport, host,
        pathTemplate, connection, status, took, Duration.ZERO, 0, 0, failure.getClass().getSimpleName()));
  }

  void disconnected(int connection, int status, Duration open, long in, long out, Throwable failure) {
    record(new StreamConnectionEvent(StreamConnectionEvent.Kind.DISCONNECTED, endpoint, transport, host,
        pathTemplate, connection, status, open, Duration.ZERO, in, out,
        failure == null ? null : failure.getClass().getSimpleName()));
  }

  void dropped() {
    try {
      metrics.onStreamEventsDropped(endpoint, 1);
    } catch (RuntimeException e) {
      // A broken metrics listener must not fail the stream it observes.
    }
  }

  private void record(StreamConnectionEvent event) {
    audit.log(event);
    try {
      metrics.onStreamConnection(event);
    } catch (RuntimeException e) {
      // A broken metrics listener must not fail the stream it observes.
    }
  }
}
