package io.tickguard.core.observe;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The facts of one stream connection event, as the audit log and metrics see them: one {@link
 * Kind#CONNECTED} or {@link Kind#CONNECT_FAILED} per connect, one {@link Kind#DISCONNECTED} when an
 * open connection ends. Like {@link AttemptEvent} it holds no parameter values, headers or messages.
 *
 * @param kind what happened
 * @param endpoint the connect endpoint's name
 * @param transport {@code NDJSON} or {@code WEBSOCKET}
 * @param host the stream host
 * @param pathTemplate the connect endpoint's path template
 * @param connection the connection number within its session, starting at 1
 * @param status the HTTP status of the connect (101 for a WebSocket upgrade), or 0 without a response
 * @param duration connect: time to open; disconnect: how long the connection was open
 * @param throttleWait time the connect waited for the stream's connect limit
 * @param messagesIn messages received on the connection (0 for a connect)
 * @param messagesOut messages sent on the connection (0 for a connect)
 * @param failureValue the failure's simple class name, or {@code null}
 */
public record StreamConnectionEvent(
    Kind kind,
    String endpoint,
    String transport,
    String host,
    String pathTemplate,
    int connection,
    int status,
    Duration duration,
    Duration throttleWait,
    long messagesIn,
    long messagesOut,
    String failureValue) {

  /** What happened to the connection. */
  public enum Kind {
    /** A connection opened. */
    CONNECTED,
    /** A connect failed (refused, throttled, TLS, HTTP error). */
    CONNECT_FAILED,
    /** An open connection ended (closed by the session, lost, idle or refused a message). */
    DISCONNECTED
  }

  /** Checks the required parts. */
  public StreamConnectionEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(transport, "transport");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(throttleWait, "throttleWait");
  }

  /** The failure's simple class name, if the event is a failure. */
  public Optional<String> failure() {
    return Optional.ofNullable(failureValue);
  }
}
