package io.tickguard.core;

/**
 * The credentials in use are not allowed to make this call: either the client-side scope check
 * refused it before any I/O (a read-only key cannot trade, by construction), or the provider
 * answered 403. Refreshing a token does not help; a key with the right permissions does.
 */
public class PermissionDeniedException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  /** A client-side refusal. */
  public PermissionDeniedException(String message) {
    super(message);
  }

  /** A provider's refusal. */
  public PermissionDeniedException(String message, ErrorDetails details) {
    super(message, details, null);
  }
}
