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
import java.util.function.Function;
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
      SortedLevels side = new SortedLevels(descending);
      TreeMap<BigDecimal, BigDecimal> model =
          changeBothAndCompare(side, descending, new SplittableRandom(descending ? 11 : 12), r -> BigDecimal.valueOf(1 + r.nextInt(300), 2));
      assertThat(side.top(Integer.MAX_VALUE)).isEqualTo(levels(model));
      side.clear();
      assertThat(side.size()).isZero();
      assertThat(side.top(10)).isEmpty();
    }
  }

  /**
   * Prices a double cannot tell apart (more digits than it holds, beyond its range, or below it) and
   * the same price at different scales: the search's double keys tie, and the decimals must decide.
   */
  @Test
  void pricesWhoseDoublesTieAreStillOrderedAndMatchedAsDecimalsOnBothSides() {
    BigDecimal[] bases = {
      BigDecimal.ONE, new BigDecimal("1E+400"), new BigDecimal("1E-400"), new BigDecimal("65000.00"), new BigDecimal("12345678901234567890")
    };
    for (boolean descending : new boolean[] {true, false}) {
      SortedLevels side = new SortedLevels(descending);
      TreeMap<BigDecimal, BigDecimal> model = changeBothAndCompare(side, descending, new SplittableRandom(descending ? 21 : 22), r -> {
        BigDecimal base = bases[r.nextInt(bases.length)];
        // base + k * 10^-30 of it: every such price has the base's double, but each is a distinct decimal
        BigDecimal price = base.add(base.movePointLeft(30).multiply(BigDecimal.valueOf(r.nextInt(40))));
        return r.nextBoolean() ? price : price.setScale(price.scale() + 1 + r.nextInt(3)); // the same value with more zeros
      });
      assertThat(model.size()).as("levels held at the end, many on each double").isGreaterThan(40);
      assertThat(side.top(Integer.MAX_VALUE)).isEqualTo(levels(model));
    }
  }

  /**
   * Makes 20,000 random sets (a quarter of them removals) and occasional truncations of prices from
   * {@code prices} on {@code side} and on a sorted map, comparing both every 97 changes; returns the map.
   */
  private static TreeMap<BigDecimal, BigDecimal> changeBothAndCompare(
      SortedLevels side, boolean descending, SplittableRandom r, Function<SplittableRandom, BigDecimal> prices) {
    TreeMap<BigDecimal, BigDecimal> model = new TreeMap<>(descending ? Comparator.<BigDecimal>reverseOrder() : Comparator.<BigDecimal>naturalOrder());
    for (int n = 0; n < 20_000; n++) {
      BigDecimal price = prices.apply(r);
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
    return model;
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
