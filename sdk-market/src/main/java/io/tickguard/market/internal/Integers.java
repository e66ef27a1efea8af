package io.tickguard.market.internal;

import io.tickguard.core.InvalidResponseException;

/**
 * Narrowing of integers read from the wire. A count, a scale or an id is range-checked before it
 * becomes an {@code int} or a model value: {@code (int) 4294967297L} is 1, and a lot scale of two
 * billion is a number no printer can write. Every refusal names the field.
 */
public final class Integers {
  private Integers() {}

  /** {@code value} when it lies in {@code [min, max]}, else an exception naming {@code field}. */
  public static long inRange(long value, long min, long max, String field) {
    if (value < min || value > max) {
      throw new InvalidResponseException(
          field, "Field " + field + " is " + value + ", outside the accepted range " + min + ".." + max);
    }
    return value;
  }

  /** {@code value} as an {@code int} when it lies in {@code [min, max]} (both within int range). */
  public static int intInRange(long value, int min, int max, String field) {
    return (int) inRange(value, min, max, field);
  }

  /** Whether {@code text} is an optional minus and 1-19 digits whose value fits a {@code long}. */
  public static boolean isLong(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 19) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    if (digits < 19) {
      return true;
    }
    try {
      Long.parseLong(text);
      return true;
    } catch (NumberFormatException overflow) {
      return false;
    }
  }
}
