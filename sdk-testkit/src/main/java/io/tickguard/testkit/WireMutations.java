package io.tickguard.testkit;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.json.StrictJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile variants of a provider's documented answer, for decoder tests: the same document with
 * values of the wrong JSON type, so a decoder must refuse it and name the field it refused.
 */
public final class WireMutations {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_VARIANTS = 400;

  private WireMutations() {}

  /**
   * What a decoder did with one documented answer and its retyped variants: whether it accepted the
   * answer and how many paths that rendered, how many variants it refused naming a field outside the
   * constant names, and which of those refusals rendered no path (their names were built eagerly).
   *
   * @param accepted whether the documented answer itself decoded
   * @param rendersOnSuccess paths rendered decoding the documented answer (0 when lazy)
   * @param refusals refusals of variants naming a field outside the constant names
   * @param eagerlyNamed the fields of those refusals whose names were not rendered lazily, comma
   *     separated; empty when every refusal was named lazily
   */
  public record LazyNaming(boolean accepted, long rendersOnSuccess, int refusals, String eagerlyNamed) {}

  /**
   * Decodes {@code sample} and each of its {@link #retypeEachNestedScalar retyped variants} with
   * {@code decode}, reading {@code renders} (a count of rendered paths on this thread) around each.
   * A refusal naming one of {@code constantNames} (a single value named by a constant, such as a
   * server time) is not counted.
   */
  public static LazyNaming lazyNaming(byte[] sample, Consumer<byte[]> decode, LongSupplier renders, Set<String> constantNames) {
    long before = renders.getAsLong();
    try {
      decode.accept(sample);
    } catch (TickGuardException refused) {
      return new LazyNaming(false, 0, 0, "");
    }
    long rendersOnSuccess = renders.getAsLong() - before;
    int refusals = 0;
    List<String> eager = new ArrayList<>();
    for (byte[] variant : retypeEachNestedScalar(sample, MAX_VARIANTS)) {
      long beforeRefusal = renders.getAsLong();
      try {
        decode.accept(variant);
      } catch (InvalidResponseException refused) {
        if (!constantNames.contains(refused.field())) {
          refusals++;
          if (renders.getAsLong() == beforeRefusal) {
            eager.add(refused.field());
          }
        }
      }
    }
    return new LazyNaming(true, rendersOnSuccess, refusals, String.join(", ", eager));
  }

  /**
   * One variant of {@code json} per scalar below the top-level members (top-level scalars such as an
   * envelope's {@code status} are kept, so each variant reaches the decoder's own reads), each with
   * only that scalar retyped, in document order; at most {@code max}. Numbers and numeric strings
   * become the string {@code "not-a-number"}, other strings the number 7, booleans the string {@code
   * "not-a-boolean"}.
   */
  public static List<byte[]> retypeEachNestedScalar(byte[] json, int max) {
    List<byte[]> out = new ArrayList<>();
    for (int n = 0; out.size() < max; n++) {
      JsonNode root = StrictJson.mapper().readTree(json);
      int[] countdown = {n};
      boolean changed = false;
      for (JsonNode top : root) {
        if (top.isContainer() && retypeNth(top, countdown)) {
          changed = true;
          break;
        }
      }
      if (!changed) {
        break;
      }
      out.add(StrictJson.mapper().writeValueAsBytes(root));
    }
    return out;
  }

  /** Retypes the scalar {@code countdown[0]} positions on, in document order; true once done. */
  private static boolean retypeNth(JsonNode node, int[] countdown) {
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> e : object.properties()) {
        JsonNode v = e.getValue();
        if (v.isContainer() ? retypeNth(v, countdown) : countdown[0]-- == 0) {
          if (!v.isContainer()) {
            object.set(e.getKey(), retyped(v));
          }
          return true;
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode v = array.get(i);
        if (v.isContainer() ? retypeNth(v, countdown) : countdown[0]-- == 0) {
          if (!v.isContainer()) {
            array.set(i, retyped(v));
          }
          return true;
        }
      }
    }
    return false;
  }

  /** {@code -12.5}-style text: an optional minus, digits, optionally a dot and digits. */
  private static boolean isPlainDecimal(String text) {
    int i = text.startsWith("-") ? 1 : 0;
    int digits = 0;
    int dot = -1;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '.' && dot < 0 && digits > 0) {
        dot = i;
      } else if (c >= '0' && c <= '9') {
        digits++;
      } else {
        return false;
      }
    }
    return digits > 0 && dot != text.length() - 1;
  }

  private static JsonNode retyped(JsonNode v) {
    if (v.isNumber() || v.isString() && isPlainDecimal(v.stringValue())) {
      return NODES.stringNode("not-a-number");
    }
    if (v.isString()) {
      return NODES.numberNode(7);
    }
    if (v.isBoolean()) {
      return NODES.stringNode("not-a-boolean");
    }
    return v;
  }
}
