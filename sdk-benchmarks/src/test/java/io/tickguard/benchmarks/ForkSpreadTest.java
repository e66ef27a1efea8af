package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The forks' mean ratio and its 95% interval, against values worked out by hand. */
class ForkSpreadTest {

  @Test
  void meanAndStudentIntervalOfTheForksRatios() {
    // mean 1.04; deviations -0.02, 0, +0.02: sample variance 0.0004, standard error sqrt(0.0004 / 3) = 0.011547;
    // t(2 df) = 4.303, half-width 0.049686.
    ForkSpread spread = ForkSpread.of(List.of(1.02, 1.04, 1.06));

    assertThat(spread.forks()).isEqualTo(3);
    assertThat(spread.mean()).isCloseTo(1.04, within(1e-12));
    assertThat(spread.low()).isCloseTo(1.04 - 0.049686, within(1e-5));
    assertThat(spread.high()).isCloseTo(1.04 + 0.049686, within(1e-5));
    assertThat(spread.toString()).isEqualTo("forks' mean 1.040x, 95% interval 0.990-1.090x over 3 forks");
  }

  @Test
  void moreForksOfTheSameSpreadNarrowTheInterval() {
    ForkSpread five = ForkSpread.of(List.of(1.02, 1.03, 1.04, 1.05, 1.06));
    ForkSpread fifteen = ForkSpread.of(List.of(1.02, 1.03, 1.04, 1.05, 1.06, 1.02, 1.03, 1.04, 1.05, 1.06,
        1.02, 1.03, 1.04, 1.05, 1.06));

    assertThat(fifteen.mean()).isCloseTo(five.mean(), within(1e-12));
    assertThat(fifteen.high() - fifteen.low()).isLessThan((five.high() - five.low()) / 2);
    // five forks: half-width 2.776 * 0.015811 / sqrt(5) = 0.019629, reaching 1.0596
    assertThat(five.high()).isGreaterThan(1.05);
    // fifteen: sample sd 0.014639, half-width 2.145 * 0.014639 / sqrt(15) = 0.008107, reaching 1.0481
    assertThat(fifteen.high()).isCloseTo(1.04 + 0.008107, within(1e-5));
    assertThat(fifteen.high()).isLessThanOrEqualTo(1.05);
  }

  @Test
  void oneForkHasAMeanButNoInterval() {
    ForkSpread one = ForkSpread.of(List.of(1.03));

    assertThat(one.mean()).isEqualTo(1.03);
    assertThat(one.low()).isNaN();
    assertThat(one.high()).isNaN();
    assertThat(one.toString()).isEqualTo("forks' mean 1.030x (one fork: no interval)");
    assertThatThrownBy(() -> ForkSpread.of(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void studentsQuantilesComeFromTheTableAndErrWideBeyondIt() {
    assertThat(ForkSpread.t975(1)).isEqualTo(12.706);
    assertThat(ForkSpread.t975(4)).isEqualTo(2.776);
    assertThat(ForkSpread.t975(14)).isEqualTo(2.145);
    assertThat(ForkSpread.t975(30)).isEqualTo(2.042);
    assertThat(ForkSpread.t975(100)).isEqualTo(2.042).isGreaterThan(1.984); // the true value at 100 df
    assertThatThrownBy(() -> ForkSpread.t975(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
