package io.tickguard.core.testutil;

import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/** Small builders of OkHttp responses for unit tests of response-reading components. */
public final class Responses {
  private Responses() {}

  /** A response with {@code code} and header name/value pairs. */
  public static Response of(int code, String... headerPairs) {
    Response.Builder b = new Response.Builder()
        .request(new Request.Builder().url("https://api.example.com/api/v3/depth").build())
        .protocol(Protocol.HTTP_1_1)
        .code(code)
        .message("status " + code);
    for (int i = 0; i < headerPairs.length; i += 2) {
      b.addHeader(headerPairs[i], headerPairs[i + 1]);
    }
    return b.build();
  }
}
