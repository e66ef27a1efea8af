package io.tickguard.core.token.internal;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.TickGuardException;

/** Maps RFC 6749 section 5.2 error codes to TickGuard's typed exceptions. */
public final class OAuthErrors {
  private OAuthErrors() {}

  /**
   * The exception for {@code error} ({@code null} when the body had none). The code becomes the
   * provider code; the description is kept short and is not assumed to be free of secrets, so it
   * goes to {@link ErrorDetails} only, not into the message.
   */
  public static TickGuardException map(int status, String error, String description, String requestId) {
    String code = error == null ? "unknown_error" : error;
    ErrorDetails details = new ErrorDetails(status, code, truncate(description), requestId);
    String where = "Token endpoint refused the request (" + details.summary() + ")";
    return switch (code) {
      case "invalid_client" -> new AuthenticationException(
          where + ": check the client id and secret", details);
      case "invalid_grant" -> new AuthenticationException(
          where + ": the refresh token or grant is invalid, expired or revoked; authorise again", details);
      case "unauthorized_client" -> new PermissionDeniedException(
          where + ": this client may not use this grant type", details);
      case "invalid_scope" -> new PermissionDeniedException(
          where + ": ask only for scopes the client is allowed", details);
      case "invalid_request" -> new InvalidRequestException("request", where, details);
      case "unsupported_grant_type" -> new InvalidRequestException("grant_type", where, details);
      default -> new AuthenticationException(where, details);
    };
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    return text.length() > 200 ? text.substring(0, 200) + "…" : text;
  }
}
