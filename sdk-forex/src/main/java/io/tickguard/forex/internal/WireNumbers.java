package io.tickguard.forex.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.internal.JsonPath;

/** Range-checked narrowing of wire numbers, so no {@code ArithmeticException} escapes a decoder. */
public final class WireNumbers {
  private WireNumbers() {}

  /** {@code value} as an int when it lies in {@code [min, max]}, else an error naming {@code path}. */
  public static int intIn(long value, int min, int max, String path) {
    if (value < min || value > max) {
      throw new InvalidResponseException(path, "Field " + path + " must be between " + min + " and " + max + ", was " + value);
    }
    return (int) value;
  }

  /** {@link #intIn(long, int, int, String)}, naming {@code at.field} only when refused. */
  public static int intIn(long value, int min, int max, JsonPath at, String field) {
    return value >= min && value <= max ? (int) value : intIn(value, min, max, at.field(field));
  }
}
