package io.tickguard.core.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.TransportException;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Maps an error response to TickGuard's exceptions by HTTP status. Reads a generic error body
 * ({@code code}/{@code msg}, {@code code}/{@code message}, {@code error}/{@code error_description})
 * when the server sent JSON; anything else in the body is ignored rather than echoed, since error
 * pages from proxies may reflect request data.
 */
public final class StandardErrorDecoder implements ErrorDecoder {
  /** The one instance; {@link ErrorDecoder#standard()} is the public way to it. */
  public static final StandardErrorDecoder INSTANCE = new StandardErrorDecoder();

  private StandardErrorDecoder() {}

  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    ErrorDetails full = withGenericProviderError(response, details);
    return forStatus(response, full);
  }

  /** Adds the code and message of a generic JSON error body, if the body is one. */
  public static ErrorDetails withGenericProviderError(ApiResponse response, ErrorDetails details) {
    if (!response.isJson() || response.body().length == 0) {
      return details;
    }
    JsonNode node;
    try {
      node = response.json();
    } catch (InvalidResponseException e) {
      return details;
    }
    if (!node.isObject()) {
      return details;
    }
    String code = text(node, "code").or(() -> text(node, "error")).orElse(null);
    String message =
        text(node, "msg")
            .or(() -> text(node, "message"))
            .or(() -> text(node, "error_description"))
            .orElse(null);
    if (code == null && message == null) {
      return details;
    }
    return details.withProviderError(code, message == null ? null : truncate(message));
  }

  /** The exception type for the response's status, carrying {@code details}. */
  public static TickGuardException forStatus(ApiResponse response, ErrorDetails details) {
    int status = response.status();
    String endpoint = response.request().endpoint().name();
    String summary = details.summary();
    switch (status) {
      case 400:
      case 422:
        return new InvalidRequestException(
            "request", "Provider refused the request to " + endpoint + ": " + summary, details);
      case 401:
        return new AuthenticationException(
            "Provider refused the credentials for " + endpoint + " (" + summary
                + "): check the API key, its signature and the clock",
            details);
      case 403:
        return new PermissionDeniedException(
            "Provider denied " + endpoint + " (" + summary + "): the key lacks the permission, or"
                + " the IP is not allowlisted",
            details);
      case 408:
        return new TransportException("Provider timed out the request to " + endpoint + " (" + summary + ")", null);
      case 418:
      case 429:
        Optional<Duration> retryAfter = RetryAfter.parse(response.header("Retry-After"), response.headers(), response.clock());
        return new RateLimitedException(
            (status == 418 ? "Provider banned this client" : "Provider rate-limited")
                + " the request to " + endpoint + " (" + summary + ")"
                + retryAfter.map(d -> "; retry after " + d.toSeconds() + " s").orElse(""),
            details, "server", retryAfter.orElse(null), false, status == 418);
      default:
        return new ProviderException(
            "Provider answered " + endpoint + " with an error (" + summary + ")", details);
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.isContainer()) {
      return Optional.empty();
    }
    return Optional.of(v.asString());
  }

  private static String truncate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
