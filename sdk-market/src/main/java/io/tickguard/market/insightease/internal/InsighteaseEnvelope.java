package io.tickguard.market.insightease.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ProviderException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.observe.Redactor;
import io.tickguard.market.insightease.InsighteaseLimits;
import io.tickguard.market.internal.JsonTree;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code {status, code, msg, response, info}} envelope Insightease wraps every answer in, crypto
 * and forex alike. {@code status:false} is an error even
 * inside HTTP 200: every decoder calls {@link #response} first, which throws the typed exception, so
 * an error body never reaches a model.
 *
 * <p>Insightease publishes no error-code table that could be found (see {@code fixtures/README.md}),
 * so errors are classified by code and message: a refused or missing key ({@code 101}, or a message
 * about the API/access key) is an {@link AuthenticationException}; an exhausted credit quota ({@code
 * 104}, or a message about a limit, credit or quota) a {@link RateLimitedException} on {@code
 * CREDITS}; an unknown symbol ({@code 113}, or a message about the symbol) an {@link
 * InvalidRequestException} on {@code symbol}; anything else a {@link ProviderException} with the
 * code and message. The provider's message is scrubbed of the key before it enters an exception.
 */
public final class InsighteaseEnvelope implements ErrorDecoder {
  public static final String CODE_INVALID_KEY = "101";
  public static final String CODE_CREDITS_EXHAUSTED = "104";
  public static final String CODE_SYMBOL_NOT_FOUND = "113";

  private static final Set<String> KEY_WORDS = Set.of("api key", "api_key", "apikey", "access key", "access_key");
  private static final Set<String> QUOTA_WORDS = Set.of("limit", "credit", "quota");

  private final List<String> secrets;

  /** An envelope that also scrubs {@code secrets} (the key in use) from the provider's messages. */
  public InsighteaseEnvelope(List<String> secrets) {
    this.secrets = List.copyOf(secrets);
  }

  /** The {@code response} member of a successful envelope; an error envelope throws. */
  public JsonNode response(ApiResponse r) {
    JsonNode root = JsonTree.object(r.json(), "body");
    JsonNode status = JsonTree.required(root, "status", "status");
    if (!status.isBoolean()) {
      throw new InvalidResponseException("status", "Field status must be true or false");
    }
    if (!status.booleanValue()) {
      throw error(r, root, ErrorDetails.ofStatus(r.status(), null));
    }
    JsonNode response = JsonTree.required(root, "response", "response");
    if (response.isNull()) {
      throw new InvalidResponseException("response", "status is true but response is null");
    }
    return response;
  }

  /** Non-2xx answers: the envelope's code and message when the body has them, else the HTTP status. */
  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    if (response.isJson() && response.body().length > 0 && response.status() < 500 && response.status() != 429) {
      try {
        JsonNode root = response.json();
        if (root.isObject() && root.has("code") && root.has("msg")) {
          return error(response, root, details);
        }
      } catch (InvalidResponseException notJson) {
        // keep the status only
      }
    }
    return ErrorDecoder.forStatus(response, ErrorDecoder.withGenericProviderError(response, details));
  }

  private TickGuardException error(ApiResponse r, JsonNode root, ErrorDetails status) {
    String code = scalar(root.get("code"));
    if (code != null) {
      // the code is the provider's text like the message: scrub and cap it the same way
      code = Redactor.redact(code, secrets);
      code = code.length() > 40 ? code.substring(0, 40) + "..." : code;
    }
    String msg = scalar(root.get("msg"));
    if (msg != null) {
      msg = Redactor.redact(msg, secrets);
      msg = msg.length() > 300 ? msg.substring(0, 300) + "..." : msg;
    }
    ErrorDetails details = status.withProviderError(code, msg);
    String endpoint = r.request().endpoint().name();
    String lower = msg == null ? "" : msg.toLowerCase(Locale.ROOT);
    if (CODE_INVALID_KEY.equals(code) || KEY_WORDS.stream().anyMatch(lower::contains)) {
      return new AuthenticationException(
          "Insightease refused the API key for " + endpoint + " (" + details.summary()
              + "); check the key (api_key) and that the plan is active", details);
    }
    if (CODE_CREDITS_EXHAUSTED.equals(code) || QUOTA_WORDS.stream().anyMatch(lower::contains)) {
      return new RateLimitedException(
          "Insightease credit quota exhausted for " + endpoint + " (" + details.summary()
              + "); credits refresh on the plan's billing date", details, InsighteaseLimits.CREDITS, null, false, false);
    }
    if (CODE_SYMBOL_NOT_FOUND.equals(code) || lower.contains("symbol")) {
      return new InvalidRequestException(
          "symbol", "Insightease does not know the symbol asked of " + endpoint + " (" + details.summary() + ")", details);
    }
    return new ProviderException("Insightease answered " + endpoint + " with an error (" + details.summary() + ")", details);
  }

  private static String scalar(JsonNode node) {
    return node == null || node.isNull() || node.isContainer() ? null : node.asString();
  }
}
