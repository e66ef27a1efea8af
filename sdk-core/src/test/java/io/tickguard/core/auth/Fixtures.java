package io.tickguard.core.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;

/** Loads the verbatim provider vectors of {@code src/test/resources/fixtures}. */
final class Fixtures {
  private Fixtures() {}

  static Properties load(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      Properties p = new Properties();
      p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Secret secret(String text) {
    return Secret.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  static SigningInput input(String method, String path, String query, String body, String timestamp, long nonce) {
    return new SigningInput(method, "api.example.com", path, query, body, Instant.ofEpochMilli(0), timestamp, nonce);
  }
}
