package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.benchmarks.RoundTripComparisons.Selection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harnesses' choice of comparisons: parsed from their arguments, and only those run. */
class RoundTripComparisonsTest {

  @Test
  void withoutArgumentsBothRoundTripsRunAtOneThenEightThreads() {
    Selection all = Selection.parse(new String[] {"300", "40", "100"}, 3);

    assertThat(all).isEqualTo(Selection.ALL);
    assertThat(all.signed()).isTrue();
    assertThat(all.lastPrice()).isTrue();
    assertThat(all.threads()).containsExactly(1, 8);
  }

  @Test
  void oneRoundTripAndOneThreadCountCanBeChosen() {
    Selection small8 = Selection.parse(new String[] {"600", "60", "100", "lastPrice", "8"}, 3);
    assertThat(small8.signed()).isFalse();
    assertThat(small8.lastPrice()).isTrue();
    assertThat(small8.threads()).containsExactly(8);

    Selection signedBoth = Selection.parse(new String[] {"1", "2", "3", "signed"}, 3);
    assertThat(signedBoth.signed()).isTrue();
    assertThat(signedBoth.lastPrice()).isFalse();
    assertThat(signedBoth.threads()).containsExactly(1, 8);

    assertThat(Selection.parse(new String[] {"1", "2", "3", "all", "1"}, 3).threads()).containsExactly(1);
  }

  @Test
  void unknownChoicesAreRefusedNamingTheValidOnes() {
    assertThatThrownBy(() -> Selection.parse(new String[] {"1", "2", "3", "lastprice"}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'lastprice'").hasMessageContaining("signed, lastPrice or all");
    assertThatThrownBy(() -> Selection.parse(new String[] {"1", "2", "3", "signed", "4"}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'4'").hasMessageContaining("1, 8 or both");
    assertThatThrownBy(() -> Selection.parse(new String[] {"1", "2", "3", "signed", "1", "extra"}, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Too many arguments");
  }

  @Test
  void onlyTheChosenComparisonsRun() throws Exception {
    List<String> ran = new ArrayList<>();
    RoundTripComparisons.run((name, tickGuard, handWritten, betweenRounds, threads) -> {
      ran.add(name + " x" + threads);
      assertThat(tickGuard.get()).as("the server of a chosen round trip is running").isEqualTo(handWritten.get());
      return name;
    }, Selection.parse(new String[] {"1", "2", "3", "lastPrice", "8"}, 3));

    assertThat(ran).containsExactly("small call (lastPrice) x8");
  }
}
