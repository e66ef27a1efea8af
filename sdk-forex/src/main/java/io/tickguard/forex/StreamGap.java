package io.tickguard.forex;

import io.tickguard.forex.internal.Checks;
import io.tickguard.forex.internal.InvalidValueException;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time in which a quote stream delivered nothing because its connection was dead, and
 * after which it delivered again. Quotes that changed during the gap were not seen: a consumer that
 * needs them asks the REST API for the current quotes after a gap.
 *
 * @param lastMessage when the last line (price or heartbeat) arrived before the gap
 * @param resumed when the reconnected stream delivered its first line
 * @param cause why the connection was declared dead
 * @param attempts how many connection attempts it took to resume, at least 1
 */
public record StreamGap(Instant lastMessage, Instant resumed, Cause cause, int attempts) {

  /** Why a stream's connection was declared dead. */
  public enum Cause {
    /** No line, not even a heartbeat, for longer than the allowed number of heartbeat intervals. */
    MISSED_HEARTBEATS,
    /** The connection failed or was reset. */
    CONNECTION_LOST,
    /** The server ended the response normally, which a stream never should. */
    SERVER_CLOSED
  }

  /** Validates every field and {@code lastMessage <= resumed}. */
  public StreamGap {
    Checks.present(lastMessage, "lastMessage");
    Checks.present(resumed, "resumed");
    Checks.present(cause, "cause");
    if (resumed.isBefore(lastMessage)) {
      throw new InvalidValueException("resumed", "(" + resumed + ") must not precede lastMessage (" + lastMessage + ")");
    }
    if (attempts < 1) {
      throw new InvalidValueException("attempts", "must be at least 1, was " + attempts);
    }
  }

  /** How long nothing arrived. */
  public Duration length() {
    return Duration.between(lastMessage, resumed);
  }
}
