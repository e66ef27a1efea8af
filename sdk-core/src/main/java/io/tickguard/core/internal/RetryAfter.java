package io.tickguard.core.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import okhttp3.Headers;

/**
 * Parses {@code Retry-After} (RFC 9110 section 10.2.3) in both forms: delta-seconds and HTTP-date.
 * An HTTP-date is measured against the response's own {@code Date} header when present, so a skewed
 * local clock does not stretch or cut the wait.
 */
public final class RetryAfter {
  private static final Duration MAX = Duration.ofHours(24);

  private RetryAfter() {}

  /** The wait {@code value} asks for, or empty when absent or unparseable. */
  public static Optional<Duration> parse(Optional<String> value, Headers headers, Clock clock) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String v = value.get().trim();
    if (v.matches("[0-9]{1,9}")) {
      return Optional.of(cap(Duration.ofSeconds(Long.parseLong(v))));
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Date serverNow = headers.getDate("Date");
      long nowMillis = serverNow != null ? serverNow.getTime() : clock.millis();
      long millis = at.toInstant().toEpochMilli() - nowMillis;
      return Optional.of(cap(Duration.ofMillis(Math.max(0, millis))));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Duration cap(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
