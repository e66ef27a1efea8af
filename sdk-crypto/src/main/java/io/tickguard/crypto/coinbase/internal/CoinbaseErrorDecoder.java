package io.tickguard.crypto.coinbase.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import tools.jackson.databind.JsonNode;

/**
 * Coinbase Advanced Trade error bodies ({@code {"error":"NOT_FOUND","error_details":"...",
 * "message":"..."}}, sometimes with a numeric {@code code}) to TickGuard exceptions. The string
 * {@code error} is kept as the provider code; an unknown product becomes an invalid request on
 * {@code product_id}; the rest maps by HTTP status: 401 (also Coinbase's bare-text
 * {@code Unauthorized}) to {@link io.tickguard.core.AuthenticationException}, 403 to {@link
 * io.tickguard.core.PermissionDeniedException}, 429 to {@link io.tickguard.core.RateLimitedException}
 * with its {@code Retry-After}.
 */
public final class CoinbaseErrorDecoder implements ErrorDecoder {
  /** The shared instance. */
  public static final CoinbaseErrorDecoder INSTANCE = new CoinbaseErrorDecoder();

  private CoinbaseErrorDecoder() {}

  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    ErrorDetails full = details;
    if (response.isJson() && response.body().length > 0) {
      try {
        JsonNode n = response.json();
        if (n.isObject()) {
          String code = text(n, "error");
          if (code == null) {
            code = text(n, "code");
          }
          String message = text(n, "message");
          if (message == null) {
            message = text(n, "error_details");
          }
          if (code != null || message != null) {
            full = details.withProviderError(code, message == null ? null : truncate(message));
          }
        }
      } catch (InvalidResponseException notJson) {
        // keep the status only
      }
    }
    var endpoint = response.request().endpoint();
    if (response.status() == 404
        && (endpoint.pathParams().containsKey("product_id") || endpoint.queryParams().containsKey("product_id"))) {
      return new InvalidRequestException("product_id", "Coinbase does not know the product (" + full.summary() + ")", full);
    }
    return ErrorDecoder.forStatus(response, full);
  }

  /** Error text is the provider's, not ours: it is kept short so a reflected request cannot flood logs. */
  private static String truncate(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.isContainer() ? null : v.asString();
  }
}
