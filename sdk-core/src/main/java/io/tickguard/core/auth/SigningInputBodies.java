package io.tickguard.core.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import okhttp3.RequestBody;
import okio.Buffer;

/** Reads a request body as the UTF-8 text that will be sent. */
final class SigningInputBodies {
  private SigningInputBodies() {}

  static String text(RequestBody body) {
    if (body == null) {
      return "";
    }
    try {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return buffer.readString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the request body to sign it", e);
    }
  }
}
