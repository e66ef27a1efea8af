package io.tickguard.examples.chaos;

import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.MarketEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stream listener that checks, event by event, that no partial or invalid book ever reaches the
 * user: a snapshot is sorted and uncrossed, no update arrives for a book that was invalidated and
 * not yet resynced, and the book a listener rebuilds from the events stays sorted and uncrossed.
 * Violations are collected (the delivery thread must not throw) and asserted by the test.
 */
final class BookWatch implements StreamListener<MarketEvent> {
  private final String provider;
  private final Map<Symbol, TreeMap<BigDecimal, BigDecimal>> bids = new HashMap<>();
  private final Map<Symbol, TreeMap<BigDecimal, BigDecimal>> asks = new HashMap<>();
  private final Map<Symbol, Boolean> valid = new HashMap<>();
  private final List<String> violations = new ArrayList<>();
  private int snapshots;
  private int updates;
  private int invalidations;
  private int signals;

  BookWatch(String provider) {
    this.provider = provider;
  }

  @Override
  public synchronized void onEvent(MarketEvent event) {
    if (event instanceof BookSnapshotEvent s) {
      snapshots++;
      check(s.symbol(), s.book());
      TreeMap<BigDecimal, BigDecimal> b = new TreeMap<>(Comparator.reverseOrder());
      TreeMap<BigDecimal, BigDecimal> a = new TreeMap<>();
      s.book().bids().forEach(l -> b.put(l.price(), l.size()));
      s.book().asks().forEach(l -> a.put(l.price(), l.size()));
      bids.put(s.symbol(), b);
      asks.put(s.symbol(), a);
      valid.put(s.symbol(), true);
    } else if (event instanceof BookUpdateEvent u) {
      updates++;
      if (!valid.getOrDefault(u.symbol(), false)) {
        violations.add(provider + ": update " + u.version() + " of " + u.symbol() + " delivered while its book was invalid");
        return;
      }
      for (LevelChange c : u.changes()) {
        TreeMap<BigDecimal, BigDecimal> side = (c.side() == BookSide.BID ? bids : asks).get(u.symbol());
        if (c.removes()) {
          side.remove(c.price());
        } else {
          side.put(c.price(), c.size());
        }
      }
      TreeMap<BigDecimal, BigDecimal> b = bids.get(u.symbol());
      TreeMap<BigDecimal, BigDecimal> a = asks.get(u.symbol());
      if (!b.isEmpty() && !a.isEmpty() && b.firstKey().compareTo(a.firstKey()) >= 0) {
        violations.add(provider + ": book of " + u.symbol() + " crossed after update " + u.version());
      }
    } else if (event instanceof BookInvalidated i) {
      invalidations++;
      valid.put(i.symbol(), false);
    }
  }

  @Override
  public synchronized void onSignal(StreamSignal signal) {
    signals++;
  }

  private void check(Symbol symbol, OrderBook book) {
    if (!sorted(book.bids(), -1) || !sorted(book.asks(), 1)) {
      violations.add(provider + ": unsorted snapshot of " + symbol);
    }
    if (!book.bids().isEmpty() && !book.asks().isEmpty()
        && book.bids().get(0).price().compareTo(book.asks().get(0).price()) >= 0) {
      violations.add(provider + ": crossed snapshot of " + symbol);
    }
  }

  /** Also checks a book read from the stream directly (what {@code stream.book(symbol)} exposes). */
  synchronized void checkExposed(Symbol symbol, OrderBook book) {
    check(symbol, book);
  }

  private static boolean sorted(List<PriceLevel> levels, int direction) {
    for (int i = 1; i < levels.size(); i++) {
      if (Integer.signum(levels.get(i).price().compareTo(levels.get(i - 1).price())) != direction) {
        return false;
      }
    }
    return levels.stream().allMatch(l -> l.size().signum() > 0);
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  synchronized int snapshots() {
    return snapshots;
  }

  @Override
  public synchronized String toString() {
    return provider + "{snapshots=" + snapshots + ", updates=" + updates + ", invalidations=" + invalidations
        + ", signals=" + signals + "}";
  }
}
