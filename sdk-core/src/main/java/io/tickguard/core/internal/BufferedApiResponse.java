package io.tickguard.core.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import okhttp3.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The {@link ApiResponse} the Response stage hands to decoders: a received response whose body was
 * read, up to the configured cap, into memory.
 */
public final class BufferedApiResponse implements ApiResponse {
  private final ApiRequest request;
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final String contentType;
  private final Clock clock;

  /** Creates a response view; {@code body} is not copied, the caller hands it over. */
  public BufferedApiResponse(
      ApiRequest request, int status, Headers headers, byte[] body, String contentType, Clock clock) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.contentType = contentType;
    this.clock = clock;
  }

  @Override
  public Clock clock() {
    return clock;
  }

  @Override
  public ApiRequest request() {
    return request;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  @Override
  public byte[] body() {
    return body;
  }

  @Override
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String contentType() {
    return contentType;
  }

  @Override
  public boolean isJson() {
    return contentType.equals("application/json") || contentType.endsWith("+json");
  }

  @Override
  public JsonNode json() {
    try {
      return StrictJson.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new InvalidResponseException(
          "body", "Response of " + request.endpoint().name() + " is not valid JSON: " + e.getOriginalMessage(),
          ErrorDetails.ofStatus(status, null), null);
    } catch (NumberFormatException | ArithmeticException e) {
      // Jackson reads "1E+2147483648" into a BigDecimal tree node and throws this, not a JacksonException
      throw new InvalidResponseException(
          "body", "Response of " + request.endpoint().name() + " holds a number beyond any decimal's range",
          ErrorDetails.ofStatus(status, null), null);
    }
  }

  @Override
  public <T> T json(Class<T> type) {
    try {
      return StrictJson.mapper().readValue(body, type);
    } catch (JacksonException e) {
      throw new InvalidResponseException(
          ApiResponse.jsonPath(e), "Response of " + request.endpoint().name() + " does not decode as "
              + type.getSimpleName() + ": " + e.getOriginalMessage(),
          ErrorDetails.ofStatus(status, null), null);
    }
  }
}
