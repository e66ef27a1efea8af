package io.tickguard.core;

import java.time.Clock;
import java.util.Optional;
import okhttp3.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A received response whose body has been read, up to the configured cap, into memory. Decoders and
 * error decoders read it; the Response stage creates it and only ever hands it to them, never to
 * users. It is an interface so that its construction stays inside the pipeline; do not implement it.
 */
public interface ApiResponse {

  /** The client's clock, for decoders that check timestamps. */
  Clock clock();

  /** The request this answers. */
  ApiRequest request();

  /** The HTTP status. */
  int status();

  /** The response headers. */
  Headers headers();

  /** The first value of header {@code name}. */
  Optional<String> header(String name);

  /** The body bytes; do not modify. */
  byte[] body();

  /** The body as UTF-8 text. */
  String bodyText();

  /** The media type without parameters, lower case, or empty when the server sent none. */
  String contentType();

  /** Whether the body was declared as JSON ({@code application/json} or {@code +json}). */
  boolean isJson();

  /** The body parsed as a strict JSON tree. */
  JsonNode json();

  /** The body decoded into {@code type} with the strict mapper. */
  <T> T json(Class<T> type);

  /** The JSON path at which a decode failed, such as {@code bids[3].price}, or {@code body}. */
  static String jsonPath(JacksonException e) {
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
