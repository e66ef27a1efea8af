package io.tickguard.forex.saxo;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.TickGuardException;
import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads Saxo's error body {@code {"ErrorCode": "...", "Message": "...", "ModelState": {"Field":
 * ["problem", ...]}}}: the {@code ErrorCode} becomes the provider code, the message the provider
 * message (both truncated), and a 400 with a {@code ModelState} becomes an {@link
 * InvalidRequestException} naming the first refused field and its problems. Other statuses map like
 * every client's (401 authentication, 403 permission, 429 rate limit with {@code Retry-After}). A
 * 401 has no body at Saxo; it still maps to {@link io.tickguard.core.AuthenticationException}.
 */
final class SaxoErrors implements ErrorDecoder {
  static final SaxoErrors INSTANCE = new SaxoErrors();
  private static final int MAX_TEXT = 300;

  private SaxoErrors() {}

  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    JsonNode body = body(response);
    if (body == null) {
      return ErrorDecoder.forStatus(response, details);
    }
    String code = text(body.get("ErrorCode"));
    String message = text(body.get("Message"));
    ErrorDetails withError = code == null && message == null ? details : details.withProviderError(code, truncate(message));
    JsonNode modelState = body.get("ModelState");
    if (response.status() == 400 && modelState != null && modelState.isObject() && !modelState.isEmpty()) {
      Iterator<Map.Entry<String, JsonNode>> fields = modelState.properties().iterator();
      Map.Entry<String, JsonNode> first = fields.next();
      StringBuilder problems = new StringBuilder();
      for (JsonNode p : first.getValue()) {
        if (p.isString()) {
          problems.append(problems.length() == 0 ? "" : "; ").append(p.stringValue());
        }
      }
      return new InvalidRequestException(first.getKey(),
          "Saxo refused " + response.request().endpoint().name() + ": " + first.getKey() + ": "
              + truncate(problems.toString()) + " (" + withError.summary() + ")",
          withError);
    }
    return ErrorDecoder.forStatus(response, withError);
  }

  private static JsonNode body(ApiResponse response) {
    if (!response.isJson() || response.body().length == 0) {
      return null;
    }
    try {
      JsonNode node = response.json();
      return node != null && node.isObject() ? node : null;
    } catch (TickGuardException e) {
      return null; // an unreadable error body still has its status
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }

  private static String truncate(String text) {
    if (text == null) {
      return null;
    }
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
  }
}
