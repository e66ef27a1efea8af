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
    return decimal(p.getStringCharacters(), p.getStringOffset(), p.getStringLength());
  }

  /**
   * Parses a plain decimal ({@code -?digits(.digits)?}) of up to 18 digits into a long and a scale,
   * which is several times faster than {@link BigDecimal#BigDecimal(char[], int, int)}'s general
   * parser (measured: it was most of the typed book decode). Anything else, longer numbers and
   * exponents included, goes to that constructor, which also rejects what is not a number.
   */
  static BigDecimal decimal(char[] chars, int offset, int length) {
    int end = offset + length;
    int i = offset;
    boolean negative = length > 0 && chars[i] == '-';
    if (negative) {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = 0;
    boolean fraction = false;
    for (; i < end; i++) {
      char c = chars[i];
      if (c >= '0' && c <= '9') {
        unscaled = unscaled * 10 + (c - '0');
        digits++;
        if (fraction) {
          scale++;
        }
      } else if (c == '.' && !fraction && digits > 0 && i + 1 < end) {
        fraction = true;
      } else {
        return new BigDecimal(chars, offset, length); // exponent or malformed: the general parser decides
      }
    }
    if (digits == 0 || digits > 18) {
      return new BigDecimal(chars, offset, length);
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
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
