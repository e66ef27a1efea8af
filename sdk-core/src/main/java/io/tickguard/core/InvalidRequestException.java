package io.tickguard.core;

/**
 * A request was refused because one of its inputs is invalid. Thrown by the Guard stage before any
 * byte leaves the process, or mapped from a provider's "bad request" answer.
 *
 * <p>{@link #field()} names the offending parameter so that the caller can fix it.
 */
public class InvalidRequestException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final String field;

  /** A client-side refusal of {@code field}. */
  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** A provider's refusal of a request. */
  public InvalidRequestException(String field, String message, ErrorDetails details) {
    super(message, details, null);
    this.field = field;
  }

  /** The parameter, header or setting that was refused; {@code "request"} when not one field. */
  public String field() {
    return field;
  }
}
