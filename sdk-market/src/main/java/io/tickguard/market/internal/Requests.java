package io.tickguard.market.internal;

import io.tickguard.core.InvalidRequestException;
import java.time.Instant;

/** Argument checks clients make before building a request, so that nothing invalid is sent. */
public final class Requests {
  private Requests() {}

  /** {@code value} when it lies in {@code [min, max]}. */
  public static int inRange(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new InvalidRequestException(name, name + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** Fails unless {@code from <= to}. */
  public static void window(Instant from, Instant to) {
    if (from == null || to == null) {
      throw new InvalidRequestException("from", "from and to are required");
    }
    if (from.isAfter(to)) {
      throw new InvalidRequestException("from", "from (" + from + ") must not be after to (" + to + ")");
    }
  }
}
