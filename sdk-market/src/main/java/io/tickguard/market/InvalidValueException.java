package io.tickguard.market;

/**
 * A model constructor refused a value. It names the field at fault ({@code bids[3].price}) so that
 * decoders can report it as an {@link io.tickguard.core.InvalidResponseException} on that field.
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

  /** The same refusal with {@code prefix} in front of the field ({@code bids[3].} + {@code price}). */
  public InvalidValueException prefixed(String prefix) {
    return new InvalidValueException(prefix + field, reason());
  }
}
