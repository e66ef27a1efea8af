package io.tickguard.crypto.kraken.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.internal.JsonStream;
import io.tickguard.market.internal.JsonTree;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Kraken's {@code {"error":[...],"result":...}} envelope. The error array is read before the
 * result is trusted: an HTTP 200 with {@code "error":["EGeneral:Invalid arguments"]} is a failure,
 * never an empty result.
 */
public final class KrakenEnvelope {
  private KrakenEnvelope() {}

  /** The {@code result} object of a small answer, after the error check. */
  public static JsonNode result(ApiResponse response) {
    JsonNode root = JsonTree.object(response.json(), "body");
    JsonNode errors = JsonTree.array(root, "error", "error");
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < errors.size(); i++) {
      messages.add(JsonTree.text(errors.get(i), "error[" + i + "]"));
    }
    failOnError(messages, response);
    return JsonTree.object(root, "result", "result");
  }

  /**
   * Streams the envelope; {@code readResult} is called positioned on the first token of {@code
   * result}. When the result comes before the error array and fails to decode, the error array
   * (read from the tree) takes precedence: it explains the failure.
   */
  public static <T> T streamed(ApiResponse response, Function<JsonStream, T> readResult) {
    try (JsonStream in = JsonStream.of(response)) {
      in.next(JsonToken.START_OBJECT, "body");
      List<String> errors = null;
      T result = null;
      boolean sawResult = false;
      for (String name = in.nextName(); name != null; name = in.nextName()) {
        if (name.equals("error")) {
          errors = readErrors(in);
          failOnError(errors, response);
        } else if (name.equals("result")) {
          in.next();
          try {
            result = readResult.apply(in);
          } catch (InvalidResponseException e) {
            if (errors == null) {
              result(response); // throws the provider's error if the envelope carries one
            }
            throw e;
          }
          sawResult = true;
        } else {
          in.skipNext();
        }
      }
      in.end();
      if (errors == null) {
        throw new InvalidResponseException("error", "Field error is missing from Kraken's envelope");
      }
      if (!sawResult) {
        throw new InvalidResponseException("result", "Field result is missing");
      }
      return result;
    }
  }

  private static List<String> readErrors(JsonStream in) {
    in.next(JsonToken.START_ARRAY, "error");
    List<String> out = new ArrayList<>();
    for (int i = 0; in.nextElement(); i++) {
      out.add(in.string("error[" + i + "]"));
    }
    return out;
  }

  private static void failOnError(List<String> messages, ApiResponse response) {
    String first = KrakenErrors.firstError(messages);
    if (first != null) {
      throw KrakenErrors.toException(first, response, ErrorDetails.ofStatus(response.status(), null));
    }
  }
}
