package io.tickguard.testkit.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The server-ping rule of the sandbox: ping when answered, wait a minute for a pong, then close. */
class StreamSessionsPingTest {
  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final StreamSessions.Session session = new StreamSessions.Session(null, T0, 1);

  @Test
  void aSessionThatAnsweredEveryPingGetsTheNextOne() {
    assertThat(session.nextPing(T0, 0, MINUTE)).isEqualTo(StreamSessions.PingAction.SEND);
    assertThat(session.nextPing(T0.plusSeconds(20), 1, MINUTE)).isEqualTo(StreamSessions.PingAction.SEND);
    assertThat(session.pingsSent()).isEqualTo(2);
  }

  @Test
  void anUnansweredPingIsWaitedForUntilTheTimeoutThenTheSessionIsClosed() {
    session.nextPing(T0, 0, MINUTE);

    assertThat(session.nextPing(T0.plusSeconds(20), 0, MINUTE)).isEqualTo(StreamSessions.PingAction.WAIT);
    assertThat(session.nextPing(T0.plusSeconds(59), 0, MINUTE)).isEqualTo(StreamSessions.PingAction.WAIT);
    assertThat(session.nextPing(T0.plusSeconds(60), 0, MINUTE)).isEqualTo(StreamSessions.PingAction.CLOSE);
    assertThat(session.pingsSent()).as("no second ping while one is unanswered").isEqualTo(1);
  }

  @Test
  void aLatePongBeforeTheTimeoutKeepsTheSession() {
    session.nextPing(T0, 0, MINUTE);
    assertThat(session.nextPing(T0.plusSeconds(40), 0, MINUTE)).isEqualTo(StreamSessions.PingAction.WAIT);

    assertThat(session.nextPing(T0.plusSeconds(60), 1, MINUTE)).isEqualTo(StreamSessions.PingAction.SEND);
  }
}
