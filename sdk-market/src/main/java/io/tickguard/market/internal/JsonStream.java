package io.tickguard.market.internal;

import io.tickguard.core.ApiResponse;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.json.StrictJson;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A forward-only reader over a response body for large payloads (order books, candles, trades):
 * values go straight from the token stream into the model, with no intermediate tree. Every
 * unexpected token becomes an {@link InvalidResponseException} naming the path the caller gives,
 * and so does malformed JSON: no parser exception leaves this class, so a decoder built on it ends
 * in a value or a typed exception whoever calls it.
 */
public final class JsonStream implements AutoCloseable {
  private final JsonParser parser;

  private JsonStream(JsonParser parser) {
    this.parser = parser;
  }

  /** A reader over {@code response}'s body, with the strict parser settings. */
  public static JsonStream of(ApiResponse response) {
    return new JsonStream(StrictJson.mapper().createParser(response.body()));
  }

  /** A reader over {@code json}, with the strict parser settings. */
  public static JsonStream of(byte[] json) {
    return new JsonStream(StrictJson.mapper().createParser(json));
  }

  /** A reader over {@code json} (one stream message), with the strict parser settings. */
  public static JsonStream of(String json) {
    return new JsonStream(StrictJson.mapper().createParser(json));
  }

  /** Advances and returns the next token ({@code null} at the end of input). */
  public JsonToken next() {
    try {
      return parser.nextToken();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** The current token. */
  public JsonToken current() {
    return parser.currentToken();
  }

  /** Advances and requires {@code expected}. */
  public void next(JsonToken expected, String path) {
    expect(next(), expected, path);
  }

  /** Requires {@code actual} to be {@code expected}. */
  public static void expect(JsonToken actual, JsonToken expected, String path) {
    if (actual != expected) {
      throw new InvalidResponseException(path, "Field " + path + " must be " + describe(expected) + ", found " + describe(actual));
    }
  }

  /**
   * Advances inside an array: {@code true} when an element starts (the reader is on its first
   * token), {@code false} at the end of the array.
   */
  public boolean nextElement() {
    return next() != JsonToken.END_ARRAY;
  }

  /** The next member name of the current object, or {@code null} at its end. */
  public String nextName() {
    try {
      return parser.nextName();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Skips the value the reader is on (scalars, or whole objects and arrays). */
  public void skipCurrent() {
    try {
      parser.skipChildren();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /** Advances and skips the next value. */
  public void skipNext() {
    next();
    skipCurrent();
  }

  /** Reads the current token as a decimal written as a JSON string or number. */
  public BigDecimal decimal(String path) {
    BigDecimal d = decimalOrNull();
    if (d == null) {
      throw invalidDecimal(path);
    }
    return d;
  }

  /**
   * The current token as an exact decimal, or {@code null} when it is not a plain decimal string or
   * number. Reads the parser's character buffer directly: no string is created for valid values.
   */
  public BigDecimal decimalOrNull() {
    JsonToken t = current();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      try {
        return Decimals.parseOrNull(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
      } catch (JacksonException e) {
        throw malformed(e);
      }
    }
    return null;
  }

  /** The exception for a current token that {@link #decimalOrNull()} refused, naming {@code path}. */
  public InvalidResponseException invalidDecimal(String path) {
    JsonToken t = current();
    if (t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      return Decimals.invalid(text(), path);
    }
    return new InvalidResponseException(path, "Field " + path + " must be a decimal number or numeric string, found " + describe(t));
  }

  /** Advances and reads a decimal. */
  public BigDecimal nextDecimal(String path) {
    next();
    return decimal(path);
  }

  /**
   * Reads the current token as a decimal; on failure names {@code base[index]suffix}. The path is
   * only built when the value is refused, which keeps loops over thousands of entries allocation-free.
   */
  public BigDecimal decimal(String base, int index, String suffix) {
    BigDecimal d = decimalOrNull();
    if (d == null) {
      throw invalidDecimal(base + "[" + index + "]" + suffix);
    }
    return d;
  }

  /** Advances and reads a decimal, naming {@code base[index]suffix} on failure. */
  public BigDecimal nextDecimal(String base, int index, String suffix) {
    next();
    return decimal(base, index, suffix);
  }

  /** Advances and reads an integer, naming {@code base[index]suffix} on failure. */
  public long nextInteger(String base, int index, String suffix) {
    next();
    if (current() == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = numberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return parser.getLongValue();
      }
    }
    return integer(base + "[" + index + "]" + suffix);
  }

  /**
   * Reads the current token as an integer written as a JSON number or a string of digits; one that
   * does not fit a {@code long} is refused, never wrapped or rounded.
   */
  public long integer(String path) {
    JsonToken t = current();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = numberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return parser.getLongValue();
      }
      throw new InvalidResponseException(path, "Field " + path + " does not fit a 64-bit integer");
    }
    if (t == JsonToken.VALUE_STRING && Integers.isLong(text())) {
      return Long.parseLong(text());
    }
    throw new InvalidResponseException(path, "Field " + path + " must be an integer, found " + describe(t));
  }

  /** Reads the current token as an integer in {@code [min, max]}; anything else is refused, naming {@code path}. */
  public long integer(String path, long min, long max) {
    return Integers.inRange(integer(path), min, max, path);
  }

  /** Advances and reads an integer. */
  public long nextInteger(String path) {
    next();
    return integer(path);
  }

  /** Reads the current token as a string. */
  public String string(String path) {
    if (current() != JsonToken.VALUE_STRING) {
      throw new InvalidResponseException(path, "Field " + path + " must be a string, found " + describe(current()));
    }
    return text();
  }

  private String text() {
    try {
      return parser.getString();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private JsonParser.NumberType numberType() {
    try {
      return parser.getNumberType();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static InvalidResponseException malformed(JacksonException e) {
    return new InvalidResponseException(
        "body", "Response is not valid JSON: " + e.getOriginalMessage(), io.tickguard.core.ErrorDetails.none(), e);
  }

  /** Advances and reads a string. */
  public String nextString(String path) {
    next();
    return string(path);
  }

  /** Reads the current token as a boolean. */
  public boolean bool(String path) {
    JsonToken t = current();
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      return t == JsonToken.VALUE_TRUE;
    }
    throw new InvalidResponseException(path, "Field " + path + " must be true or false, found " + describe(t));
  }

  /** Requires that nothing follows the document. */
  public void end() {
    if (next() != null) {
      throw new InvalidResponseException("body", "Unexpected content after the JSON document");
    }
  }

  /** Skips the rest of the current array (the reader is inside it) up to and including its end. */
  public void skipRestOfArray() {
    while (nextElement()) {
      skipCurrent();
    }
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "end of input";
    }
    switch (t) {
      case START_OBJECT:
        return "an object";
      case START_ARRAY:
        return "an array";
      case END_ARRAY:
        return "the end of an array";
      case END_OBJECT:
        return "the end of an object";
      case VALUE_STRING:
        return "a string";
      case VALUE_NULL:
        return "null";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      default:
        return "a number";
    }
  }
}
