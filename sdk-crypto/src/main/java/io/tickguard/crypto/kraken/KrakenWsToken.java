package io.tickguard.crypto.kraken;

import io.tickguard.core.auth.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Kraken WebSocket authentication token from REST {@code POST /0/private/GetWebSocketsToken}: the
 * token itself (a {@link Secret}, never shown by {@link #toString()}), when this client received it
 * on its own clock, and how long Kraken lets it be used to establish a connection ({@code expires},
 * 900 seconds today). Once a subscription with it is accepted, Kraken keeps that subscription alive
 * for as long as the connection lasts; a new connection needs a token still inside its window.
 */
public final class KrakenWsToken {
  private final Secret token;
  private final Instant receivedAt;
  private final Duration validFor;

  /**
   * A token received at {@code receivedAt} (the client's clock) that may establish a connection for
   * {@code validFor} after it.
   */
  public KrakenWsToken(Secret token, Instant receivedAt, Duration validFor) {
    this.token = Objects.requireNonNull(token, "token");
    this.receivedAt = Objects.requireNonNull(receivedAt, "receivedAt");
    this.validFor = Objects.requireNonNull(validFor, "validFor");
    if (validFor.isNegative() || validFor.isZero()) {
      throw new IllegalArgumentException("validFor must be positive, was " + validFor);
    }
  }

  /** The token; put it only in a subscribe or unsubscribe message, never in a log. */
  public Secret token() {
    return token;
  }

  /** When this client received the token, on its own clock. */
  public Instant receivedAt() {
    return receivedAt;
  }

  /** How long after {@link #receivedAt()} the token may establish a connection (Kraken's {@code expires}). */
  public Duration validFor() {
    return validFor;
  }

  /** The last instant, on the client's clock, at which the token may establish a connection. */
  public Instant connectBy() {
    return receivedAt.plus(validFor);
  }

  /**
   * Whether the token can still establish a connection at {@code now} with {@code margin} to spare
   * (for the round trip and a clock that runs a little behind Kraken's).
   */
  public boolean usableAt(Instant now, Duration margin) {
    return now.plus(margin).isBefore(connectBy());
  }

  /** Shows the times, never the token. */
  @Override
  public String toString() {
    return "KrakenWsToken[token=" + token + ", receivedAt=" + receivedAt + ", validFor=" + validFor + "]";
  }
}
