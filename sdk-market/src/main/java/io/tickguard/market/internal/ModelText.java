package io.tickguard.market.internal;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Readable {@code toString}s for the model records: decimals as the wire wrote them
 * ({@link BigDecimal#toPlainString()}, so {@code 0.00000000}, never {@code 0E-8}), optional values
 * unwrapped, absent ones left out (never {@code Optional.empty}). Shared by the crypto and forex
 * models.
 */
public final class ModelText {
  private final StringBuilder text;
  private boolean first = true;

  private ModelText(String type) {
    this.text = new StringBuilder(type).append('[');
  }

  /** Starts the text of a {@code type} value. */
  public static ModelText of(String type) {
    return new ModelText(type);
  }

  /** A decimal in plain notation. */
  public static String plain(BigDecimal value) {
    return value.toPlainString();
  }

  /** Adds {@code name=value}; decimals in plain notation, optionals (also {@code OptionalInt/Long}) unwrapped or left out. */
  public ModelText add(String name, Object value) {
    if (value instanceof Optional<?> optional) {
      return optional.isPresent() ? add(name, optional.get()) : this;
    }
    if (value instanceof OptionalInt optional) {
      return optional.isPresent() ? add(name, optional.getAsInt()) : this;
    }
    if (value instanceof OptionalLong optional) {
      return optional.isPresent() ? add(name, optional.getAsLong()) : this;
    }
    if (!first) {
      text.append(", ");
    }
    first = false;
    text.append(name).append('=').append(value instanceof BigDecimal d ? plain(d) : String.valueOf(value));
    return this;
  }

  @Override
  public String toString() {
    return text + "]";
  }
}
