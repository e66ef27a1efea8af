package io.tickguard.forex.saxo;

import io.tickguard.core.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SaxoClient#streamQuotes} judges and reads its connection: the liveness bound (Saxo
 * sends {@code _heartbeat} on a quiet subscription; a connection with no message for {@code
 * missedHeartbeats} intervals is replaced), the largest frame payload accepted, and the refresh rate
 * asked of Saxo. Reconnects follow the stream's {@link io.tickguard.forex.QuoteStreamOptions#reconnect()}.
 *
 * @param heartbeatInterval the interval within which a live connection sends something
 * @param missedHeartbeats intervals without any message after which the connection is replaced
 * @param maxPayloadBytes the largest frame payload accepted
 * @param refreshRateMillis the InfoPrice subscription's {@code RefreshRate}
 */
public record SaxoStreamSettings(Duration heartbeatInterval, int missedHeartbeats, int maxPayloadBytes, int refreshRateMillis) {

  /** Validates the settings. */
  public SaxoStreamSettings {
    Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
    if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
      throw new InvalidRequestException("heartbeatInterval", "must be positive, was " + heartbeatInterval);
    }
    if (missedHeartbeats < 1) {
      throw new InvalidRequestException("missedHeartbeats", "must be at least 1, was " + missedHeartbeats);
    }
    if (maxPayloadBytes < 1024) {
      throw new InvalidRequestException("maxPayloadBytes", "must be at least 1024");
    }
    if (refreshRateMillis < 0) {
      throw new InvalidRequestException("refreshRateMillis", "must not be negative");
    }
  }

  /**
   * A 30 s heartbeat interval with 2 missed (a connection silent for a minute is replaced), 1 MiB
   * frames, Saxo's default 1 s refresh. The interval is this client's liveness bound, not a figure
   * Saxo publishes.
   */
  public static SaxoStreamSettings defaults() {
    return new SaxoStreamSettings(Duration.ofSeconds(30), 2, 1 << 20, 1000);
  }

  /** A copy with another liveness bound. */
  public SaxoStreamSettings withHeartbeat(Duration interval, int missed) {
    return new SaxoStreamSettings(interval, missed, maxPayloadBytes, refreshRateMillis);
  }
}
