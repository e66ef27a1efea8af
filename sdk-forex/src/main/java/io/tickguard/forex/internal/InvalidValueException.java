package io.tickguard.forex.internal;

/**
 * A model constructor refused a value; names the field at fault.
 *
 * <p>Temporary: replaced by {@code io.tickguard.market.InvalidValueException} when the sdk-market
 * module lands (same methods), and deleted then.
 */
public final class InvalidValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A refusal of {@code field} for the reason {@code message}. */
  public InvalidValueException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** The field path, relative to the object being built. */
  public String field() {
    return field;
  }

  /** The reason, without the field. */
  public String reason() {
    return getMessage().substring(field.length() + 2);
  }
}
