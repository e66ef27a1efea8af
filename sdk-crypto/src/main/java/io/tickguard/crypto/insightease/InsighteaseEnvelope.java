package io.tickguard.crypto.insightease;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.StandardErrorDecoder;
import io.tickguard.core.TickGuardException;
import io.tickguard.crypto.internal.JsonTree;
import tools.jackson.databind.JsonNode;

/**
 * The {@code {status, code, msg, response, info}} envelope. {@code status:false} is an error even
 * inside HTTP 200: it becomes an exception carrying the provider's {@code code}, never data.
 */
final class InsighteaseEnvelope implements ErrorDecoder {
  static final InsighteaseEnvelope INSTANCE = new InsighteaseEnvelope();

  private InsighteaseEnvelope() {}

  /** The {@code response} member of a successful envelope. */
  static JsonNode response(ApiResponse r) {
    JsonNode root = JsonTree.object(r.json(), "body");
    JsonNode status = JsonTree.required(root, "status", "status");
    if (!status.isBoolean()) {
      throw new InvalidResponseException("status", "Field status must be true or false");
    }
    if (!status.booleanValue()) {
      throw error(r, root, ErrorDetails.ofStatus(r.status(), null));
    }
    return JsonTree.required(root, "response", "response");
  }

  /** Non-2xx answers: the envelope's code when the body has one, else the HTTP status. */
  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    if (response.isJson() && response.body().length > 0) {
      try {
        JsonNode root = response.json();
        if (root.isObject() && root.has("code") && response.status() < 500 && response.status() != 429) {
          return error(response, root, details);
        }
      } catch (InvalidResponseException notJson) {
        // keep the status only
      }
    }
    return StandardErrorDecoder.forStatus(response, StandardErrorDecoder.withGenericProviderError(response, details));
  }

  private static TickGuardException error(ApiResponse r, JsonNode root, ErrorDetails status) {
    JsonNode codeNode = root.get("code");
    JsonNode msgNode = root.get("msg");
    String code = codeNode == null || codeNode.isNull() ? null : codeNode.asString();
    String msg = msgNode == null || msgNode.isNull() ? null : msgNode.asString();
    ErrorDetails details = status.withProviderError(code, msg);
    String endpoint = r.request().endpoint().name();
    String lower = msg == null ? "" : msg.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("api key") || lower.contains("api_key") || "101".equals(code)) {
      return new AuthenticationException(
          "Insightease refused the API key for " + endpoint + " (" + details.summary() + ")", details);
    }
    if (lower.contains("limit") || lower.contains("credit")) {
      return new RateLimitedException(
          "Insightease quota exhausted for " + endpoint + " (" + details.summary() + ")",
          details, InsighteaseEndpoints.CREDITS, null, false, false);
    }
    return new ProviderException("Insightease answered " + endpoint + " with an error (" + details.summary() + ")", details);
  }
}
