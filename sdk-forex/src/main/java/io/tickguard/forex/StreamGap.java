package io.tickguard.forex;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time in which a quote stream delivered nothing because its connection was dead
 * (dropped, or silent past the allowed missed heartbeats), after which it delivered again on a new
 * connection. Quotes that changed during the gap were not seen: a consumer that needs them asks the
 * REST API for the current quotes after a gap.
 *
 * @param lastMessage when the last line (price or heartbeat) of the dead connection arrived, or when
 *     that connection opened if it delivered nothing
 * @param resumed when the new connection delivered its first line
 * @param connection the number of the connection that resumed (2 for the first reconnect)
 */
public record StreamGap(Instant lastMessage, Instant resumed, int connection) {

  /** Validates every field, {@code lastMessage <= resumed} and a connection number of at least 2. */
  public StreamGap {
    Checks.present(lastMessage, "lastMessage");
    Checks.present(resumed, "resumed");
    if (resumed.isBefore(lastMessage)) {
      throw new InvalidValueException("resumed", "(" + resumed + ") must not precede lastMessage (" + lastMessage + ")");
    }
    if (connection < 2) {
      throw new InvalidValueException("connection", "a gap is resumed by a reconnect, connection 2 or later; was " + connection);
    }
  }

  /** How long nothing arrived. */
  public Duration length() {
    return Duration.between(lastMessage, resumed);
  }
}
