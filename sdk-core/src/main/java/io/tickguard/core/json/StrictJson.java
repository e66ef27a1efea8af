package io.tickguard.core.json;

import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper configuration TickGuard decodes responses with. It is strict where leniency
 * would hide a broken or hostile answer, and tolerant only where that is safe:
 *
 * <ul>
 *   <li>duplicate keys are refused (a second {@code "price"} must not silently win);
 *   <li>trailing tokens after the document are refused;
 *   <li>{@code NaN} and {@code Infinity} are refused (they are not JSON, and not prices);
 *   <li>floating-point numbers become {@link java.math.BigDecimal}, exactly as written;
 *   <li>a float is never truncated into an integer field, and {@code null} never becomes {@code 0};
 *   <li>unknown properties are ignored: providers add fields without notice, and that is safe;
 *   <li>nesting depth, number length and string length are bounded.
 * </ul>
 *
 * <p>Build the mapper once and share it: a {@link JsonMapper} is thread-safe and costly to create.
 */
public final class StrictJson {
  private static final JsonMapper MAPPER = newMapper();

  private StrictJson() {}

  /** The shared strict mapper. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  /**
   * Reads one untrusted JSON document into a tree with the strict mapper. Every way the bytes can be
   * wrong ends in the exception {@code invalid} makes from a short reason, which never quotes the
   * input: malformed JSON, a broken constraint, and a number beyond any decimal's range (Jackson
   * reports that one with {@link NumberFormatException} or {@link ArithmeticException}, not with a
   * {@link JacksonException}, so catching only the latter lets it escape).
   *
   * @param invalid makes the typed exception to throw from the reason
   */
  public static JsonNode readTree(byte[] json, Function<String, ? extends RuntimeException> invalid) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw invalid.apply("not valid JSON (" + e.getClass().getSimpleName() + ")");
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid.apply("holds a number beyond any decimal's range");
    }
  }

  /** {@link #readTree(byte[], Function)} of a document already decoded to text. */
  public static JsonNode readTree(String json, Function<String, ? extends RuntimeException> invalid) {
    try {
      return MAPPER.readTree(json);
    } catch (JacksonException e) {
      throw invalid.apply("not valid JSON (" + e.getClass().getSimpleName() + ")");
    } catch (NumberFormatException | ArithmeticException e) {
      throw invalid.apply("holds a number beyond any decimal's range");
    }
  }

  /** A new builder with the strict settings, for a caller that must register its own modules. */
  public static JsonMapper.Builder builder() {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(64)
                    .maxNumberLength(100)
                    .maxStringLength(1 << 20)
                    .build())
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            // Each thread keeps its own parser buffers: the default pool is one queue shared by
            // every caller, and taking and returning its buffers cost a small response's
            // decode about a third as much again as the parsing (docs/performance.md, round 11).
            .recyclerPool(JsonRecyclerPools.threadLocalPool())
            .build();
    return JsonMapper.builder(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  private static JsonMapper newMapper() {
    return builder().build();
  }
}
