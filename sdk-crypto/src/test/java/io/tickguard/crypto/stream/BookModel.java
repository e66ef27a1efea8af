package io.tickguard.crypto.stream;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a listener can rebuild from book events alone (a snapshot, then the changes of each update):
 * if it ends equal to the provider's book, no event ever described an invalid book.
 */
public final class BookModel {
  private final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>(Comparator.reverseOrder());
  private final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
  private boolean valid;
  public int snapshots;
  public int invalidations;
  public int updatesWhileInvalid;
  public long version = -1;

  /** Applies one event of the book. */
  public synchronized void on(MarketEvent e) {
    if (e instanceof BookSnapshotEvent s) {
      bids.clear();
      asks.clear();
      s.book().bids().forEach(l -> bids.put(l.price(), l.size()));
      s.book().asks().forEach(l -> asks.put(l.price(), l.size()));
      valid = true;
      snapshots++;
      version = s.version();
    } else if (e instanceof BookUpdateEvent u) {
      if (!valid) {
        updatesWhileInvalid++;
        return;
      }
      for (LevelChange c : u.changes()) {
        TreeMap<BigDecimal, BigDecimal> side = c.side() == BookSide.BID ? bids : asks;
        if (c.removes()) {
          side.remove(c.price());
        } else {
          side.put(c.price(), c.size());
        }
      }
      version = u.version();
    } else if (e instanceof BookInvalidated) {
      valid = false;
      invalidations++;
    }
  }

  public synchronized long version() {
    return version;
  }

  /** The rebuilt bids, best first. */
  public synchronized List<PriceLevel> bids() {
    return levels(bids);
  }

  /** The rebuilt asks, best first. */
  public synchronized List<PriceLevel> asks() {
    return levels(asks);
  }

  /** Whether the rebuilt book equals {@code book} level for level. */
  public synchronized boolean matches(OrderBook book) {
    return levels(bids).equals(book.bids()) && levels(asks).equals(book.asks());
  }

  private static List<PriceLevel> levels(Map<BigDecimal, BigDecimal> side) {
    List<PriceLevel> out = new ArrayList<>();
    side.forEach((p, s) -> out.add(new PriceLevel(p, s)));
    return out;
  }
}
