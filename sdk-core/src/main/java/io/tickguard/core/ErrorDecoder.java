package io.tickguard.core;

import io.tickguard.core.internal.StandardErrorDecoder;

/**
 * Turns an error response (any non-2xx status) into the typed exception to throw. Providers supply
 * one that reads their error body (Binance {@code {"code":-1121,"msg":"..."}}, Kraken's
 * {@code error} array) and maps their codes; {@link #standard()} maps by status, and a provider's
 * decoder falls back to {@link #forStatus} for the codes it does not know.
 */
@FunctionalInterface
public interface ErrorDecoder {

  /**
   * Returns the exception for {@code response}. {@code details} already holds the status and the
   * request id; implementations add the provider's code and message.
   */
  TickGuardException decode(ApiResponse response, ErrorDetails details);

  /** Maps by HTTP status, reading a generic {@code code}/{@code msg} body when one is present. */
  static ErrorDecoder standard() {
    return StandardErrorDecoder.INSTANCE;
  }

  /**
   * {@code details} plus the code and message of a generic JSON error body ({@code code}/{@code
   * msg}, {@code code}/{@code message}, {@code error}/{@code error_description}), if the body is one;
   * anything else in the body is ignored rather than echoed.
   */
  static ErrorDetails withGenericProviderError(ApiResponse response, ErrorDetails details) {
    return StandardErrorDecoder.withGenericProviderError(response, details);
  }

  /**
   * The exception type for the response's HTTP status, carrying {@code details}: 400/422 {@link
   * InvalidRequestException}, 401 {@link AuthenticationException}, 403 {@link
   * PermissionDeniedException}, 408 {@link TransportException}, 418/429 {@link RateLimitedException}
   * with {@code Retry-After}, anything else {@link ProviderException}.
   */
  static TickGuardException forStatus(ApiResponse response, ErrorDetails details) {
    return StandardErrorDecoder.forStatus(response, details);
  }
}
