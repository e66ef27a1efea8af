package io.tickguard.redis.internal;

/** Reads the numbers of usage headers and of the throttle's Redis fields. */
public final class UsageValues {
  private static final int MAX_DIGITS = 15;

  private UsageValues() {}

  /** A non-negative decimal of at most 15 digits (surrounding blanks allowed), else -1. */
  public static long parse(String text) {
    if (text == null) {
      return -1;
    }
    String digits = text.strip();
    if (digits.isEmpty() || digits.length() > MAX_DIGITS) {
      return -1;
    }
    long value = 0;
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * The instant a reset header names: above 10^12 epoch milliseconds, above 10^9 epoch seconds,
   * otherwise seconds from {@code now} (the same reading as the in-process throttle).
   */
  public static long resetAt(long value, long now) {
    if (value > 1_000_000_000_000L) {
      return value;
    }
    return value > 1_000_000_000L ? value * 1000 : now + value * 1000;
  }
}
