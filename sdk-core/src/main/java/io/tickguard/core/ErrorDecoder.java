package io.tickguard.core;

/**
 * Turns an error response (any non-2xx status) into the typed exception to throw. Providers supply
 * one that reads their error body (Binance {@code {"code":-1121,"msg":"..."}}, Kraken's
 * {@code error} array) and maps their codes; {@link StandardErrorDecoder} maps by status.
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
}
