package io.tickguard.benchmarks.decode;

import io.tickguard.core.json.StrictJson;
import java.math.BigDecimal;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamReadException;

/** Token-level helpers shared by the streaming decoders (scaffolding, see the package note). */
final class StreamingJson {
  private StreamingJson() {}

  /** A parser over {@code body} with TickGuard's strict settings (duplicate keys, NaN, depth). */
  static JsonParser parser(byte[] body) {
    return StrictJson.mapper().createParser(body);
  }

  static void expect(JsonParser p, JsonToken expected) {
    JsonToken actual = p.nextToken();
    if (actual != expected) {
      throw new StreamReadException(p, "expected " + expected + " but found " + actual);
    }
  }

  /**
   * The next token as a decimal string ({@code "64250.01"}), read from the parser's buffer without
   * creating a {@link String} first.
   */
  static BigDecimal nextDecimalString(JsonParser p) {
    expect(p, JsonToken.VALUE_STRING);
    return new BigDecimal(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
  }

  static long nextLong(JsonParser p) {
    expect(p, JsonToken.VALUE_NUMBER_INT);
    return p.getLongValue();
  }

  /** Skips the next value whatever it is (scalar, array or object). */
  static void skipValue(JsonParser p) {
    p.nextToken();
    p.skipChildren();
  }

  /** Requires the document to end here (no trailing tokens). */
  static void expectEnd(JsonParser p) {
    JsonToken trailing = p.nextToken();
    if (trailing != null) {
      throw new StreamReadException(p, "trailing token " + trailing + " after the document");
    }
  }
}
