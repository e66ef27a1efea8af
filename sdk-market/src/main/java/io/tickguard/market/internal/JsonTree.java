package io.tickguard.market.internal;

import io.tickguard.core.InvalidResponseException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Typed reads from a strict JSON tree for small payloads (tickers, instruments, balances). Every
 * missing or mistyped field becomes an {@link InvalidResponseException} naming its path.
 */
public final class JsonTree {
  private JsonTree() {}

  /** The member {@code name} of {@code node}, which must exist. */
  public static JsonNode required(JsonNode node, String name, String path) {
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull() || v.isMissingNode()) {
      throw new InvalidResponseException(path, "Field " + path + " is missing");
    }
    return v;
  }

  /** {@code node} when it is an object. */
  public static JsonNode object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new InvalidResponseException(path, "Field " + path + " must be a JSON object");
    }
    return node;
  }

  /** {@code node} when it is an array. */
  public static JsonNode array(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw new InvalidResponseException(path, "Field " + path + " must be a JSON array");
    }
    return node;
  }

  /** The member {@code name} as an object. */
  public static JsonNode object(JsonNode node, String name, String path) {
    return object(required(node, name, path), path);
  }

  /** The member {@code name} as an array. */
  public static JsonNode array(JsonNode node, String name, String path) {
    return array(required(node, name, path), path);
  }

  /** A string value. */
  public static String text(JsonNode node, String path) {
    if (node == null || !node.isString()) {
      throw new InvalidResponseException(path, "Field " + path + " must be a string");
    }
    return node.stringValue();
  }

  /** The member {@code name} as a string. */
  public static String text(JsonNode node, String name, String path) {
    return text(required(node, name, path), path);
  }

  /** A decimal written as a JSON string or number, exactly as written. */
  public static BigDecimal decimal(JsonNode node, String path) {
    if (node == null || !(node.isString() || node.isNumber())) {
      throw new InvalidResponseException(path, "Field " + path + " must be a decimal number or numeric string");
    }
    return Decimals.parse(node.isString() ? node.stringValue() : plain(node), path);
  }

  /** The member {@code name} as a decimal. */
  public static BigDecimal decimal(JsonNode node, String name, String path) {
    return decimal(required(node, name, path), path);
  }

  /** The member {@code name} as a decimal, if present and not null. */
  public static Optional<BigDecimal> optionalDecimal(JsonNode node, String name, String path) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(decimal(v, path));
  }

  /** An integral number, written as a JSON integer or a string of digits. */
  public static long integer(JsonNode node, String path) {
    if (node != null && node.isIntegralNumber() && node.canConvertToLong()) {
      return node.longValue();
    }
    if (node != null && node.isString() && Integers.isLong(node.stringValue())) {
      return Long.parseLong(node.stringValue());
    }
    throw new InvalidResponseException(path, "Field " + path + " must be an integer that fits 64 bits");
  }

  /** The member {@code name} as an integer in {@code [min, max]}; anything else is refused, naming {@code path}. */
  public static long integer(JsonNode node, String name, String path, long min, long max) {
    return Integers.inRange(integer(node, name, path), min, max, path);
  }

  /** The member {@code name} as an integral number. */
  public static long integer(JsonNode node, String name, String path) {
    return integer(required(node, name, path), path);
  }

  /** A boolean value. */
  public static boolean bool(JsonNode node, String name, String path) {
    JsonNode v = required(node, name, path);
    if (!v.isBoolean()) {
      throw new InvalidResponseException(path, "Field " + path + " must be true or false");
    }
    return v.booleanValue();
  }

  /** Epoch milliseconds as an instant, range-checked by {@link Times#epochMillis}. */
  public static Instant epochMillis(JsonNode node, String name, String path) {
    return Times.epochMillis(integer(node, name, path), path);
  }

  /** Epoch seconds as an instant, range-checked by {@link Times#epochSeconds(long, String)}. */
  public static Instant epochSeconds(JsonNode node, String name, String path) {
    return Times.epochSeconds(integer(node, name, path), path);
  }

  // Lazily named reads: the same checks, the path rendered from {@code at} only when a value is refused.

  /** The member {@code name} of {@code node} below {@code at}, which must exist. */
  public static JsonNode required(JsonNode node, String name, JsonPath at) {
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull() || v.isMissingNode()) {
      return required(v, name, at.field(name)); // throws, naming the field
    }
    return v;
  }

  /** {@code node} when it is an object; {@code at} names it otherwise. */
  public static JsonNode object(JsonNode node, JsonPath at) {
    return node != null && node.isObject() ? node : object(node, at.self());
  }

  /** The member {@code name} as an object. */
  public static JsonNode object(JsonNode node, String name, JsonPath at) {
    JsonNode v = required(node, name, at);
    return v.isObject() ? v : object(v, at.field(name));
  }

  /** The member {@code name} as an array. */
  public static JsonNode array(JsonNode node, String name, JsonPath at) {
    JsonNode v = required(node, name, at);
    return v.isArray() ? v : array(v, at.field(name));
  }

  /** The member {@code name} as a string. */
  public static String text(JsonNode node, String name, JsonPath at) {
    JsonNode v = required(node, name, at);
    return v.isString() ? v.stringValue() : text(v, at.field(name));
  }

  /** The member {@code name} as a decimal. */
  public static BigDecimal decimal(JsonNode node, String name, JsonPath at) {
    return decimalOf(required(node, name, at), name, at);
  }

  /** The member {@code name} as a decimal, if present and not null. */
  public static Optional<BigDecimal> optionalDecimal(JsonNode node, String name, JsonPath at) {
    JsonNode v = node.get(name);
    return v == null || v.isNull() ? Optional.empty() : Optional.of(decimalOf(v, name, at));
  }

  /** {@code value} (an array element, say) as a decimal, naming {@code at.field} on failure. */
  public static BigDecimal decimal(JsonNode value, JsonPath at, String field) {
    return value == null ? decimal(null, at.field(field)) : decimalOf(value, field, at);
  }

  /** {@code value} as a string, naming {@code at.field} on failure. */
  public static String text(JsonNode value, JsonPath at, String field) {
    return value != null && value.isString() ? value.stringValue() : text(value, at.field(field));
  }

  /** {@code node} when it is an array; {@code at} names it otherwise. */
  public static JsonNode array(JsonNode node, JsonPath at) {
    return node != null && node.isArray() ? node : array(node, at.self());
  }

  private static BigDecimal decimalOf(JsonNode v, String name, JsonPath at) {
    if (v.isString()) {
      String text = v.stringValue();
      BigDecimal d = Decimals.parseOrNull(text);
      return d != null ? d : Decimals.parse(text, at.field(name));
    }
    return decimal(v, at.field(name)); // numbers (rare on the wire) and refusals
  }

  /** The member {@code name} as an integral number. */
  public static long integer(JsonNode node, String name, JsonPath at) {
    JsonNode v = required(node, name, at);
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v.isString() && Integers.isLong(v.stringValue())) {
      return Long.parseLong(v.stringValue()); // Unix seconds written as a string of digits
    }
    return integer(v, at.field(name));
  }

  /** The member {@code name} as an integer in {@code [min, max]}. */
  public static long integer(JsonNode node, String name, JsonPath at, long min, long max) {
    long v = integer(node, name, at);
    return v >= min && v <= max ? v : Integers.inRange(v, min, max, at.field(name));
  }

  /** The member {@code name} as a boolean. */
  public static boolean bool(JsonNode node, String name, JsonPath at) {
    JsonNode v = required(node, name, at);
    return v.isBoolean() ? v.booleanValue() : bool(node, name, at.field(name));
  }

  /** Epoch milliseconds as an instant. */
  public static Instant epochMillis(JsonNode node, String name, JsonPath at) {
    long millis = integer(node, name, at);
    return millis >= 0 && millis / 1000 <= Times.LATEST.getEpochSecond()
        ? Instant.ofEpochMilli(millis) : Times.epochMillis(millis, at.field(name));
  }

  /** Epoch seconds as an instant. */
  public static Instant epochSeconds(JsonNode node, String name, JsonPath at) {
    long seconds = integer(node, name, at);
    return seconds >= 0 && seconds <= Times.LATEST.getEpochSecond()
        ? Instant.ofEpochSecond(seconds) : Times.epochSeconds(seconds, at.field(name));
  }

  private static String plain(JsonNode number) {
    BigDecimal d = number.decimalValue();
    // toPlainString of 1E+400 is 401 characters long, which Decimals.parse then refuses.
    return d.abs().compareTo(BigDecimal.TEN.pow(Decimals.MAX_LENGTH)) >= 0 || d.scale() > Decimals.MAX_LENGTH
        ? "x".repeat(Decimals.MAX_LENGTH + 1)
        : d.toPlainString();
  }
}
