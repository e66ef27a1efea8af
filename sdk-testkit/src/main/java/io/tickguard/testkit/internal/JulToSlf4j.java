package io.tickguard.testkit.internal;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends MockWebServer's {@code java.util.logging} records to SLF4J under the same logger names
 * ({@code mockwebserver3.MockWebServer}), so the sandbox's server log follows the user's logging
 * configuration instead of printing to the console. A dozen lines instead of a dependency on
 * {@code jul-to-slf4j}, which would reroute every JUL logger of the user's process.
 */
public final class JulToSlf4j extends Handler {
  /** Held strongly: JUL keeps loggers weakly, and a collected logger would forget this handler. */
  private static final java.util.logging.Logger MOCKWEBSERVER = java.util.logging.Logger.getLogger("mockwebserver3");

  private final Formatter formatter = new SimpleFormatter();

  private JulToSlf4j() {}

  /** Routes the {@code mockwebserver3} loggers to SLF4J; idempotent. */
  public static void routeMockWebServer() {
    synchronized (MOCKWEBSERVER) {
      for (Handler h : MOCKWEBSERVER.getHandlers()) {
        if (h instanceof JulToSlf4j) {
          return;
        }
      }
      MOCKWEBSERVER.addHandler(new JulToSlf4j());
      MOCKWEBSERVER.setUseParentHandlers(false);
    }
  }

  @Override
  public void publish(LogRecord record) {
    Logger logger = LoggerFactory.getLogger(record.getLoggerName() == null ? "mockwebserver3" : record.getLoggerName());
    int level = record.getLevel().intValue();
    String message = formatter.formatMessage(record);
    Throwable thrown = record.getThrown();
    if (level >= Level.SEVERE.intValue()) {
      logger.error(message, thrown);
    } else if (level >= Level.WARNING.intValue()) {
      logger.warn(message, thrown);
    } else if (level >= Level.INFO.intValue()) {
      logger.info(message, thrown);
    } else if (level >= Level.FINE.intValue()) {
      logger.debug(message, thrown);
    } else {
      logger.trace(message, thrown);
    }
  }

  @Override
  public void flush() {
    // SLF4J bindings flush themselves.
  }

  @Override
  public void close() {
    // Nothing held.
  }
}
