package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonStream} builds its parsers from the factory rather than through a mapper: the strict
 * limits and refusals of {@code StrictJson} must still apply to every reader.
 */
class JsonStreamStrictSettingsTest {

  private static void readAll(String json) {
    try (JsonStream in = JsonStream.of(json)) {
      while (in.next() != null) {
        // walk every token
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"a\":+1}", "{\"a\":NaN}", "{'a':1}", "{\"a\":[1,]}"})
  void lenientSyntaxIsRefused(String json) {
    assertThatThrownBy(() -> readAll(json)).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("not valid JSON");
  }

  /** Found by CompactReadersFuzzTest#binanceDepth: Jackson's encoding detection failed before any token. */
  @Test
  void bytesInAnEncodingJacksonCannotReadAreRefusedAsMalformed() {
    byte[] ucs4InAnUnsupportedOrder = {0, 0x5e, 0, 0, 0, 0, 0, 0, '{', '}'};

    assertThatThrownBy(() -> JsonStream.of(ucs4InAnUnsupportedOrder)).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("not valid JSON").hasMessageContaining("UCS-4")
        .extracting(e -> ((InvalidResponseException) e).field()).isEqualTo("body");
  }

  @ParameterizedTest
  @ValueSource(ints = {65, 200})
  void nestingBeyondSixtyFourLevelsIsRefused(int depth) {
    assertThatThrownBy(() -> readAll("[".repeat(depth) + "]".repeat(depth))).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("nesting depth");
  }

  @ParameterizedTest
  @ValueSource(ints = {101, 5000})
  void numbersLongerThanAHundredDigitsAreRefused(int digits) {
    assertThatThrownBy(() -> readAll("{\"a\":" + "1".repeat(digits) + "}")).isInstanceOf(InvalidResponseException.class)
        .hasMessageContaining("Number value length");
  }
}
