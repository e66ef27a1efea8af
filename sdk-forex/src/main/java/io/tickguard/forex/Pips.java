package io.tickguard.forex;

import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;

/**
 * Pip arithmetic. A pip location is the power of ten of one pip: {@code -4} means one pip is {@code
 * 0.0001} (EUR/USD), {@code -2} means {@code 0.01} (USD/JPY). Every result is exact: moving a
 * decimal point never rounds.
 */
public final class Pips {
  /** The smallest pip location accepted: no quoted market has a pip of {@code 1e-10} or finer. */
  public static final int MIN_LOCATION = -10;
  /** The largest pip location accepted: a pip of 100 units. */
  public static final int MAX_LOCATION = 2;

  private Pips() {}

  /** {@code location} when it is within {@link #MIN_LOCATION}..{@link #MAX_LOCATION}. */
  public static int checkLocation(int location, String field) {
    if (location < MIN_LOCATION || location > MAX_LOCATION) {
      throw new InvalidValueException(
          field, "must be a power of ten between " + MIN_LOCATION + " and " + MAX_LOCATION + ", was " + location);
    }
    return location;
  }

  /** The size of one pip: {@code 0.0001} for location {@code -4}. */
  public static BigDecimal size(int location) {
    return BigDecimal.ONE.scaleByPowerOfTen(checkLocation(location, "pipLocation"));
  }

  /** {@code priceDifference} in pips, exactly: {@code 0.00012} at location {@code -4} is {@code 1.2}. */
  public static BigDecimal of(BigDecimal priceDifference, int location) {
    return priceDifference.scaleByPowerOfTen(-checkLocation(location, "pipLocation"));
  }
}
