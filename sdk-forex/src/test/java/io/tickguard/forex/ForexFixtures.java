package io.tickguard.forex;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the provider samples under {@code fixtures/} (sources in {@code fixtures/README.md}) byte for byte. */
public final class ForexFixtures {
  private ForexFixtures() {}

  /** The text of {@code fixtures/<path>}. */
  public static String read(String path) {
    try (InputStream in = ForexFixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
