package io.tickguard.core.testutil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts one fuzzer input into the several values a target needs. Parts are separated by the byte
 * {@code 0x1E} (ASCII record separator), so a seed file stays readable and every other byte,
 * including CR, LF and NUL, can still reach the code under test inside a part.
 */
public final class FuzzInput {
  /** The byte that separates parts in a seed file. */
  public static final byte SEPARATOR = 0x1E;

  private FuzzInput() {}

  /** Exactly {@code n} parts: missing ones are empty, extra separators stay in the last part. */
  public static List<byte[]> parts(byte[] data, int n) {
    List<byte[]> out = new ArrayList<>(n);
    int start = 0;
    for (int i = 0; i < data.length && out.size() < n - 1; i++) {
      if (data[i] == SEPARATOR) {
        out.add(Arrays.copyOfRange(data, start, i));
        start = i + 1;
      }
    }
    out.add(Arrays.copyOfRange(data, Math.min(start, data.length), data.length));
    while (out.size() < n) {
      out.add(new byte[0]);
    }
    return out;
  }

  /** {@link #parts} as text; malformed UTF-8 becomes U+FFFD, as a lenient reader would see it. */
  public static List<String> texts(byte[] data, int n) {
    List<String> out = new ArrayList<>(n);
    for (byte[] p : parts(data, n)) {
      out.add(new String(p, StandardCharsets.UTF_8));
    }
    return out;
  }

  /** The part as Latin-1, the way HTTP/1.1 header bytes reach OkHttp's reader. */
  public static String latin1(byte[] part) {
    return new String(part, StandardCharsets.ISO_8859_1);
  }
}
