package io.tickguard.market.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.InvalidValueException;
import java.util.function.Supplier;

/** Builds models inside decoders so that a refused value is reported on its full JSON path. */
public final class Models {
  private Models() {}

  /**
   * Runs {@code constructor}; an {@link InvalidValueException} becomes an {@link
   * InvalidResponseException} on {@code pathPrefix + field}.
   */
  public static <T> T build(JsonPath at, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidValueException e) {
      String field = at.field(e.field());
      throw new InvalidResponseException(field, "Invalid value at " + field + ": " + e.reason());
    }
  }

  /** {@link #build(JsonPath, Supplier)} with the path already written out. */
  public static <T> T build(String pathPrefix, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (InvalidValueException e) {
      String field = pathPrefix + e.field();
      throw new InvalidResponseException(field, "Invalid value at " + field + ": " + e.reason());
    }
  }
}
