package io.tickguard.core.internal;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import java.io.IOException;
import java.util.function.Supplier;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/** Reads a response body into memory, refusing one larger than the cap without reading it whole. */
public final class BodyReader {
  private BodyReader() {}

  /**
   * The body's bytes. {@code details} (status, request id) are built only for a refusal.
   *
   * @throws InvalidResponseException when the body is declared or found to be over {@code maxBytes};
   *     at most {@code maxBytes} plus one buffer segment is read in that case
   */
  public static byte[] read(ResponseBody body, long maxBytes, String endpoint, Supplier<ErrorDetails> details)
      throws IOException {
    long declared = body.contentLength();
    if (declared > maxBytes) {
      throw tooLarge(endpoint, "declares " + declared + " bytes,", maxBytes, details);
    }
    BufferedSource source = body.source();
    if (source.request(maxBytes + 1)) {
      throw tooLarge(endpoint, "is", maxBytes, details);
    }
    return source.getBuffer().readByteArray();
  }

  private static InvalidResponseException tooLarge(
      String endpoint, String what, long maxBytes, Supplier<ErrorDetails> details) {
    return new InvalidResponseException(
        "body", "Response body of " + endpoint + " " + what + " over the cap of " + maxBytes
            + " bytes; it was not read. Raise ClientConfig.maxResponseBytes if this is expected",
        details.get(), null);
  }
}
