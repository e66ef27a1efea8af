package io.tickguard.crypto.book;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OkxChecksumTest {

  /** OKX's documented example 1: two levels a side; check string and published checksum -1881014294. */
  @Test
  void reproducesOkxsExampleWithEqualSides() {
    List<PriceLevel> bids = List.of(l("3366.1", "7"), l("3366", "6"));
    List<PriceLevel> asks = List.of(l("3366.8", "9"), l("3368", "8"));

    assertThat(OkxChecksum.text(bids, asks)).isEqualTo("3366.1:7:3366.8:9:3366:6:3368:8");
    assertThat(OkxChecksum.of(bids, asks)).isEqualTo(-1881014294);
  }

  /** OKX's documented example 2: fewer bids than asks; published checksum 831078360. */
  @Test
  void reproducesOkxsExampleWithUnequalSides() {
    List<PriceLevel> bids = List.of(l("3366.1", "7"));
    List<PriceLevel> asks = List.of(l("3366.8", "9"), l("3368", "8"), l("3372", "8"));

    assertThat(OkxChecksum.text(bids, asks)).isEqualTo("3366.1:7:3366.8:9:3368:8:3372:8");
    assertThat(OkxChecksum.of(bids, asks)).isEqualTo(831078360);
  }

  @Test
  void theWireSpellingOfAValueIsKept() {
    assertThat(OkxChecksum.of(List.of(l("3366.0", "7")), List.of()))
        .isNotEqualTo(OkxChecksum.of(List.of(l("3366", "7")), List.of()));
  }

  @Test
  void onlyTheBestTwentyFiveLevelsASideCount() {
    List<PriceLevel> bids = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      bids.add(l(String.valueOf(1000 - i), "1"));
    }
    assertThat(OkxChecksum.text(bids, List.of())).endsWith("976:1");
  }

  private static PriceLevel l(String price, String size) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
  }
}
