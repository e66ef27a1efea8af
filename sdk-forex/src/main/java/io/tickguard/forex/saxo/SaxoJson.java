package io.tickguard.forex.saxo;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.market.internal.JsonPath;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads of Saxo's JSON. Saxo sends prices as JSON numbers: they are read as the {@link
 * BigDecimal} of the number's own text (the strict mapper decodes floats as {@code BigDecimal}), so
 * {@code 1.08500} keeps its five decimals. A missing or mistyped field is an {@link
 * InvalidResponseException} naming its path.
 */
final class SaxoJson {
  /** Saxo's placeholder for "no time" ({@code 0001-01-01T00:00:00Z}) and anything before it. */
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

  private SaxoJson() {}

  static JsonNode field(JsonNode node, String name, String path) {
    JsonNode v = node == null ? null : node.get(name);
    if (v == null || v.isNull()) {
      throw new InvalidResponseException(path, "Saxo response lacks " + path);
    }
    return v;
  }

  static BigDecimal decimal(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isNumber()) {
      throw new InvalidResponseException(path, "Saxo " + path + " must be a JSON number, was " + v.getNodeType());
    }
    return v.decimalValue();
  }

  static String text(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isString()) {
      throw new InvalidResponseException(path, "Saxo " + path + " must be a JSON string, was " + v.getNodeType());
    }
    return v.stringValue();
  }

  static int integer(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      throw new InvalidResponseException(path, "Saxo " + path + " must be a 32-bit integer");
    }
    return v.intValue();
  }

  static Instant time(JsonNode node, String name, String path) {
    String text = text(node, name, path);
    Instant t;
    try {
      t = Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidResponseException(path, "Saxo " + path + " is not an ISO-8601 UTC time: " + shorten(text));
    }
    if (t.isBefore(EARLIEST)) {
      throw new InvalidResponseException(path, "Saxo " + path + " is " + text + ", a placeholder rather than a time");
    }
    return t;
  }

  static JsonNode array(JsonNode node, String name, String path) {
    JsonNode v = field(node, name, path);
    if (!v.isArray()) {
      throw new InvalidResponseException(path, "Saxo " + path + " must be a JSON array, was " + v.getNodeType());
    }
    return v;
  }

  // Lazily named reads: the same checks, the path rendered from {@code at} only when a value is refused.

  static JsonNode field(JsonNode node, String name, JsonPath at) {
    JsonNode v = node == null ? null : node.get(name);
    return v == null || v.isNull() ? field(node, name, at.field(name)) : v;
  }

  static BigDecimal decimal(JsonNode node, String name, JsonPath at) {
    JsonNode v = field(node, name, at);
    return v.isNumber() ? v.decimalValue() : decimal(node, name, at.field(name));
  }

  static String text(JsonNode node, String name, JsonPath at) {
    JsonNode v = field(node, name, at);
    return v.isString() ? v.stringValue() : text(node, name, at.field(name));
  }

  static int integer(JsonNode node, String name, JsonPath at) {
    JsonNode v = field(node, name, at);
    return v.isIntegralNumber() && v.canConvertToInt() ? v.intValue() : integer(node, name, at.field(name));
  }

  static Instant time(JsonNode node, String name, JsonPath at) {
    String text = text(node, name, at);
    try {
      Instant t = Instant.parse(text);
      if (!t.isBefore(EARLIEST)) {
        return t;
      }
    } catch (DateTimeParseException e) {
      // refused below, naming the field
    }
    return time(node, name, at.field(name));
  }

  /**
   * Applies a streaming delta onto a snapshot: objects merge field by field, anything else
   * replaces. Saxo sends only what changed, so a field absent from the delta keeps its value.
   */
  static void merge(ObjectNode snapshot, JsonNode delta) {
    for (Map.Entry<String, JsonNode> e : delta.properties()) {
      JsonNode current = snapshot.get(e.getKey());
      if (current instanceof ObjectNode target && e.getValue().isObject()) {
        merge(target, e.getValue());
      } else {
        snapshot.set(e.getKey(), e.getValue().deepCopy());
      }
    }
  }

  private static String shorten(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }
}
