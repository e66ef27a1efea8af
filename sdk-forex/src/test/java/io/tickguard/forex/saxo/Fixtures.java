package io.tickguard.forex.saxo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the verbatim Saxo fixtures (sources in fixtures/README.md) and builds frames from them. */
final class Fixtures {
  private Fixtures() {}

  static byte[] bytes(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/saxo/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** The header bytes of the line named {@code name} in ws-frame-headers.txt, copied from Saxo's test. */
  static byte[] header(String name) {
    for (String line : text("ws-frame-headers.txt").split("\n")) {
      if (line.startsWith(name + ":")) {
        String list = line.substring(name.length() + 1, line.lastIndexOf(" : ")).trim();
        String[] parts = list.split(",");
        byte[] out = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
          out[i] = (byte) Integer.parseInt(parts[i].trim());
        }
        return out;
      }
    }
    throw new IllegalArgumentException("No header line " + name);
  }

  /** The literal payload named after the header line's " : ", as Saxo's test writes it. */
  static String literalPayload(String name) {
    for (String line : text("ws-frame-headers.txt").split("\n")) {
      if (line.startsWith(name + ":")) {
        return line.substring(line.lastIndexOf(" : ") + 3);
      }
    }
    throw new IllegalArgumentException("No header line " + name);
  }

  static ByteBuffer concat(List<byte[]> parts) {
    ByteBuffer out = ByteBuffer.allocate(parts.stream().mapToInt(p -> p.length).sum());
    parts.forEach(out::put);
    return out.flip();
  }
}
