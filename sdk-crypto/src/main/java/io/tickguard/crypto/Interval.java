package io.tickguard.crypto;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A candle width. The common widths are constants; a width a provider reports that TickGuard does
 * not know is kept as {@link #unknown(String)} with its raw value, rather than being rounded to a
 * neighbour.
 *
 * @param code the short code, such as {@code 1m} or {@code 1d}; for unknown widths the raw value
 * @param duration the width, or empty for unknown and calendar widths (a month has no fixed length)
 */
public record Interval(String code, Optional<Duration> duration) {
  /** One minute. */
  public static final Interval ONE_MINUTE = known("1m", Duration.ofMinutes(1));
  /** Three minutes. */
  public static final Interval THREE_MINUTES = known("3m", Duration.ofMinutes(3));
  /** Five minutes. */
  public static final Interval FIVE_MINUTES = known("5m", Duration.ofMinutes(5));
  /** Fifteen minutes. */
  public static final Interval FIFTEEN_MINUTES = known("15m", Duration.ofMinutes(15));
  /** Thirty minutes. */
  public static final Interval THIRTY_MINUTES = known("30m", Duration.ofMinutes(30));
  /** One hour. */
  public static final Interval ONE_HOUR = known("1h", Duration.ofHours(1));
  /** Two hours. */
  public static final Interval TWO_HOURS = known("2h", Duration.ofHours(2));
  /** Four hours. */
  public static final Interval FOUR_HOURS = known("4h", Duration.ofHours(4));
  /** Six hours. */
  public static final Interval SIX_HOURS = known("6h", Duration.ofHours(6));
  /** Twelve hours. */
  public static final Interval TWELVE_HOURS = known("12h", Duration.ofHours(12));
  /** One day. */
  public static final Interval ONE_DAY = known("1d", Duration.ofDays(1));
  /** One week. */
  public static final Interval ONE_WEEK = known("1w", Duration.ofDays(7));
  /** One calendar month. */
  public static final Interval ONE_MONTH = new Interval("1M", Optional.empty());

  private static final List<Interval> KNOWN =
      List.of(ONE_MINUTE, THREE_MINUTES, FIVE_MINUTES, FIFTEEN_MINUTES, THIRTY_MINUTES, ONE_HOUR,
          TWO_HOURS, FOUR_HOURS, SIX_HOURS, TWELVE_HOURS, ONE_DAY, ONE_WEEK, ONE_MONTH);

  /** Validates the code and duration. */
  public Interval {
    Checks.text(code, "interval");
    Checks.present(duration, "duration");
    duration.ifPresent(d -> {
      if (d.isNegative() || d.isZero()) {
        throw new InvalidValueException("duration", "must be positive");
      }
    });
  }

  private static Interval known(String code, Duration d) {
    return new Interval(code, Optional.of(d));
  }

  /** The known interval with {@code code} ({@code 1m}, {@code 4h}, {@code 1M}), else an unknown one. */
  public static Interval of(String code) {
    for (Interval i : KNOWN) {
      if (i.code.equals(code)) {
        return i;
      }
    }
    return unknown(code);
  }

  /** The known interval as long as {@code width}, if there is one. */
  public static Optional<Interval> ofDuration(Duration width) {
    return KNOWN.stream().filter(i -> i.duration.equals(Optional.of(width))).findFirst();
  }

  /** A width TickGuard does not know, kept with the provider's raw value. */
  public static Interval unknown(String raw) {
    return new Interval(raw, Optional.empty());
  }

  /** Whether this is one of the constants. */
  public boolean isKnown() {
    return KNOWN.contains(this);
  }

  @Override
  public String toString() {
    return isKnown() ? code : "UNKNOWN(" + code + ")";
  }
}
