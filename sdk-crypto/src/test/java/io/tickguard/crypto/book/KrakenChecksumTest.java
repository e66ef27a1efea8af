package io.tickguard.crypto.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class KrakenChecksumTest {

  /** Kraken's "Book checksum (WebSocket v1)" guide: the input book and its checksum 974947235. */
  @Test
  void reproducesKrakensV1WorkedExample() {
    List<PriceLevel> asks = levels(
        "0.05005", "0.05010", "0.05015", "0.05020", "0.05025", "0.05030", "0.05035", "0.05040", "0.05045", "0.05050");
    List<PriceLevel> bids = levels(
        "0.05000", "0.04995", "0.04990", "0.04980", "0.04975", "0.04970", "0.04965", "0.04960", "0.04955", "0.04950");

    assertThat(KrakenChecksum.of(bids, asks, 5, 8)).isEqualTo(974947235L);
  }

  /** Kraken's "Book checksum (WebSocket v2)" guide: BTC/USD, price precision 1, quantity precision 8. */
  @Test
  void reproducesKrakensV2WorkedExample() {
    assertThat(KrakenChecksum.of(V2_BIDS, V2_ASKS, 1, 8)).isEqualTo(3310070434L);
  }

  /**
   * v2 sends JSON numbers: a decoder that reads {@code 0.10000000} as a double prints {@code 0.1}.
   * With the instrument's precision the checksum is still Kraken's; hashing the short spelling is not.
   */
  @Test
  void precisionFormattingMattersForValuesSentAsShortNumbers() {
    List<PriceLevel> shortBids = new ArrayList<>();
    for (PriceLevel l : V2_BIDS) {
      shortBids.add(new PriceLevel(l.price().stripTrailingZeros(), l.size().stripTrailingZeros()));
    }
    List<PriceLevel> shortAsks = new ArrayList<>();
    for (PriceLevel l : V2_ASKS) {
      shortAsks.add(new PriceLevel(l.price().stripTrailingZeros(), l.size().stripTrailingZeros()));
    }
    assertThat(shortBids.get(3).price().toPlainString()).isEqualTo("45281");
    assertThat(shortBids.get(0).size().toPlainString()).isEqualTo("0.1");

    assertThat(KrakenChecksum.of(shortBids, shortAsks, 1, 8)).isEqualTo(3310070434L);
    assertThat(naiveChecksum(shortBids, shortAsks)).isNotEqualTo(3310070434L);
  }

  @Test
  void onlyTheTopTenLevelsCount() {
    List<PriceLevel> bids = new ArrayList<>(V2_BIDS);
    bids.add(new PriceLevel(new BigDecimal("45000.0"), new BigDecimal("9.00000000")));

    assertThat(KrakenChecksum.of(bids, V2_ASKS, 1, 8)).isEqualTo(3310070434L);
  }

  @Test
  void aValueWithMoreDecimalsThanTheInstrumentAllowsIsRefusedNamingIt() {
    List<PriceLevel> bids = List.of(new PriceLevel(new BigDecimal("45283.55"), BigDecimal.ONE));

    assertThatThrownBy(() -> KrakenChecksum.of(bids, List.of(), 1, 8))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bids[0].price"));
  }

  private static long naiveChecksum(List<PriceLevel> bids, List<PriceLevel> asks) {
    StringBuilder s = new StringBuilder();
    for (PriceLevel l : asks) {
      s.append(strip(l.price().toPlainString())).append(strip(l.size().toPlainString()));
    }
    for (PriceLevel l : bids) {
      s.append(strip(l.price().toPlainString())).append(strip(l.size().toPlainString()));
    }
    CRC32 crc = new CRC32();
    crc.update(s.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    return crc.getValue();
  }

  private static String strip(String v) {
    return v.replace(".", "").replaceFirst("^0+", "");
  }

  private static List<PriceLevel> levels(String... prices) {
    List<PriceLevel> out = new ArrayList<>();
    for (String p : prices) {
      out.add(new PriceLevel(new BigDecimal(p), new BigDecimal("0.00000500")));
    }
    return out;
  }

  static final List<PriceLevel> V2_BIDS = List.of(
      l("45283.5", "0.10000000"), l("45283.4", "1.54582015"), l("45282.1", "0.10000000"), l("45281.0", "0.10000000"),
      l("45280.3", "1.54592586"), l("45279.0", "0.07990000"), l("45277.6", "0.03310103"), l("45277.5", "0.30000000"),
      l("45277.3", "1.54602737"), l("45276.6", "0.15445238"));

  static final List<PriceLevel> V2_ASKS = List.of(
      l("45285.2", "0.00100000"), l("45286.4", "1.54571953"), l("45286.6", "1.54571109"), l("45289.6", "1.54560911"),
      l("45290.2", "0.15890660"), l("45291.8", "1.54553491"), l("45294.7", "0.04454749"), l("45296.1", "0.35380000"),
      l("45297.5", "0.09945542"), l("45299.5", "0.18772827"));

  private static PriceLevel l(String price, String size) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
  }
}
