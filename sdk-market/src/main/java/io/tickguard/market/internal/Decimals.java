package io.tickguard.market.internal;

import io.tickguard.core.InvalidResponseException;
import java.math.BigDecimal;

/**
 * Reads prices and sizes exactly as the wire wrote them. Only plain decimal notation is accepted:
 * an exponent ({@code "1e400"}) would let a short string expand into a number of hundreds of digits,
 * and no provider writes prices that way.
 *
 * <p>The check is a hand-written scan over characters, not a regular expression: it runs for every
 * value of 5,000-level books and must not allocate.
 */
public final class Decimals {
  /** The longest decimal text accepted, the same cap the strict JSON mapper puts on numbers. */
  public static final int MAX_LENGTH = 100;

  private Decimals() {}

  /** Parses {@code text} of {@code field}, or throws an {@link InvalidResponseException} naming it. */
  public static BigDecimal parse(String text, String field) {
    if (text == null) {
      throw new InvalidResponseException(field, "Field " + field + " is missing; expected a decimal number");
    }
    BigDecimal d = parseOrNull(text.toCharArray(), 0, text.length());
    if (d == null) {
      throw invalid(text, field);
    }
    return d;
  }

  /** The decimal {@code text}, or {@code null} when it is not plain decimal notation. */
  public static BigDecimal parseOrNull(String text) {
    return text.length() > MAX_LENGTH ? null : parseOrNull(text.toCharArray(), 0, text.length());
  }

  /** The decimal in {@code buf[off, off+len)}, or {@code null} when it is not plain decimal notation. */
  public static BigDecimal parseOrNull(char[] buf, int off, int len) {
    if (len <= 0 || len > MAX_LENGTH) {
      return null;
    }
    // Fast path: up to 18 digits fit a long, and valueOf(unscaled, scale) keeps the wire's scale
    // exactly ("0.10000000" has scale 8) without BigDecimal's general-purpose char parser.
    int i = off;
    int end = off + len;
    boolean negative = buf[i] == '-';
    if (negative) {
      i++;
    }
    long unscaled = 0;
    int intDigits = 0;
    while (i < end && buf[i] >= '0' && buf[i] <= '9') {
      unscaled = unscaled * 10 + (buf[i] - '0');
      i++;
      intDigits++;
    }
    if (intDigits == 0) {
      return null;
    }
    int digits = intDigits;
    int scale = 0;
    if (i < end) {
      if (buf[i] != '.') {
        return null;
      }
      i++;
      while (i < end && buf[i] >= '0' && buf[i] <= '9') {
        unscaled = unscaled * 10 + (buf[i] - '0');
        i++;
        scale++;
      }
      if (scale == 0 || i != end) {
        return null;
      }
      digits += scale;
    }
    if (digits > 18) {
      return new BigDecimal(buf, off, len); // already known to be plain; may not fit a long
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
  }

  /** The exception for {@code text} that failed {@link #parseOrNull}; it never echoes a long value. */
  public static InvalidResponseException invalid(String text, String field) {
    if (text.length() > MAX_LENGTH) {
      return new InvalidResponseException(
          field, "Field " + field + " is " + text.length() + " characters long; decimals are capped at " + MAX_LENGTH);
    }
    return new InvalidResponseException(
        field, "Field " + field + " is not a plain decimal number (digits, one optional '.', no exponent)");
  }
}
