package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.crypto.Candle;
import io.tickguard.crypto.OrderBook;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed side must do the whole job, or the decode benchmark would flatter it. */
class DecodeBenchmarkTest {
  private final DecodeBenchmark benchmark = new DecodeBenchmark();

  @BeforeEach
  void generate() {
    benchmark.generate();
  }

  @Test
  void everyLevelOfTheFiveThousandLevelBookIsDecodedExactly() {
    OrderBook book = benchmark.orderBook5000TickGuard();

    assertThat(book.bids()).hasSize(5000);
    assertThat(book.asks()).hasSize(5000);
    assertThat(book.bestBid().orElseThrow().price()).isEqualByComparingTo("64250.01");
    assertThat(book.bestAsk().orElseThrow().price()).isEqualByComparingTo("64250.02");
    assertThat(book.bids().get(4999).price()).isEqualByComparingTo("64200.02");
  }

  @Test
  void everyCandleIsDecodedWithItsFields() {
    List<Candle> candles = benchmark.candles1000TickGuard();

    assertThat(candles).hasSize(1000);
    assertThat(candles.get(0).open()).isEqualByComparingTo("64000.00");
    assertThat(candles.get(999).openTime()).isAfter(candles.get(0).openTime());
  }

  @Test
  void theRawBaselineParsesTheSameBytes() {
    assertThat(benchmark.orderBook5000Raw().get("bids").size()).isEqualTo(5000);
    assertThat(benchmark.candles1000Raw().size()).isEqualTo(1000);
  }
}
