package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;

/**
 * {@link JsonStream#nextDecimalPair} reads order-book levels one call per level and accepts and
 * refuses exactly what reading them token by token does: non-arrays, non-decimals, malformed JSON
 * and repeated members inside skipped values.
 */
class JsonStreamDecimalPairTest {

  @Test
  void pairsAreReadExactlyWithTheirScaleAndExtraValuesSkipped() {
    try (JsonStream in = arrayOf("[[\"64250.01000000\",\"0.5\"],[1.25,\"2\",1700000000,{\"a\":[1]}],[\"3\",4,[5,[6]]]]")) {
      BigDecimal[] pair = new BigDecimal[2];

      assertThat(in.nextDecimalPair(pair)).isEqualTo(JsonStream.PAIR);
      assertThat(pair[0]).isEqualTo(new BigDecimal("64250.01000000")); // equals: scale kept
      assertThat(pair[1]).isEqualTo(new BigDecimal("0.5"));
      assertThat(in.nextDecimalPair(pair)).isEqualTo(JsonStream.PAIR);
      assertThat(pair).containsExactly(new BigDecimal("1.25"), new BigDecimal("2"));
      assertThat(in.nextDecimalPair(pair)).isEqualTo(JsonStream.PAIR);
      assertThat(pair).containsExactly(new BigDecimal("3"), new BigDecimal("4"));
      assertThat(in.nextDecimalPair(pair)).isEqualTo(JsonStream.PAIRS_END);
      in.end();
    }
  }

  @Test
  void anEmptyArrayHasNoPairs() {
    try (JsonStream in = arrayOf("[]")) {
      assertThat(in.nextDecimalPair(new BigDecimal[2])).isEqualTo(JsonStream.PAIRS_END);
    }
  }

  @Test
  void anElementThatIsNotAnArrayIsAnsweredWithTheReaderOnIt() {
    try (JsonStream in = arrayOf("[{\"price\":\"1\"}]")) {
      assertThat(in.nextDecimalPair(new BigDecimal[2])).isEqualTo(JsonStream.NOT_AN_ARRAY);
      assertThat(in.current()).isEqualTo(JsonToken.START_OBJECT);
    }
    try (JsonStream in = arrayOf("[\"1\"]")) {
      assertThat(in.nextDecimalPair(new BigDecimal[2])).isEqualTo(JsonStream.NOT_AN_ARRAY);
      assertThat(in.current()).isEqualTo(JsonToken.VALUE_STRING);
    }
  }

  @Test
  void aFirstValueThatIsNotAPlainDecimalIsAnsweredAndNamedByTheCaller() {
    for (String level : new String[] {"[\"1e5\",\"1\"]", "[null,\"1\"]", "[]", "[{\"p\":1},\"1\"]", "[\"abc\",\"1\"]"}) {
      try (JsonStream in = arrayOf("[" + level + "]")) {
        BigDecimal[] pair = new BigDecimal[2];
        assertThat(in.nextDecimalPair(pair)).as(level).isEqualTo(JsonStream.FIRST_NOT_DECIMAL);
        assertThat(pair).as("nothing is written on refusal").containsOnlyNulls();
        assertThatThrownBy(() -> { throw in.invalidDecimal("bids[0].price"); })
            .isInstanceOf(InvalidResponseException.class).hasMessageContaining("bids[0].price");
      }
    }
  }

  @Test
  void aSecondValueThatIsNotAPlainDecimalIsAnswered() {
    String tooLong = "1." + "0".repeat(Decimals.MAX_LENGTH);
    for (String level : new String[] {"[\"1\"]", "[\"1\",true]", "[\"1\",\"-\"]", "[\"1\",\"" + tooLong + "\"]"}) {
      try (JsonStream in = arrayOf("[" + level + "]")) {
        assertThat(in.nextDecimalPair(new BigDecimal[2])).as(level).isEqualTo(JsonStream.SECOND_NOT_DECIMAL);
      }
    }
  }

  @Test
  void aRepeatedMemberInsideASkippedExtraValueIsRefused() {
    try (JsonStream in = arrayOf("[[\"1\",\"2\",{\"t\":1,\"t\":2}]]")) {
      assertThatThrownBy(() -> in.nextDecimalPair(new BigDecimal[2]))
          .isInstanceOf(InvalidResponseException.class)
          .hasMessageContaining("duplicate field 't'");
    }
  }

  @Test
  void malformedJsonInsideALevelIsRefusedAsMalformed() {
    for (String body : new String[] {"[[\"1\",]]", "[[\"1\" \"2\"]]", "[[\"1\",\"2\"", "[[\"1\",\"2\"}]"}) {
      try (JsonStream in = arrayOf(body)) {
        assertThatThrownBy(() -> {
          BigDecimal[] pair = new BigDecimal[2];
          while (in.nextDecimalPair(pair) == JsonStream.PAIR) {
            assertThat(pair[0]).isNotNull();
          }
        }).as(body).isInstanceOf(InvalidResponseException.class).hasMessageContaining("not valid JSON");
      }
    }
  }

  /** A reader positioned on the opening bracket of {@code json}. */
  private static JsonStream arrayOf(String json) {
    JsonStream in = JsonStream.of(json);
    in.next(JsonToken.START_ARRAY, "body");
    return in;
  }
}
