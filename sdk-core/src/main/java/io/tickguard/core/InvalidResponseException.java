package io.tickguard.core;

/**
 * A response could not become a valid typed object: wrong content type, body over the size cap,
 * malformed or duplicate-key JSON, a missing or mistyped field, or a domain rule broken (a crossed
 * book, a negative size). TickGuard never returns a partial or silently corrected result instead.
 *
 * <p>{@link #field()} names the JSON path or header at fault.
 */
public class InvalidResponseException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidResponseException(String field, String message) {
    this(field, message, ErrorDetails.none(), null);
  }

  public InvalidResponseException(
      String field, String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
    this.field = field;
  }

  /** The JSON path (such as {@code bids[3].price}), header or {@code body} that was invalid. */
  public String field() {
    return field;
  }
}
