package io.tickguard.crypto.internal;

import io.tickguard.core.InvalidResponseException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads prices and sizes exactly as the wire wrote them. Only plain decimal notation is accepted:
 * an exponent ({@code "1e400"}) would let a short string expand into a number of hundreds of digits,
 * and no provider writes prices that way.
 */
public final class Decimals {
  /** The longest decimal text accepted, the same cap the strict JSON mapper puts on numbers. */
  public static final int MAX_LENGTH = 100;

  private static final Pattern PLAIN = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");

  private Decimals() {}

  /** Parses {@code text} of {@code field}, or throws an {@link InvalidResponseException} naming it. */
  public static BigDecimal parse(String text, String field) {
    if (text == null) {
      throw new InvalidResponseException(field, "Field " + field + " is missing; expected a decimal number");
    }
    if (text.length() > MAX_LENGTH) {
      throw new InvalidResponseException(
          field, "Field " + field + " is " + text.length() + " characters long; decimals are capped at " + MAX_LENGTH);
    }
    if (!PLAIN.matcher(text).matches()) {
      throw new InvalidResponseException(
          field, "Field " + field + " is not a plain decimal number (digits, one optional '.', no exponent)");
    }
    return new BigDecimal(text);
  }
}
