package io.tickguard.core.security.internal;

import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** Writes each security event as one WARN or ERROR line with key/value pairs. */
public final class LoggingSecurityListener implements SecurityEventListener {
  /** The logger name; route it to your alerting in your logging configuration. */
  public static final String LOGGER_NAME = "io.tickguard.security";

  /** The shared instance (it holds no state). */
  public static final LoggingSecurityListener INSTANCE = new LoggingSecurityListener(LoggerFactory.getLogger(LOGGER_NAME));

  private final Logger log;

  LoggingSecurityListener(Logger log) {
    this.log = log;
  }

  @Override
  public void onEvent(SecurityEvent e) {
    Level level = e.severe() ? Level.ERROR : Level.WARN;
    log.atLevel(level)
        .addKeyValue("kind", e.kind())
        .addKeyValue("cause", e.cause())
        .addKeyValue("host", e.host())
        .addKeyValue("endpoint", e.endpoint())
        .addKeyValue("code", e.code())
        .log("TickGuard security event {} on {} {}: {}", e.kind(), e.host(), e.endpoint(), e.detail());
  }
}
