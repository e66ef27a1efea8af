package io.tickguard.forex;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.InvalidValueException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A currency by its ISO 4217 code, with the number of minor units (decimal places) ISO 4217 gives
 * it: 2 for {@code EUR}, 0 for {@code JPY}, 3 for {@code KWD}. Conversions round to the target's
 * minor units unless the caller states another {@link Rounding}.
 *
 * <p>Codes ISO 4217 lists without a minor unit (the metals {@code XAU}, {@code XAG}, ...) and
 * market codes outside ISO 4217 that providers quote have an empty {@link #minorUnits()}: rounding
 * into them needs an explicit scale, never a guessed one. The one market code with a settled
 * convention, offshore yuan {@code CNH}, has 2 like {@code CNY}.
 *
 * @param code three upper-case letters, such as {@code EUR}
 * @param minorUnits the ISO 4217 minor units, empty when ISO 4217 gives none
 */
public record Currency(String code, OptionalInt minorUnits) {
  private static final Pattern CODE = Pattern.compile("[A-Z]{3}");
  private static final int MAX_MINOR_UNITS = 4;
  /** Market codes that are not in ISO 4217 but have a settled number of decimals. */
  private static final Map<String, Integer> MARKET_CODES = Map.of("CNH", 2);

  /** Validates the code and a minor-unit count of 0-4. */
  public Currency {
    if (!CODE.matcher(Checks.present(code, "currency")).matches()) {
      throw new InvalidValueException("currency", "must be three upper-case letters such as EUR, was '" + code + "'");
    }
    Checks.present(minorUnits, "minorUnits").ifPresent(m -> {
      if (m < 0 || m > MAX_MINOR_UNITS) {
        throw new InvalidValueException("minorUnits", "must be 0-" + MAX_MINOR_UNITS + ", was " + m);
      }
    });
  }

  /**
   * The currency with ISO 4217 code {@code code} (case-insensitive), with its ISO 4217 minor units.
   * A three-letter code ISO 4217 does not list is accepted with empty minor units, so that a provider's
   * market code (such as a metal or an offshore code) can still be named; {@link #isIsoListed()}
   * tells them apart.
   */
  public static Currency of(String code) {
    String upper = Checks.present(code, "currency").toUpperCase(Locale.ROOT);
    if (!CODE.matcher(upper).matches()) {
      throw new InvalidValueException("currency", "must be three letters such as EUR, was '" + code + "'");
    }
    return new Currency(upper, isoMinorUnits(upper));
  }

  /** Whether ISO 4217 (as this JDK knows it) lists the code. */
  public boolean isIsoListed() {
    return jdkCurrency(code) != null;
  }

  /**
   * The minor units, or an {@link InvalidValueException} on {@code field} telling the caller to state
   * a scale when this currency has none.
   */
  public int requireMinorUnits(String field) {
    if (minorUnits.isEmpty()) {
      throw new InvalidValueException(
          field, code + " has no ISO 4217 minor unit; state the scale with Rounding.of(scale, mode)");
    }
    return minorUnits.getAsInt();
  }

  private static OptionalInt isoMinorUnits(String code) {
    Integer market = MARKET_CODES.get(code);
    if (market != null) {
      return OptionalInt.of(market);
    }
    java.util.Currency jdk = jdkCurrency(code);
    if (jdk == null || jdk.getDefaultFractionDigits() < 0) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(jdk.getDefaultFractionDigits());
  }

  private static java.util.Currency jdkCurrency(String code) {
    try {
      return java.util.Currency.getInstance(code);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The code, such as {@code EUR}. */
  @Override
  public String toString() {
    return code;
  }
}
