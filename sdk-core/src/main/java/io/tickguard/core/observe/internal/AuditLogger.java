package io.tickguard.core.observe.internal;

import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.StreamConnectionEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * Writes one structured event per attempt to the SLF4J logger {@code io.tickguard.audit}: endpoint,
 * method, host, path template, status, latency, attempt, throttle wait and request id, as key/value
 * pairs. Successful attempts log at DEBUG, failures and error statuses at INFO, so a production log
 * at INFO shows only what went wrong. Stream connection events (connect, failed connect,
 * disconnect) are rare and each one matters: they log at INFO.
 *
 * <p>The event holds no parameter values, headers or bodies: nothing in it can be a secret.
 */
public final class AuditLogger {
  /** The logger name; route or silence it in your logging configuration. */
  public static final String LOGGER_NAME = "io.tickguard.audit";

  private final Logger log;

  public AuditLogger() {
    this(LoggerFactory.getLogger(LOGGER_NAME));
  }

  AuditLogger(Logger log) {
    this.log = log;
  }

  /**
   * Whether {@link #log(AttemptEvent)} would write an event with this {@code status} and failure (the
   * level check alone), so that a caller with no other use for the event need not build it.
   */
  public boolean logs(int status, boolean failure) {
    return log.isEnabledForLevel(levelOf(status, failure));
  }

  private static Level levelOf(int status, boolean failure) {
    return failure || status >= 400 || status == 0 ? Level.INFO : Level.DEBUG;
  }

  /** Logs {@code event}. */
  public void log(AttemptEvent event) {
    Level level = levelOf(event.status(), event.failure().isPresent());
    if (!log.isEnabledForLevel(level)) {
      return;
    }
    log.atLevel(level)
        .addKeyValue("endpoint", event.endpoint())
        .addKeyValue("method", event.method())
        .addKeyValue("host", event.host())
        .addKeyValue("path", event.pathTemplate())
        .addKeyValue("status", event.status())
        .addKeyValue("latencyMs", event.latency().toMillis())
        .addKeyValue("attempt", event.attempt())
        .addKeyValue("throttleWaitMs", event.throttleWait().toMillis())
        .addKeyValue("requestId", event.requestId().orElse("-"))
        .addKeyValue("failure", event.failure().orElse("-"))
        .log(
            "tickguard {} {} {}{} -> {} in {} ms (attempt {}, throttle wait {} ms, request id {}{})",
            event.endpoint(),
            event.method(),
            event.host(),
            event.pathTemplate(),
            event.status() == 0 ? "no response" : Integer.toString(event.status()),
            event.latency().toMillis(),
            event.attempt(),
            event.throttleWait().toMillis(),
            event.requestId().orElse("-"),
            event.failure().map(f -> ", failure " + f).orElse(""));
  }

  /** Logs {@code event} at INFO. */
  public void log(StreamConnectionEvent event) {
    if (!log.isInfoEnabled()) {
      return;
    }
    log.atInfo()
        .addKeyValue("stream", event.kind().name())
        .addKeyValue("endpoint", event.endpoint())
        .addKeyValue("transport", event.transport())
        .addKeyValue("host", event.host())
        .addKeyValue("path", event.pathTemplate())
        .addKeyValue("connection", event.connection())
        .addKeyValue("status", event.status())
        .addKeyValue("durationMs", event.duration().toMillis())
        .addKeyValue("throttleWaitMs", event.throttleWait().toMillis())
        .addKeyValue("messagesIn", event.messagesIn())
        .addKeyValue("messagesOut", event.messagesOut())
        .addKeyValue("failure", event.failure().orElse("-"))
        .log(
            "tickguard stream {} {} {} {}{} connection {} -> {} after {} ms (throttle wait {} ms, {} in, {} out{})",
            event.kind().name().toLowerCase(java.util.Locale.ROOT),
            event.endpoint(),
            event.transport(),
            event.host(),
            event.pathTemplate(),
            event.connection(),
            event.status() == 0 ? "no response" : Integer.toString(event.status()),
            event.duration().toMillis(),
            event.throttleWait().toMillis(),
            event.messagesIn(),
            event.messagesOut(),
            event.failure().map(f -> ", failure " + f).orElse(""));
  }
}
