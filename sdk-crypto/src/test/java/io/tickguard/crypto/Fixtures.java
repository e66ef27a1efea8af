package io.tickguard.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Loads the verbatim documentation samples under {@code fixtures/}. Some providers annotate their
 * samples with {@code //} comments, which JSON does not allow; {@link #json} drops them (outside
 * strings only) and changes nothing else.
 */
public final class Fixtures {
  private Fixtures() {}

  /** The file's text exactly as stored. */
  public static String raw(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("No fixture " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file as strict JSON: {@code //} comments outside strings removed. */
  public static String json(String path) {
    return stripLineComments(raw(path));
  }

  static String stripLineComments(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\' && i + 1 < text.length()) {
          out.append(text.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '/') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
        if (i < text.length()) {
          out.append('\n');
        }
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
