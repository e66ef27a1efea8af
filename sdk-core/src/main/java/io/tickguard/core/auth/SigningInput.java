package io.tickguard.core.auth;

import java.time.Instant;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * Everything a {@link RequestSigner} may sign for one attempt, exactly as it goes on the wire.
 *
 * @param method HTTP method, upper case
 * @param host the host name, without port
 * @param path the encoded path, starting with {@code /}
 * @param query the encoded query string without {@code ?}, empty when none
 * @param body the request body as sent (UTF-8), empty when none
 * @param time the server-corrected time of this attempt
 * @param timestamp {@code time} formatted as the provider expects it in the request
 * @param nonce this attempt's nonce, strictly increasing per key
 */
public record SigningInput(
    String method, String host, String path, String query, String body, Instant time, String timestamp, long nonce) {

  public SigningInput {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(timestamp, "timestamp");
  }

  /** The signing input of {@code request} as it will be sent. */
  public static SigningInput of(Request request, Freshness freshness) {
    HttpUrl url = request.url();
    String encodedQuery = url.encodedQuery();
    String query = encodedQuery == null ? "" : encodedQuery;
    return new SigningInput(
        request.method(), url.host(), url.encodedPath(), query, bodyOf(request.body()),
        freshness.time(), freshness.timestamp(), freshness.nonce());
  }

  /** The path with its query, as {@code /a/b?x=1}. */
  public String pathAndQuery() {
    return query.isEmpty() ? path : path + "?" + query;
  }

  private static String bodyOf(RequestBody body) {
    return SigningInputBodies.text(body);
  }
}
