package io.tickguard.forex;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import java.time.Duration;
import java.time.Instant;

/**
 * A stretch of time in which a quote stream may have missed quotes, after which it delivered again:
 * its connection was dead (dropped, silent past the allowed missed heartbeats, or closed by the
 * provider) and a new one took over, or the provider reset the subscription on an open connection
 * and it was made again. Quotes that changed during the gap may not have been seen: a consumer that
 * needs them asks the REST API for the current quotes after a gap.
 *
 * @param lastMessage when the last message (price or heartbeat) before the gap arrived, or when the
 *     connection opened if it delivered nothing
 * @param resumed when the stream delivered again (the new connection opened or sent its first line,
 *     or the subscription was made again)
 * @param connection the number of the connection that resumed (2 for the first reconnect; for
 *     {@link Cause#SUBSCRIPTION_RESET}, the connection that stayed open)
 * @param cause why the gap happened
 */
public record StreamGap(Instant lastMessage, Instant resumed, int connection, Cause cause) {

  /** Why a stream had a gap. */
  public enum Cause {
    /** The connection dropped or went silent and a new connection replaced it. */
    CONNECTION_LOST,
    /** The provider told the client to disconnect (Saxo's {@code _disconnect}) and it reconnected. */
    PROVIDER_DISCONNECT,
    /** The provider reset the subscription (Saxo's {@code _resetsubscriptions}); it was made again. */
    SUBSCRIPTION_RESET
  }

  /**
   * Validates every field, {@code lastMessage <= resumed}, and a connection number of at least 2
   * after a reconnect (at least 1 after a subscription reset).
   */
  public StreamGap {
    Checks.present(lastMessage, "lastMessage");
    Checks.present(resumed, "resumed");
    Checks.present(cause, "cause");
    if (resumed.isBefore(lastMessage)) {
      throw new InvalidValueException("resumed", "(" + resumed + ") must not precede lastMessage (" + lastMessage + ")");
    }
    int least = cause == Cause.SUBSCRIPTION_RESET ? 1 : 2;
    if (connection < least) {
      throw new InvalidValueException("connection", "a gap caused by " + cause + " is resumed on connection " + least
          + " or later; was " + connection);
    }
  }

  /** A gap after a lost connection ({@link Cause#CONNECTION_LOST}). */
  public StreamGap(Instant lastMessage, Instant resumed, int connection) {
    this(lastMessage, resumed, connection, Cause.CONNECTION_LOST);
  }

  /** How long nothing arrived. */
  public Duration length() {
    return Duration.between(lastMessage, resumed);
  }
}
