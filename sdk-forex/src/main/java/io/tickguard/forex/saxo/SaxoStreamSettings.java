package io.tickguard.forex.saxo;

import io.tickguard.core.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;

/**
 * How {@link SaxoClient#streamQuotes} keeps its connection: reconnect attempts and backoff after a
 * lost connection, the WebSocket ping that detects a dead one, the largest frame accepted and the
 * refresh rate asked of Saxo.
 *
 * @param maxReconnectAttempts attempts in a row before the stream gives up and ends with the cause
 * @param initialBackoff wait before the first reconnect; doubles per attempt, with full jitter
 * @param maxBackoff the longest wait between attempts
 * @param pingInterval WebSocket ping interval; a missed pong fails the connection, which reconnects
 * @param maxPayloadBytes the largest frame payload accepted
 * @param refreshRateMillis the InfoPrice subscription's {@code RefreshRate}
 */
public record SaxoStreamSettings(
    int maxReconnectAttempts, Duration initialBackoff, Duration maxBackoff, Duration pingInterval,
    int maxPayloadBytes, int refreshRateMillis) {

  /** Validates the settings. */
  public SaxoStreamSettings {
    if (maxReconnectAttempts < 0) {
      throw new InvalidRequestException("maxReconnectAttempts", "must not be negative");
    }
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(pingInterval, "pingInterval");
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new InvalidRequestException("maxBackoff", "backoffs must be non-negative and maxBackoff >= initialBackoff");
    }
    if (maxPayloadBytes < 1024) {
      throw new InvalidRequestException("maxPayloadBytes", "must be at least 1024");
    }
    if (refreshRateMillis < 0) {
      throw new InvalidRequestException("refreshRateMillis", "must not be negative");
    }
  }

  /** 10 attempts from 1 s to 30 s, a ping every 20 s, 1 MiB frames, Saxo's default 1 s refresh. */
  public static SaxoStreamSettings defaults() {
    return new SaxoStreamSettings(10, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(20), 1 << 20, 1000);
  }

  /** A copy with other backoffs. */
  public SaxoStreamSettings withBackoff(Duration initial, Duration max) {
    return new SaxoStreamSettings(maxReconnectAttempts, initial, max, pingInterval, maxPayloadBytes, refreshRateMillis);
  }
}
