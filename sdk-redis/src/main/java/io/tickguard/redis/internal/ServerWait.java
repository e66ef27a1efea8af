package io.tickguard.redis.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Optional;
import okhttp3.Response;

/**
 * How long the provider asked the fleet to wait: {@code Retry-After} as delta-seconds or as an
 * HTTP-date (RFC 9110 section 10.2.3), the date measured against the response's own {@code Date}
 * when it has one. Never more than a day; empty when absent or unreadable.
 */
public final class ServerWait {
  private static final long MAX_SECONDS = Duration.ofDays(1).toSeconds();

  private ServerWait() {}

  /** The wait {@code response} asks for, judged at {@code nowMillis} when it carries no Date. */
  public static Optional<Duration> of(Response response, long nowMillis) {
    String value = response.header("Retry-After");
    if (value == null) {
      return Optional.empty();
    }
    long seconds = UsageValues.parse(value);
    if (seconds >= 0) {
      return Optional.of(Duration.ofSeconds(Math.min(seconds, MAX_SECONDS)));
    }
    try {
      Instant at = DateTimeFormatter.RFC_1123_DATE_TIME.parse(value.trim(), Instant::from);
      Date date = response.headers().getDate("Date");
      long base = date == null ? nowMillis : date.getTime();
      long millis = Math.max(0, Math.min(at.toEpochMilli() - base, MAX_SECONDS * 1000));
      return Optional.of(Duration.ofMillis(millis));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
