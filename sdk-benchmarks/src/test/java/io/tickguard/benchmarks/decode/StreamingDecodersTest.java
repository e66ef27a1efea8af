package io.tickguard.benchmarks.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.benchmarks.fixture.MarketPayloads;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;

/** The scaffolding decoders must do the full job, or the decode benchmark would flatter them. */
class StreamingDecodersTest {

  @Test
  void depthOfFiveThousandLevelsDecodesEveryLevel() {
    OrderBookSnapshot book = BinanceDepthDecoder.INSTANCE.decode(MarketPayloads.orderBook(5000));
    assertThat(book.bids()).hasSize(5000);
    assertThat(book.asks()).hasSize(5000);
    assertThat(book.bids().get(0).price()).isEqualByComparingTo("64250.01");
    assertThat(book.asks().get(0).price()).isEqualByComparingTo("64250.02");
  }

  @Test
  void crossedBookIsRefused() {
    byte[] crossed = "{\"lastUpdateId\":1,\"bids\":[[\"2\",\"1\"]],\"asks\":[[\"1\",\"1\"]]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> BinanceDepthDecoder.INSTANCE.decode(crossed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crossed");
  }

  @Test
  void duplicateKeyIsRefusedByTheStrictParser() {
    byte[] duplicate = "{\"lastUpdateId\":1,\"lastUpdateId\":2,\"bids\":[],\"asks\":[]}".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> BinanceDepthDecoder.INSTANCE.decode(duplicate)).isInstanceOf(JacksonException.class);
  }

  @Test
  void thousandCandlesDecodeWithTheirFields() {
    var candles = BinanceKlinesDecoder.INSTANCE.decode(MarketPayloads.candles(1000));
    assertThat(candles).hasSize(1000);
    assertThat(candles.get(0).open()).isEqualByComparingTo(new BigDecimal("64000.00"));
    assertThat(candles.get(999).trades()).isEqualTo(1999);
  }

  @Test
  void truncatedCandleFailsInsteadOfLooping() {
    byte[] truncated = "[[1,\"1\",\"2\",\"1\",\"1\",\"1\",2,\"1\",3,\"1\"".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> BinanceKlinesDecoder.INSTANCE.decode(truncated)).isInstanceOf(JacksonException.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "1", "-1", "64250.01000000", "0.00000001", "-0.5", "123456789012345678",
      "1234567890123456789.5", "1e5", "1.5E-3", ".5", "5."})
  void fastDecimalPathAgreesWithBigDecimal(String text) {
    assertThat(StreamingJson.decimal(text.toCharArray(), 0, text.length())).isEqualTo(new BigDecimal(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-", "1.2.3", "12a", "--1", " 1"})
  void malformedDecimalIsRefused(String text) {
    assertThatThrownBy(() -> StreamingJson.decimal(text.toCharArray(), 0, text.length()))
        .isInstanceOf(NumberFormatException.class);
  }
}
