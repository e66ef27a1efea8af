package io.tickguard.market.internal;

import io.tickguard.core.InvalidResponseException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads timestamps from the wire, naming the field when one does not parse or lies outside the
 * range a market-data answer can hold. The range is the Unix epoch up to the end of year 9999:
 * nothing before 1970 was traded electronically, and every conversion (epoch milliseconds, Kraken's
 * decimal seconds, a nonce in microseconds) of an instant in that range fits a {@code long}, so a
 * server that answers 2<sup>63</sup>-1 is refused here instead of overflowing later in a signer.
 */
public final class Times {
  /** The first instant accepted: the Unix epoch. */
  public static final Instant EARLIEST = Instant.EPOCH;
  /** The last instant accepted: 9999-12-31T23:59:59.999999999Z. */
  public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  private static final BigDecimal LATEST_SECONDS = BigDecimal.valueOf(LATEST.getEpochSecond() + 1);

  private Times() {}

  /** Parses {@code 2023-10-26T10:05:30.123Z}-style text. */
  public static Instant iso(String text, String field) {
    Instant t;
    try {
      t = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidResponseException(field, "Field " + field + " is not an ISO-8601 UTC timestamp");
    }
    return inRange(t, field);
  }

  /** {@code seconds} since the epoch, range-checked. */
  public static Instant epochSeconds(long seconds, String field) {
    if (seconds < 0 || seconds > LATEST.getEpochSecond()) {
      throw outOfRange(field, seconds + " seconds");
    }
    return Instant.ofEpochSecond(seconds);
  }

  /** {@link #iso(String, String)}, naming {@code at.field} only when refused. */
  public static Instant iso(String text, JsonPath at, String field) {
    Instant t;
    try {
      t = Instant.parse(text);
    } catch (DateTimeParseException e) {
      return iso(text, at.field(field)); // throws, naming the field
    }
    return inRange(t, at, field);
  }

  /** {@code seconds} since the epoch, range-checked, naming {@code at.field} only when refused. */
  public static Instant epochSeconds(long seconds, JsonPath at, String field) {
    return seconds >= 0 && seconds <= LATEST.getEpochSecond()
        ? Instant.ofEpochSecond(seconds) : epochSeconds(seconds, at.field(field));
  }

  /** Decimal seconds since the epoch, range-checked, naming {@code at.field} only when refused. */
  public static Instant epochSeconds(BigDecimal seconds, JsonPath at, String field) {
    return seconds.signum() >= 0 && seconds.compareTo(LATEST_SECONDS) < 0
        ? epochSeconds(seconds, "") : epochSeconds(seconds, at.field(field));
  }

  /** {@code millis} since the epoch, range-checked, naming {@code at.field} only when refused. */
  public static Instant epochMillis(long millis, JsonPath at, String field) {
    return millis >= 0 && millis / 1000 <= LATEST.getEpochSecond()
        ? Instant.ofEpochMilli(millis) : epochMillis(millis, at.field(field));
  }

  /** {@code millis} since the epoch, range-checked. */
  public static Instant epochMillis(long millis, String field) {
    if (millis < 0 || millis / 1000 > LATEST.getEpochSecond()) {
      throw outOfRange(field, millis + " milliseconds");
    }
    return Instant.ofEpochMilli(millis);
  }

  /**
   * Decimal seconds since the epoch ({@code 1548111751.5556}, Kraken's trade times), kept to the
   * nanosecond. A value beyond the range is refused before any narrowing, so {@code 2^64 + 1} is
   * not read back as a date in 1970.
   */
  public static Instant epochSeconds(BigDecimal seconds, String field) {
    if (seconds.signum() < 0 || seconds.compareTo(LATEST_SECONDS) >= 0) {
      throw outOfRange(field, "a value of " + Math.max(0, seconds.precision() - seconds.scale()) + " integer digits");
    }
    long whole = seconds.longValue(); // exact: the range check above bounds it
    int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue(); // in [0, 1e9)
    return Instant.ofEpochSecond(whole, nanos);
  }

  /** {@code t} when it lies in the range, naming {@code at.field} only when refused. */
  public static Instant inRange(Instant t, JsonPath at, String field) {
    return t.isBefore(EARLIEST) || t.isAfter(LATEST) ? inRange(t, at.field(field)) : t;
  }

  /** {@code t} when it lies in [{@link #EARLIEST}, {@link #LATEST}]. */
  public static Instant inRange(Instant t, String field) {
    if (t.isBefore(EARLIEST) || t.isAfter(LATEST)) {
      throw outOfRange(field, t.toString());
    }
    return t;
  }

  private static InvalidResponseException outOfRange(String field, String what) {
    return new InvalidResponseException(
        field, "Field " + field + " (" + what + ") is outside 1970-01-01..9999-12-31; refusing a time the provider cannot mean");
  }
}
