package io.tickguard.forex;

import java.time.Duration;
import java.util.Optional;

/**
 * A candle width. The set is the union of what the forex providers offer; a provider that does not
 * offer a width refuses it with an {@link io.tickguard.core.InvalidRequestException} before sending
 * anything, and never substitutes a neighbour.
 */
public enum Granularity {
  /** 5 seconds. */
  S5(Duration.ofSeconds(5)),
  /** 10 seconds. */
  S10(Duration.ofSeconds(10)),
  /** 15 seconds. */
  S15(Duration.ofSeconds(15)),
  /** 30 seconds. */
  S30(Duration.ofSeconds(30)),
  /** 1 minute. */
  M1(Duration.ofMinutes(1)),
  /** 2 minutes. */
  M2(Duration.ofMinutes(2)),
  /** 4 minutes. */
  M4(Duration.ofMinutes(4)),
  /** 5 minutes. */
  M5(Duration.ofMinutes(5)),
  /** 10 minutes. */
  M10(Duration.ofMinutes(10)),
  /** 15 minutes. */
  M15(Duration.ofMinutes(15)),
  /** 30 minutes. */
  M30(Duration.ofMinutes(30)),
  /** 1 hour. */
  H1(Duration.ofHours(1)),
  /** 2 hours. */
  H2(Duration.ofHours(2)),
  /** 3 hours. */
  H3(Duration.ofHours(3)),
  /** 4 hours. */
  H4(Duration.ofHours(4)),
  /** 5 hours. */
  H5(Duration.ofHours(5)),
  /** 6 hours. */
  H6(Duration.ofHours(6)),
  /** 8 hours. */
  H8(Duration.ofHours(8)),
  /** 12 hours. */
  H12(Duration.ofHours(12)),
  /** 1 day. */
  D1(Duration.ofDays(1)),
  /** 1 week. */
  W1(Duration.ofDays(7)),
  /** 1 calendar month: no fixed length. */
  MN1(null);

  private final Duration duration;

  Granularity(Duration duration) {
    this.duration = duration;
  }

  /** The fixed width, or empty for the calendar month. */
  public Optional<Duration> duration() {
    return Optional.ofNullable(duration);
  }

  /** The granularity exactly {@code width} wide, if there is one. */
  public static Optional<Granularity> ofDuration(Duration width) {
    for (Granularity g : values()) {
      if (g.duration != null && g.duration.equals(width)) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
