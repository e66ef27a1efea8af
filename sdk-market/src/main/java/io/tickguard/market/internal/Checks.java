package io.tickguard.market.internal;

import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.util.Objects;

/** The argument checks model constructors share; each failure names its field. */
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
    Objects.requireNonNull(low);
    if (low.compareTo(high) > 0) {
      throw new InvalidValueException(
          lowField, "(" + low.toPlainString() + ") must not exceed " + highField + " (" + high.toPlainString() + ")");
    }
  }
}
