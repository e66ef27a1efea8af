package io.tickguard.crypto.kraken.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Non-2xx Kraken answers: the {@code error} array when the body has one, else the HTTP status. */
public final class KrakenErrorDecoder implements ErrorDecoder {
  /** The shared instance. */
  public static final KrakenErrorDecoder INSTANCE = new KrakenErrorDecoder();

  private KrakenErrorDecoder() {}

  @Override
  public TickGuardException decode(ApiResponse response, ErrorDetails details) {
    if (response.isJson() && response.body().length > 0) {
      try {
        JsonNode root = response.json();
        JsonNode errors = root.get("error");
        if (errors != null && errors.isArray()) {
          List<String> messages = new ArrayList<>();
          errors.forEach(e -> {
            if (e.isString()) { // a hostile body may put anything in the array; only strings are errors
              messages.add(e.stringValue());
            }
          });
          String first = KrakenErrors.firstError(messages);
          if (first != null && response.status() != 429 && response.status() < 500) {
            return KrakenErrors.toException(first, response, details);
          }
        }
      } catch (InvalidResponseException notJson) {
        // fall through to the status
      }
    }
    return ErrorDecoder.forStatus(response, ErrorDecoder.withGenericProviderError(response, details));
  }
}
