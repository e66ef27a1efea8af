package io.tickguard.forex.internal;

import java.math.BigDecimal;

/**
 * The argument checks the forex model constructors share; each failure names its field.
 *
 * <p>Temporary: the same checks move to {@code io.tickguard.market.internal.Checks} when the
 * sdk-market module lands, and this class is deleted then (sdk-forex must not depend on sdk-crypto,
 * where they live today).
 */
public final class Checks {
  private Checks() {}

  /** {@code value}, or an {@link InvalidValueException} on {@code field} when it is null. */
  public static <T> T present(T value, String field) {
    if (value == null) {
      throw new InvalidValueException(field, "is missing");
    }
    return value;
  }

  /** {@code value} when it is strictly positive. */
  public static BigDecimal positive(BigDecimal value, String field) {
    if (present(value, field).signum() <= 0) {
      throw new InvalidValueException(field, "must be positive, was " + value.toPlainString());
    }
    return value;
  }

  /** {@code value} when it is zero or positive. */
  public static BigDecimal notNegative(BigDecimal value, String field) {
    if (present(value, field).signum() < 0) {
      throw new InvalidValueException(field, "must not be negative, was " + value.toPlainString());
    }
    return value;
  }

  /** {@code value} when it is present and not blank. */
  public static String text(String value, String field) {
    if (present(value, field).isBlank()) {
      throw new InvalidValueException(field, "must not be blank");
    }
    return value;
  }

  /** Fails unless {@code low <= high}. */
  public static void ordered(BigDecimal low, BigDecimal high, String lowField, String highField) {
    present(low, lowField);
    present(high, highField);
    if (low.compareTo(high) > 0) {
      throw new InvalidValueException(
          lowField, "(" + low.toPlainString() + ") must not exceed " + highField + " (" + high.toPlainString() + ")");
    }
  }
}
