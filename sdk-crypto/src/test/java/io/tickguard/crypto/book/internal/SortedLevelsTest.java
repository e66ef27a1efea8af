package io.tickguard.crypto.book.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SortedLevelsTest {

  private static List<PriceLevel> levels(TreeMap<BigDecimal, BigDecimal> model) {
    List<PriceLevel> out = new ArrayList<>();
    model.forEach((p, q) -> out.add(new PriceLevel(p, q)));
    return out;
  }

  private static List<PriceLevel> indexed(SortedLevels side) {
    List<PriceLevel> out = new ArrayList<>();
    for (int i = 0; i < side.size(); i++) {
      out.add(new PriceLevel(side.price(i), side.quantity(i)));
    }
    return out;
  }

  @Test
  void randomInsertsUpdatesRemovalsAndTruncationsMatchASortedMapOnBothSides() {
    for (boolean descending : new boolean[] {true, false}) {
      SplittableRandom r = new SplittableRandom(descending ? 11 : 12);
      SortedLevels side = new SortedLevels(descending);
      TreeMap<BigDecimal, BigDecimal> model = new TreeMap<>(descending ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder());
      for (int n = 0; n < 20_000; n++) {
        BigDecimal price = BigDecimal.valueOf(1 + r.nextInt(300), 2);
        BigDecimal size = r.nextInt(4) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(1 + r.nextInt(1000), 3);
        side.set(price, size);
        if (size.signum() == 0) {
          model.remove(price);
        } else {
          model.put(price, size);
        }
        if (r.nextInt(500) == 0) {
          int depth = r.nextInt(1, 120);
          side.truncate(depth);
          while (model.size() > depth) {
            model.pollLastEntry();
          }
        }
        if (n % 97 == 0) {
          assertThat(indexed(side)).as("%s after %d changes", descending ? "bids" : "asks", n).isEqualTo(levels(model));
          assertThat(side.top(5)).isEqualTo(levels(model).subList(0, Math.min(5, model.size())));
        }
      }
      assertThat(side.top(Integer.MAX_VALUE)).isEqualTo(levels(model));
      side.clear();
      assertThat(side.size()).isZero();
      assertThat(side.top(10)).isEmpty();
    }
  }

  @Test
  void aLevelPastTheOnesHeldIsRefusedRatherThanReadAsAnEmptySlot() {
    SortedLevels asks = new SortedLevels(false);
    asks.set(new BigDecimal("10.5"), BigDecimal.ONE);
    assertThat(asks.price(0)).isEqualByComparingTo("10.5");
    assertThatThrownBy(() -> asks.price(1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> asks.quantity(-1)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
