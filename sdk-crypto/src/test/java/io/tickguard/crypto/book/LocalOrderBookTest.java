package io.tickguard.crypto.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LocalOrderBookTest {
  private final LocalOrderBook book = new LocalOrderBook(Symbol.of("BTC", "USDT"));

  @Test
  void aNewBookIsNotReadable() {
    assertThat(book.isValid()).isFalse();
    assertThat(book.snapshot()).isEmpty();
    assertThat(book.bestBid()).isEmpty();
  }

  @Test
  void aResetBookIsReadableBestFirst() {
    book.reset(List.of(l("99", "1"), l("100", "2")), List.of(l("102", "3"), l("101", "4")), 7);

    assertThat(book.snapshot().orElseThrow().bids()).containsExactly(l("100", "2"), l("99", "1"));
    assertThat(book.snapshot().orElseThrow().asks()).containsExactly(l("101", "4"), l("102", "3"));
    assertThat(book.version()).isEqualTo(7);
  }

  @Test
  void anEditThatFailsItsCheckLeavesTheBookUnreadableEvenThoughItsLevelsChanged() {
    book.reset(List.of(l("100", "2")), List.of(l("101", "4")), 1);

    boolean ok = book.update(e -> {
      e.set(BookSide.BID, new BigDecimal("99"), BigDecimal.ONE);
      return false; // e.g. the checksum differed
    });

    assertThat(ok).isFalse();
    assertThat(book.snapshot()).isEmpty();
  }

  @Test
  void aDiffAppliedInOneStepSetsRemovesAndInsertsLevelsInOrderAndMovesTheVersion() {
    book.reset(List.of(l("100", "2"), l("99", "1")), List.of(l("101", "4")), 1);

    boolean ok = book.apply(List.of(
        new LevelChange(BookSide.BID, new BigDecimal("99"), BigDecimal.ZERO),
        new LevelChange(BookSide.BID, new BigDecimal("98"), new BigDecimal("5")),
        new LevelChange(BookSide.ASK, new BigDecimal("101"), new BigDecimal("3")),
        new LevelChange(BookSide.ASK, new BigDecimal("101"), new BigDecimal("6"))), 2);

    assertThat(ok).isTrue();
    assertThat(book.snapshot().orElseThrow().bids()).containsExactly(l("100", "2"), l("98", "5"));
    assertThat(book.snapshot().orElseThrow().asks()).containsExactly(l("101", "6"));
    assertThat(book.version()).isEqualTo(2);
  }

  @Test
  void aDiffThatCrossesTheBookLeavesItUnreadable() {
    book.reset(List.of(l("100", "2")), List.of(l("101", "4")), 1);

    boolean ok = book.apply(List.of(new LevelChange(BookSide.BID, new BigDecimal("101"), BigDecimal.ONE)), 2);

    assertThat(ok).isFalse();
    assertThat(book.snapshot()).isEmpty();
  }

  @Test
  void aDiffDoesNotMakeAnInvalidBookReadable() {
    book.reset(List.of(l("100", "2")), List.of(l("101", "4")), 1);
    book.invalidate();

    assertThat(book.apply(List.of(new LevelChange(BookSide.BID, new BigDecimal("99"), BigDecimal.ONE)), 2)).isFalse();
    assertThat(book.snapshot()).isEmpty();
    assertThat(new LocalOrderBook(Symbol.of("ETH", "USDT")).apply(List.of(), 1)).isFalse();
  }

  @Test
  void anEditThatThrowsLeavesTheBookUnreadable() {
    book.reset(List.of(l("100", "2")), List.of(l("101", "4")), 1);

    assertThatThrownBy(() -> book.update(e -> {
      throw new IllegalStateException("bad message");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(book.isValid()).isFalse();
  }

  @Test
  void anInvalidBookStaysInvalidUntilAnEditStartsFromAClearedBook() {
    book.reset(List.of(l("100", "2")), List.of(l("101", "4")), 1);
    book.invalidate();

    assertThat(book.update(e -> true)).isFalse();
    assertThat(book.update(e -> {
      e.clear();
      e.set(BookSide.BID, new BigDecimal("100"), BigDecimal.ONE);
      return true;
    })).isTrue();
  }

  @Test
  void aCrossedBookIsNeverReadable() {
    book.reset(List.of(l("100", "2")), List.of(l("101", "4")), 1);

    assertThat(book.update(e -> {
      e.set(BookSide.BID, new BigDecimal("101"), BigDecimal.ONE);
      return true;
    })).isFalse();
    assertThat(book.snapshot()).isEmpty();
  }

  @Test
  void truncateKeepsTheBestLevels() {
    book.reset(List.of(l("100", "1"), l("99", "1"), l("98", "1")), List.of(l("101", "1"), l("102", "1")), 1);
    book.update(e -> {
      e.truncate(2);
      return true;
    });

    assertThat(book.snapshot().orElseThrow().bids()).extracting(PriceLevel::price)
        .containsExactly(new BigDecimal("100"), new BigDecimal("99"));
  }

  @Test
  void tenThousandRandomUpdatesMatchASortedMapModel() {
    TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(java.util.Comparator.reverseOrder());
    TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    book.reset(List.of(), List.of(), 0);
    SplittableRandom r = new SplittableRandom(42);
    for (int i = 0; i < 10_000; i++) {
      boolean bid = r.nextBoolean();
      BigDecimal price = BigDecimal.valueOf(bid ? 900 + r.nextInt(100) : 1000 + r.nextInt(100), 1);
      BigDecimal size = r.nextInt(4) == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(1 + r.nextInt(1000), 3);
      TreeMap<BigDecimal, BigDecimal> model = bid ? bids : asks;
      if (size.signum() == 0) {
        model.remove(price);
      } else {
        model.put(price, size);
      }
      assertThat(book.update(e -> {
        e.set(bid ? BookSide.BID : BookSide.ASK, price, size);
        return true;
      })).isTrue();
    }
    assertThat(book.snapshot().orElseThrow().bids())
        .containsExactlyElementsOf(bids.entrySet().stream().map(e -> new PriceLevel(e.getKey(), e.getValue())).toList());
    assertThat(book.snapshot().orElseThrow().asks())
        .containsExactlyElementsOf(asks.entrySet().stream().map(e -> new PriceLevel(e.getKey(), e.getValue())).toList());
  }

  private static PriceLevel l(String price, String size) {
    return new PriceLevel(new BigDecimal(price), new BigDecimal(size));
  }
}
