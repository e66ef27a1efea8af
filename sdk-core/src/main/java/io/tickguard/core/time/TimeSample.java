package io.tickguard.core.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One measurement of the server's clock: when the request left (local time), what time the server
 * reported, and when the response arrived (local time).
 *
 * @param sent local time the request was sent
 * @param server the server's time in its response
 * @param received local time the response arrived
 */
public record TimeSample(Instant sent, Instant server, Instant received) {
  public TimeSample {
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(received, "received");
    if (received.isBefore(sent)) {
      throw new IllegalArgumentException("received before sent");
    }
  }

  /**
   * Server time minus local time, assuming the server read its clock half-way through the round
   * trip (the midpoint estimate; its error is at most half the round trip).
   */
  public Duration offset() {
    Instant midpoint = sent.plus(roundTrip().dividedBy(2));
    return Duration.between(midpoint, server);
  }

  /** The round-trip time. */
  public Duration roundTrip() {
    return Duration.between(sent, received);
  }
}
