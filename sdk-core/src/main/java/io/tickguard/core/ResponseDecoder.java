package io.tickguard.core;

/**
 * Turns a successful response into a typed value. It may throw {@link InvalidResponseException}
 * (malformed or missing fields) or {@link ProviderException} (an error envelope inside a 2xx, as some
 * providers send); it must never return a partially filled value.
 *
 * @param <T> the decoded type
 */
@FunctionalInterface
public interface ResponseDecoder<T> {

  /** Decodes {@code response}, whose status is 2xx and whose content type is JSON. */
  T decode(ApiResponse response);

  /** Decodes the body into {@code type} with the strict mapper. */
  static <T> ResponseDecoder<T> json(Class<T> type) {
    return response -> response.json(type);
  }
}
