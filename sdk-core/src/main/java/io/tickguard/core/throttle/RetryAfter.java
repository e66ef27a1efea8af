package io.tickguard.core.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import okhttp3.Response;

/**
 * Reads {@code Retry-After} (RFC 9110 section 10.2.3) in both of its forms: delta-seconds
 * ({@code 120}) and HTTP-date ({@code Fri, 31 Dec 1999 23:59:59 GMT}).
 */
public final class RetryAfter {
  /** Longer waits are nonsense or hostile; a day bounds what a header can make a client do. */
  static final Duration MAX = Duration.ofDays(1);

  private RetryAfter() {}

  /**
   * How long {@code response} asks the client to wait, if it says so.
   *
   * <p>An HTTP-date is measured against the response's own {@code Date} header when present, so a
   * skewed local clock does not stretch or shrink the wait; otherwise against {@code clock}. A date
   * in the past means no wait. Values are capped at one day.
   */
  public static Optional<Duration> of(Response response, Clock clock) {
    String value = response.header("Retry-After");
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    value = value.trim();
    if (value.matches("[0-9]{1,10}")) {
      return Optional.of(cap(Duration.ofSeconds(Long.parseLong(value))));
    }
    Date date = response.headers().getDate("Retry-After");
    if (date == null) {
      return Optional.empty();
    }
    Date serverNow = response.headers().getDate("Date");
    Instant base = serverNow != null ? serverNow.toInstant() : clock.instant();
    Duration wait = Duration.between(base, date.toInstant());
    return Optional.of(cap(wait.isNegative() ? Duration.ZERO : wait));
  }

  private static Duration cap(Duration d) {
    return d.compareTo(MAX) > 0 ? MAX : d;
  }
}
