package io.tickguard.crypto;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An order-book snapshot. Bids are sorted from the highest price down, asks from the lowest price
 * up, prices are unique per side and the book is not crossed (best bid below best ask): a book that
 * breaks any of these is refused, never re-sorted.
 *
 * @param symbol the pair
 * @param bids the buy side, best first
 * @param asks the sell side, best first
 * @param time when the provider took the snapshot, if it said
 */
public record OrderBook(Symbol symbol, List<PriceLevel> bids, List<PriceLevel> asks, Optional<Instant> time) {

  /**
   * Copies the sides (a side that already is one of the JDK's unmodifiable lists, as the decoders
   * build them, is kept: {@link List#copyOf} returns it) and checks their order and that the book is
   * not crossed.
   */
  public OrderBook {
    Checks.present(symbol, "symbol");
    bids = List.copyOf(Checks.present(bids, "bids"));
    asks = List.copyOf(Checks.present(asks, "asks"));
    Checks.present(time, "time");
    checkSorted(bids, "bids", -1);
    checkSorted(asks, "asks", 1);
    if (!bids.isEmpty() && !asks.isEmpty() && bids.get(0).price().compareTo(asks.get(0).price()) >= 0) {
      throw new InvalidValueException(
          "bids[0].price", "best bid " + bids.get(0).price().toPlainString() + " must be below best ask "
              + asks.get(0).price().toPlainString() + " (the book is crossed)");
    }
  }

  /** {@code direction} is -1 for strictly falling prices, 1 for strictly rising ones. */
  private static void checkSorted(List<PriceLevel> side, String name, int direction) {
    if (side.isEmpty()) {
      return;
    }
    BigDecimal previous = side.get(0).price();
    for (int i = 1; i < side.size(); i++) {
      BigDecimal price = side.get(i).price();
      if (price.compareTo(previous) != direction) {
        throw new InvalidValueException(
            name + "[" + i + "].price", "must be " + (direction < 0 ? "below" : "above") + " the previous level's "
                + previous.toPlainString() + " (levels are sorted best first, one per price)");
      }
      previous = price;
    }
  }

  /** The highest bid, if any. */
  public Optional<PriceLevel> bestBid() {
    return bids.isEmpty() ? Optional.empty() : Optional.of(bids.get(0));
  }

  /** The lowest ask, if any. */
  public Optional<PriceLevel> bestAsk() {
    return asks.isEmpty() ? Optional.empty() : Optional.of(asks.get(0));
  }

  /** Best ask minus best bid, when both sides have a level. */
  public Optional<BigDecimal> spread() {
    return bestBid().flatMap(b -> bestAsk().map(a -> a.price().subtract(b.price())));
  }

  /** The exact midpoint of best bid and best ask, when both sides have a level. */
  public Optional<BigDecimal> mid() {
    return bestBid().flatMap(b -> bestAsk().map(a -> a.price().add(b.price()).divide(BigDecimal.valueOf(2))));
  }

  /** Levels as {@code price x size}, best first; the time when the provider gave one. */
  @Override
  public String toString() {
    return ModelText.of("OrderBook").add("symbol", symbol).add("bids", bids).add("asks", asks).add("time", time)
        .toString();
  }
}
