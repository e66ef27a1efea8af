package io.tickguard.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** MockWebServer logs through java.util.logging; the sandbox hands those records to SLF4J. */
class ServerLogThroughSlf4jTest {

  @Test
  void mockWebServerRecordsArriveInSlf4jUnderTheirLoggerName() {
    Logger slf4j = (Logger) LoggerFactory.getLogger("mockwebserver3.MockWebServer");
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    slf4j.addAppender(events);
    try (SandboxServer sandbox = SandboxServer.builder().start()) {
      java.util.logging.Logger.getLogger("mockwebserver3.MockWebServer").log(Level.WARNING, "probe {0}", sandbox.baseUrl());

      assertThat(events.list).anyMatch(e -> e.getFormattedMessage().equals("probe " + sandbox.baseUrl())
          && e.getLevel() == ch.qos.logback.classic.Level.WARN);
      assertThat(java.util.logging.Logger.getLogger("mockwebserver3").getUseParentHandlers()).isFalse();
    } finally {
      slf4j.detachAppender(events);
    }
  }
}
