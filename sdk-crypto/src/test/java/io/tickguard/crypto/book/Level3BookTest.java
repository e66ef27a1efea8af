package io.tickguard.crypto.book;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order-level book view: its rules, its queues, and levels that are the sums of their orders. */
class Level3BookTest {
  private static final Symbol BTC = Symbol.of("BTC", "USD");
  private static final Instant T = Instant.parse("2024-01-08T12:26:39Z");

  private static BookOrder bid(String id, String price, String qty) {
    return new BookOrder(id, BookSide.BID, new BigDecimal(price), new BigDecimal(qty), T);
  }

  private static BookOrder ask(String id, String price, String qty) {
    return new BookOrder(id, BookSide.ASK, new BigDecimal(price), new BigDecimal(qty), T);
  }

  private final Level3Book book = new Level3Book(BTC,
      List.of(bid("B1", "100.5", "1.0"), bid("B2", "100.5", "2.5"), bid("B3", "100.4", "0"), bid("B4", "100.3", "0.25")),
      List.of(ask("A1", "100.6", "3"), ask("A2", "100.7", "1"), ask("A3", "100.7", "0.5")));

  @Test
  void levelsAreTheSumsOfTheirOrdersBestFirstAndALevelOfZeroQuantitiesIsLeftOut() {
    assertThat(book.levels().bids()).containsExactly(
        new PriceLevel(new BigDecimal("100.5"), new BigDecimal("3.5")), new PriceLevel(new BigDecimal("100.3"), new BigDecimal("0.25")));
    assertThat(book.levels().asks()).containsExactly(
        new PriceLevel(new BigDecimal("100.6"), new BigDecimal("3")), new PriceLevel(new BigDecimal("100.7"), new BigDecimal("1.5")));
    assertThat(book.levels(1).asks()).hasSize(1);
  }

  @Test
  void aQueueIsTheOrdersOfOnePriceInPriority() {
    assertThat(book.queue(BookSide.BID, new BigDecimal("100.50"))).extracting(BookOrder::orderId).containsExactly("B1", "B2");
    assertThat(book.queue(BookSide.ASK, new BigDecimal("99"))).isEmpty();
  }

  @Test
  void theViewIsACopyTheCallerCannotChange() {
    List<BookOrder> bids = new ArrayList<>(List.of(bid("B1", "100.5", "1")));
    Level3Book copy = new Level3Book(BTC, bids, List.of());
    bids.clear();
    assertThat(copy.bids()).hasSize(1);
    assertThatThrownBy(() -> copy.bids().clear()).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void aBookThatBreaksARuleIsRefusedNamingTheField() {
    assertThatThrownBy(() -> new Level3Book(BTC, List.of(bid("B1", "100.3", "1"), bid("B2", "100.4", "1")), List.of()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bids[1].limitPrice"));
    assertThatThrownBy(() -> new Level3Book(BTC, List.of(), List.of(ask("A1", "100.7", "1"), ask("A2", "100.6", "1"))))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("asks[1].limitPrice"));
    assertThatThrownBy(() -> new Level3Book(BTC, List.of(ask("A1", "100.7", "1")), List.of()))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bids[0].side"));
    assertThatThrownBy(() -> new Level3Book(BTC, List.of(bid("B1", "100.6", "1")), List.of(ask("A1", "100.6", "1"))))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("bids[0].limitPrice"));
    assertThatThrownBy(() -> book.levels(0))
        .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("depth"));
  }
}
