package io.tickguard.core;

import io.tickguard.core.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import okhttp3.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A received response whose body has been read, up to the configured cap, into memory. Decoders and
 * error decoders read it; it is only ever handed to them, never to users.
 */
public final class ApiResponse {
  private final ApiRequest request;
  private final int status;
  private final Headers headers;
  private final byte[] body;
  private final String contentType;
  private final java.time.Clock clock;

  /** Creates a response view; {@code body} is not copied, the caller hands it over. */
  public ApiResponse(
      ApiRequest request, int status, Headers headers, byte[] body, String contentType, java.time.Clock clock) {
    this.request = request;
    this.status = status;
    this.headers = headers;
    this.body = body;
    this.contentType = contentType;
    this.clock = clock;
  }

  /** The client's clock, for decoders that check timestamps. */
  public java.time.Clock clock() {
    return clock;
  }

  /** The request this answers. */
  public ApiRequest request() {
    return request;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The response headers. */
  public Headers headers() {
    return headers;
  }

  /** The first value of header {@code name}. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /** The body bytes; do not modify. */
  public byte[] body() {
    return body;
  }

  /** The body as UTF-8 text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The media type without parameters, lower case, or empty when the server sent none. */
  public String contentType() {
    return contentType;
  }

  /** Whether the body was declared as JSON ({@code application/json} or {@code +json}). */
  public boolean isJson() {
    return contentType.equals("application/json") || contentType.endsWith("+json");
  }

  /** The body parsed as a strict JSON tree. */
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

  /** The body decoded into {@code type} with the strict mapper. */
  public <T> T json(Class<T> type) {
    try {
      return StrictJson.mapper().readValue(body, type);
    } catch (JacksonException e) {
      throw new InvalidResponseException(
          jsonPath(e), "Response of " + request.endpoint().name() + " does not decode as "
              + type.getSimpleName() + ": " + e.getOriginalMessage(),
          ErrorDetails.ofStatus(status, null), null);
    }
  }

  /** The JSON path at which a decode failed, such as {@code bids[3].price}, or {@code body}. */
  public static String jsonPath(JacksonException e) {
    StringBuilder sb = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.length() == 0 ? "body" : sb.toString();
  }
}
