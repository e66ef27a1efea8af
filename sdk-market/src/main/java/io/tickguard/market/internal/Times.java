package io.tickguard.market.internal;

import io.tickguard.core.InvalidResponseException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads timestamps written as ISO-8601 text, naming the field when one does not parse. */
public final class Times {
  private Times() {}

  /** Parses {@code 2023-10-26T10:05:30.123Z}-style text. */
  public static Instant iso(String text, String field) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidResponseException(field, "Field " + field + " is not an ISO-8601 UTC timestamp");
    }
  }
}
