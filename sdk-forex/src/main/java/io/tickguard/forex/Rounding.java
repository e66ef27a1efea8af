package io.tickguard.forex;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.InvalidValueException;
import java.math.RoundingMode;
import java.util.OptionalInt;

/**
 * How a converted amount is rounded: to a number of decimals with a {@link RoundingMode}. Without a
 * scale, the target currency's ISO 4217 minor units are used (2 for USD, 0 for JPY, 3 for KWD).
 *
 * <p>Only the final amount is rounded. The rate of an inverse or a cross is carried with {@link
 * Conversion#INTERMEDIATE} precision (34 significant digits, half-even) so that rounding happens once.
 *
 * @param scale the number of decimals, or empty for the target currency's minor units
 * @param mode how to round; {@link RoundingMode#UNNECESSARY} refuses any conversion that would need it
 */
public record Rounding(OptionalInt scale, RoundingMode mode) {
  /** The default: the target currency's minor units, half-even (banker's rounding). */
  public static final Rounding MINOR_UNITS = new Rounding(OptionalInt.empty(), RoundingMode.HALF_EVEN);

  private static final int MAX_SCALE = 18;

  /** Validates a scale of 0-18 and a mode. */
  public Rounding {
    Checks.present(scale, "scale").ifPresent(s -> {
      if (s < 0 || s > MAX_SCALE) {
        throw new InvalidValueException("scale", "must be 0-" + MAX_SCALE + ", was " + s);
      }
    });
    Checks.present(mode, "mode");
  }

  /** {@code scale} decimals, rounded with {@code mode}. */
  public static Rounding of(int scale, RoundingMode mode) {
    return new Rounding(OptionalInt.of(scale), mode);
  }

  /** The target currency's minor units, rounded with {@code mode}. */
  public static Rounding minorUnits(RoundingMode mode) {
    return new Rounding(OptionalInt.empty(), mode);
  }

  /**
   * This rounding with its scale stated for {@code target}: unchanged when it has a scale, else the
   * target's minor units (an {@link InvalidValueException} when the target has none, such as XAU).
   */
  public Rounding resolvedFor(Currency target) {
    if (scale.isPresent()) {
      return this;
    }
    return of(Checks.present(target, "to").requireMinorUnits("rounding.scale"), mode);
  }

  /** {@code 2 decimals, HALF_EVEN} or {@code minor units, HALF_EVEN}. */
  @Override
  public String toString() {
    return (scale.isPresent() ? scale.getAsInt() + " decimals" : "minor units") + ", " + mode;
  }
}
