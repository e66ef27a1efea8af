package io.tickguard.forex;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * An amount converted from one currency into another, with everything needed to reproduce it: the
 * rate, the path (direct, inverse or cross, with each price used) and the rounding.
 *
 * <p>The result is computed from the amount hop by hop: a direct hop multiplies exactly, an inverse
 * hop divides with {@link #INTERMEDIATE} precision; the final amount alone is rounded, with {@link
 * #rounding()}. {@link #rate()} is the effective rate, computed the same way from 1. The constructor
 * recomputes the result and refuses one that does not match, so a {@code Conversion} is always
 * internally consistent.
 *
 * @param amount the amount converted, in {@code from}, not negative
 * @param from the source currency
 * @param to the target currency
 * @param rate units of {@code to} per unit of {@code from}, with {@link #INTERMEDIATE} precision
 * @param result the converted amount, in {@code to}, rounded as stated
 * @param path how the rate was obtained
 * @param rounding the rounding applied, with its scale stated
 */
public record Conversion(
    BigDecimal amount, Currency from, Currency to, BigDecimal rate, BigDecimal result, ConversionPath path,
    Rounding rounding) {
  /** The precision of inverse and cross rates before the final rounding: 34 digits, half-even. */
  public static final MathContext INTERMEDIATE = MathContext.DECIMAL128;

  /** Validates the fields, that the path joins {@code from} to {@code to}, and the arithmetic. */
  public Conversion {
    Checks.notNegative(amount, "amount");
    Checks.present(from, "from");
    Checks.present(to, "to");
    Checks.positive(rate, "rate");
    Checks.present(result, "result");
    Checks.present(path, "path");
    Checks.present(rounding, "rounding");
    if (rounding.scale().isEmpty()) {
      throw new InvalidValueException("rounding", "must state its scale; use rounding.resolvedFor(to)");
    }
    if (!path.from().equals(from) || !path.to().equals(to)) {
      throw new InvalidValueException(
          "path", "runs " + path.from() + " to " + path.to() + ", not " + from + " to " + to);
    }
    BigDecimal expectedRate = apply(BigDecimal.ONE, path);
    if (rate.compareTo(expectedRate) != 0) {
      throw new InvalidValueException("rate", rate.toPlainString() + " is not the path's rate " + expectedRate.toPlainString());
    }
    BigDecimal expected = round(apply(amount, path), rounding);
    if (!result.equals(expected)) {
      throw new InvalidValueException(
          "result", result.toPlainString() + " is not " + amount.toPlainString() + " through the path, rounded "
              + rounding + " (" + expected.toPlainString() + ")");
    }
  }

  /**
   * Converts {@code amount} along {@code path}, rounding with {@code rounding} (its scale defaulting
   * to the target currency's minor units).
   */
  public static Conversion of(BigDecimal amount, ConversionPath path, Rounding rounding) {
    Checks.notNegative(amount, "amount");
    Checks.present(path, "path");
    Rounding stated = Checks.present(rounding, "rounding").resolvedFor(path.to());
    return new Conversion(
        amount, path.from(), path.to(), apply(BigDecimal.ONE, path), round(apply(amount, path), stated), path, stated);
  }

  private static BigDecimal apply(BigDecimal amount, ConversionPath path) {
    BigDecimal value = amount;
    for (ConversionLeg leg : path.legs()) {
      value = leg.inverted() ? value.divide(leg.price(), INTERMEDIATE) : value.multiply(leg.price());
    }
    return value;
  }

  private static BigDecimal round(BigDecimal value, Rounding rounding) {
    try {
      return value.setScale(rounding.scale().getAsInt(), rounding.mode());
    } catch (ArithmeticException e) {
      throw new InvalidValueException(
          "rounding", "RoundingMode.UNNECESSARY but " + value.toPlainString() + " needs rounding to "
              + rounding.scale().getAsInt() + " decimals; choose another mode");
    }
  }

  /** Amount, currencies, rate, result (plain notation), path and rounding. */
  @Override
  public String toString() {
    return ModelText.of("Conversion").add("amount", amount).add("from", from).add("to", to).add("rate", rate)
        .add("result", result).add("path", path).add("rounding", rounding).toString();
  }
}
