package io.tickguard.forex.oanda.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.observe.Redactor;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * OANDA error bodies ({@code {"errorCode": ..., "errorMessage": ...}}; the code "may not be returned
 * for some errors") to TickGuard exceptions, with the {@code RequestID} header as the request id. A
 * 400 naming a parameter ({@code Invalid value specified for 'instruments'}) is an {@link
 * InvalidRequestException} on that parameter; the rest maps by status: 401 {@link
 * io.tickguard.core.AuthenticationException}, 403 {@link io.tickguard.core.PermissionDeniedException},
 * 429 {@link io.tickguard.core.RateLimitedException}, 5xx {@link io.tickguard.core.ProviderException}.
 * The provider's message is scrubbed of the token and cut to 300 characters.
 */
public final class OandaErrorDecoder implements ErrorDecoder {
  private static final Pattern FIELD = Pattern.compile("'([A-Za-z][A-Za-z0-9_.]{0,40})'");
  private static final int MAX_MESSAGE = 300;

  private final Supplier<List<String>> secrets;

  /** A decoder scrubbing the secrets {@code secrets} hands out (the token in use) from messages. */
  public OandaErrorDecoder(Supplier<List<String>> secrets) {
    this.secrets = secrets;
  }

  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    ErrorDetails full = details;
    String message = null;
    if (response.isJson() && response.body().length > 0) {
      try {
        JsonNode n = response.json();
        if (n.isObject()) {
          String code = text(n, "errorCode");
          message = text(n, "errorMessage");
          if (message != null) {
            message = Redactor.redact(message, secrets.get());
            message = message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "..." : message;
          }
          if (code != null || message != null) {
            full = details.withProviderError(code, message);
          }
        }
      } catch (InvalidResponseException notJson) {
        // keep the status only
      }
    }
    if (response.status() == 400 && message != null) {
      Matcher m = FIELD.matcher(message);
      String field = m.find() ? m.group(1) : "request";
      return new InvalidRequestException(
          field, "OANDA refused " + response.request().endpoint().name() + " (" + full.summary() + ")", full);
    }
    return ErrorDecoder.forStatus(response, full);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.isContainer() ? null : v.asString();
  }
}
