package io.tickguard.crypto.book;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An order-level (level 3) book as of one verified provider message: every resting order, bids
 * best price first, asks best price first, the orders of one price level in queue priority. A
 * stream hands one out only while the book passed every provider check (Kraken: the {@code level3}
 * checksum); it is immutable, so it stays what it was when read. {@link #levels()} aggregates it
 * into price levels, each the sum of its orders' quantities.
 *
 * @param symbol the pair
 * @param bids the buy orders, highest price first, each level in queue priority
 * @param asks the sell orders, lowest price first, each level in queue priority
 */
public record Level3Book(Symbol symbol, List<BookOrder> bids, List<BookOrder> asks) {

  /** Copies the sides and checks their sides, their order and that the book is not crossed. */
  public Level3Book {
    Checks.present(symbol, "symbol");
    bids = List.copyOf(Checks.present(bids, "bids"));
    asks = List.copyOf(Checks.present(asks, "asks"));
    check(bids, BookSide.BID, "bids", -1);
    check(asks, BookSide.ASK, "asks", 1);
    if (!bids.isEmpty() && !asks.isEmpty() && bids.get(0).limitPrice().compareTo(asks.get(0).limitPrice()) >= 0) {
      throw new InvalidValueException("bids[0].limitPrice", "best bid " + bids.get(0).limitPrice().toPlainString()
          + " must be below best ask " + asks.get(0).limitPrice().toPlainString() + " (the book is crossed)");
    }
  }

  /** {@code direction} is -1 for prices that never rise, 1 for prices that never fall. */
  private static void check(List<BookOrder> orders, BookSide side, String name, int direction) {
    for (int i = 0; i < orders.size(); i++) {
      BookOrder o = orders.get(i);
      if (o.side() != side) {
        throw new InvalidValueException(name + "[" + i + "].side", "must be " + side + ", was " + o.side());
      }
      if (i > 0 && o.limitPrice().compareTo(orders.get(i - 1).limitPrice()) == -direction) {
        throw new InvalidValueException(name + "[" + i + "].limitPrice", "must not be " + (direction < 0 ? "above" : "below")
            + " the previous order's " + orders.get(i - 1).limitPrice().toPlainString() + " (orders are sorted best first)");
      }
    }
  }

  /**
   * The book aggregated into price levels, each level's size the sum of its orders' quantities
   * (a level whose orders all show zero quantity is left out).
   */
  public OrderBook levels() {
    return levels(Integer.MAX_VALUE);
  }

  /** The best {@code depth} price levels a side, aggregated as in {@link #levels()}. */
  public OrderBook levels(int depth) {
    if (depth < 1) {
      throw new InvalidValueException("depth", "must be at least 1, was " + depth);
    }
    return new OrderBook(symbol, aggregate(bids, depth), aggregate(asks, depth), Optional.empty());
  }

  /** The orders resting at {@code price} on {@code side}, in queue priority (empty when none). */
  public List<BookOrder> queue(BookSide side, BigDecimal price) {
    Checks.present(side, "side");
    Checks.present(price, "price");
    List<BookOrder> out = new ArrayList<>();
    for (BookOrder o : side == BookSide.BID ? bids : asks) {
      if (o.limitPrice().compareTo(price) == 0) {
        out.add(o);
      }
    }
    return List.copyOf(out);
  }

  private static List<PriceLevel> aggregate(List<BookOrder> orders, int depth) {
    List<PriceLevel> out = new ArrayList<>();
    int i = 0;
    while (i < orders.size() && out.size() < depth) {
      BigDecimal price = orders.get(i).limitPrice();
      BigDecimal size = BigDecimal.ZERO;
      while (i < orders.size() && orders.get(i).limitPrice().compareTo(price) == 0) {
        size = size.add(orders.get(i).quantity());
        i++;
      }
      if (size.signum() > 0) {
        out.add(new PriceLevel(price, size));
      }
    }
    return out;
  }
}
