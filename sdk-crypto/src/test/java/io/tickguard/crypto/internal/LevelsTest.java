package io.tickguard.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.market.internal.JsonPath;
import io.tickguard.market.internal.JsonStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;

/**
 * {@link Levels#read} reads a side into one presized array that becomes the list the book keeps,
 * and still refuses every bad level by its path, and a side longer than asked while reading.
 */
class LevelsTest {

  @Test
  void aSideIsReadInOrderWithTheWireScale() {
    List<PriceLevel> side = read("[[\"4.10\",\"1\"],[\"4.00\",\"0.00000001\",1700000000]]", 5);

    assertThat(side).extracting(PriceLevel::price).containsExactly(new BigDecimal("4.10"), new BigDecimal("4.00"));
    assertThat(side.get(1).size()).isEqualTo(new BigDecimal("0.00000001"));
  }

  @Test
  void theSideIsUnmodifiableAndTheBookKeepsItWithoutACopy() {
    List<PriceLevel> bids = read("[[\"2\",\"1\"],[\"1\",\"1\"]]", 2); // exactly as many as asked
    List<PriceLevel> asks = read("[[\"3\",\"1\"]]", 5000); // fewer than asked

    assertThatThrownBy(() -> bids.add(new PriceLevel(BigDecimal.ONE, BigDecimal.ONE)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> asks.set(0, new PriceLevel(BigDecimal.ONE, BigDecimal.ONE)))
        .isInstanceOf(UnsupportedOperationException.class);
    OrderBook book = new OrderBook(Symbol.of("BTC", "USDT"), bids, asks, Optional.empty());
    assertThat(book.bids()).isSameAs(bids);
    assertThat(book.asks()).isSameAs(asks);
  }

  @Test
  void aSideDeeperThanThePresizedArrayGrowsUpToWhatWasAsked() {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 7000; i++) {
      json.append(i == 0 ? "" : ",").append("[\"").append(10_000 - i).append("\",\"1\"]");
    }
    List<PriceLevel> side = read(json + "]", 7000);

    assertThat(side).hasSize(7000);
    assertThat(side.get(6999).price()).isEqualByComparingTo("3001");
    assertThatThrownBy(() -> read(json + "]", 6999))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids"))
        .hasMessageContaining("more than the 6999 entries asked for");
  }

  @Test
  void aLevelBeyondTheDepthAskedIsRefusedBeforeItIsRead() {
    // the third level is not even valid JSON: the side is refused for its length first, as before
    assertThatThrownBy(() -> read("[[\"2\",\"1\"],[\"1\",\"1\"],[\"0.5\",,]]", 2))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids"))
        .hasMessageContaining("more than the 2 entries asked for");
    assertThatThrownBy(() -> read("[[\"1\",\"1\"]]", 0))
        .isInstanceOfSatisfying(InvalidResponseException.class, e -> assertThat(e.field()).isEqualTo("bids"));
    assertThat(read("[]", 0)).isEmpty();
  }

  @Test
  void eachRefusedLevelIsNamedByItsPath() {
    refused("[[\"2\",\"1\"],{\"price\":\"1\"}]", e -> assertThat(e).hasMessage("Field bids[1] must be an array, found an object"));
    refused("[[\"2\",\"1\"],\"1\"]", e -> assertThat(e.field()).isEqualTo("bids[1]"));
    refused("[[\"1e5\",\"1\"]]", e -> assertThat(e.field()).isEqualTo("bids[0].price"));
    refused("[[]]", e -> assertThat(e.field()).isEqualTo("bids[0].price"));
    refused("[[\"1\"]]", e -> assertThat(e.field()).isEqualTo("bids[0].size"));
    refused("[[\"1\",null]]", e -> assertThat(e.field()).isEqualTo("bids[0].size"));
    refused("[[\"1\",\"0\"]]", e -> assertThat(e).hasMessageContaining("bids[0].size").hasMessageContaining("must be positive"));
    refused("[[\"-1\",\"1\"]]", e -> assertThat(e.field()).isEqualTo("bids[0].price"));
    refused("[[\"1\",\"1\",{\"a\":1,\"a\":2}]]", e -> assertThat(e).hasMessageContaining("duplicate field 'a'"));
    refused("{}", e -> assertThat(e).hasMessage("Field bids must be an array, found an object"));
  }

  @Test
  void levelsBelowAMemberAreNamedWithIt() {
    try (JsonStream in = JsonStream.of("{\"XBTUSD\":{\"asks\":[[\"1\",\"0\",1]]}}")) {
      in.next(JsonToken.START_OBJECT, "body");
      in.nextName();
      in.next(JsonToken.START_OBJECT, "result");
      in.nextName();
      assertThatThrownBy(() -> Levels.read(in, JsonPath.ROOT.member("result").member("XBTUSD"), "asks", 100))
          .isInstanceOfSatisfying(InvalidResponseException.class,
              e -> assertThat(e.field()).isEqualTo("result.XBTUSD.asks[0].size"));
    }
  }

  private static List<PriceLevel> read(String side, int max) {
    try (JsonStream in = JsonStream.of("{\"bids\":" + side + "}")) {
      in.next(JsonToken.START_OBJECT, "body");
      in.nextName();
      List<PriceLevel> levels = Levels.read(in, "bids", max);
      in.next(JsonToken.END_OBJECT, "body");
      in.end();
      return levels;
    }
  }

  private static void refused(String side, Consumer<InvalidResponseException> check) {
    assertThatThrownBy(() -> read(side, 10)).as(side).isInstanceOfSatisfying(InvalidResponseException.class, check);
  }
}
