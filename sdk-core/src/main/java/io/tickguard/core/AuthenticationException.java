package io.tickguard.core;

/**
 * The provider did not accept the credentials: a missing or unknown key, a rejected signature, an
 * expired or revoked token that could not be refreshed.
 *
 * <p>When a signature was rejected, {@link #signedPayload()} holds the exact canonical string that
 * was signed (never the secret or the signature), so that it can be compared with what the provider
 * documents: the most common support question of every exchange SDK.
 */
public class AuthenticationException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final String signedPayload;

  public AuthenticationException(String message) {
    this(message, ErrorDetails.none(), null, null);
  }

  public AuthenticationException(String message, ErrorDetails details) {
    this(message, details, null, null);
  }

  public AuthenticationException(
      String message, ErrorDetails details, String signedPayload, Throwable cause) {
    super(message, details, cause);
    this.signedPayload = signedPayload;
  }

  /**
   * A copy of this exception that also carries the canonical string signed with {@code algorithm};
   * subclasses return their own type so that the kind of failure is kept.
   */
  public AuthenticationException withSignedPayload(String algorithm, String canonical) {
    return new AuthenticationException(
        explained(algorithm, canonical), details(), canonical, getCause());
  }

  /** This exception's message followed by what was signed. */
  protected final String explained(String algorithm, String canonical) {
    return getMessage() + ". The " + algorithm + " signature was computed over: " + canonical;
  }

  /** The canonical string that was signed for the rejected request, when it was signed. */
  public java.util.Optional<String> signedPayload() {
    return java.util.Optional.ofNullable(signedPayload);
  }
}
