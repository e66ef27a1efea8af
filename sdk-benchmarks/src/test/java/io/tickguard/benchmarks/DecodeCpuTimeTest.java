package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The thread-CPU decode comparison runs both real sides the number of times asked and counts what
 * each allocates. It checks the harness does its job, never a time.
 */
class DecodeCpuTimeTest {

  @Test
  void bookDecodeAndBareTreeAreEachMeasuredEveryRound() {
    DecodeBenchmark benchmark = new DecodeBenchmark();
    benchmark.generate();
    AtomicInteger tickGuardDecodes = new AtomicInteger();
    AtomicInteger bareParses = new AtomicInteger();

    DecodeCpuTime.Result result = DecodeCpuTime.compare("book",
        () -> { tickGuardDecodes.incrementAndGet(); return benchmark.orderBook5000TickGuard(); },
        () -> { bareParses.incrementAndGet(); return benchmark.orderBook5000Raw(); },
        1, 3, 2);

    // (1 warm-up + 3 rounds) x 2 decodes on each side
    assertThat(tickGuardDecodes).hasValue(8);
    assertThat(bareParses).hasValue(8);
    assertThat(result.tickGuardNanosPerDecode()).isPositive();
    assertThat(result.bareTreeNanosPerDecode()).isPositive();
    assertThat(result.medianRatio()).isBetween(result.lowestRatio(), result.highestRatio());
    assertThat(result.tickGuardBytesPerDecode()).as("10,000 levels are allocated").isGreaterThan(10_000L * 16);
    assertThat(result.bareTreeBytesPerDecode()).as("20,000 text nodes are allocated").isGreaterThan(20_000L * 16);
    assertThat(result.allocationRatio()).isPositive();
    assertThat(result.toString()).contains("book", "bare tree", "allocated per decode");
  }

  @Test
  void aSideThatReturnsNothingIsRefused() {
    assertThatThrownBy(() -> DecodeCpuTime.compare("empty", () -> "book", () -> null, 0, 1, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not decode");
  }

  @Test
  void noRoundsIsRefused() {
    assertThatThrownBy(() -> DecodeCpuTime.compare("none", () -> "a", () -> "b", 0, 0, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
