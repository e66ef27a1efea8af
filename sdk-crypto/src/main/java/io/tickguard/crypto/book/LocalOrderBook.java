package io.tickguard.crypto.book;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.internal.SortedLevels;
import io.tickguard.market.internal.Checks;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order book kept locally from a snapshot and a stream of diffs, readable only while it is known
 * to be right. Every change runs through {@link #update}, atomically with respect to readers: the
 * edit applies its levels and then makes the provider's checks (sequence continuity, checksum); if a
 * check fails or the edit throws, the book becomes invalid before any reader can see it, and {@link
 * #snapshot()} answers empty until the book is reset from a fresh snapshot. A crossed book (best bid
 * at or above best ask) also counts as a failed check.
 *
 * <p>Levels are held in sorted arrays: an update finds its level by binary search and never
 * re-sorts. Thread-safe: one thread (the stream's reader) edits, any thread reads.
 */
public final class LocalOrderBook {
  private final Symbol symbol;
  private final SortedLevels bids = new SortedLevels(true);
  private final SortedLevels asks = new SortedLevels(false);
  private final Editor editor = new Editor();
  private boolean valid;
  private long version;

  /** An empty, not yet valid book for {@code symbol}. */
  public LocalOrderBook(Symbol symbol) {
    this.symbol = Checks.present(symbol, "symbol");
  }

  /** The pair. */
  public Symbol symbol() {
    return symbol;
  }

  /** True while the last change verified; false before the first snapshot and after a failed check. */
  public synchronized boolean isValid() {
    return valid;
  }

  /** The provider's update id the book is at (meaningful only while valid). */
  public synchronized long version() {
    return version;
  }

  /** The whole book, or empty while it is not valid. */
  public Optional<OrderBook> snapshot() {
    return snapshot(Integer.MAX_VALUE);
  }

  /** The best {@code depth} levels a side, or empty while the book is not valid. */
  public synchronized Optional<OrderBook> snapshot(int depth) {
    if (depth < 1) {
      throw new IllegalArgumentException("depth must be at least 1, was " + depth);
    }
    if (!valid) {
      return Optional.empty();
    }
    return Optional.of(new OrderBook(symbol, bids.top(depth), asks.top(depth), Optional.empty()));
  }

  /** The best bid, or empty while the book is not valid or the side is empty. */
  public synchronized Optional<PriceLevel> bestBid() {
    return valid && bids.size() > 0 ? Optional.of(new PriceLevel(bids.price(0), bids.quantity(0))) : Optional.empty();
  }

  /** The best ask, or empty while the book is not valid or the side is empty. */
  public synchronized Optional<PriceLevel> bestAsk() {
    return valid && asks.size() > 0 ? Optional.of(new PriceLevel(asks.price(0), asks.quantity(0))) : Optional.empty();
  }

  /**
   * Replaces the whole book with a snapshot at {@code version} and marks it valid (unless crossed).
   *
   * @return whether the book is now valid
   */
  public boolean reset(List<PriceLevel> bidLevels, List<PriceLevel> askLevels, long version) {
    Objects.requireNonNull(bidLevels, "bidLevels");
    Objects.requireNonNull(askLevels, "askLevels");
    return update(
        e -> {
          e.clear();
          for (PriceLevel l : bidLevels) {
            e.set(BookSide.BID, l.price(), l.size());
          }
          for (PriceLevel l : askLevels) {
            e.set(BookSide.ASK, l.price(), l.size());
          }
          e.version(version);
          return true;
        });
  }

  /**
   * Applies {@code edit} atomically. The book is valid afterwards only if it was valid or the edit
   * began with {@link BookEditor#clear()}, the edit returned {@code true}, and the book is not crossed.
   *
   * @return whether the book is valid after the edit
   */
  public synchronized boolean update(BookEdit edit) {
    Objects.requireNonNull(edit, "edit");
    editor.cleared = false;
    boolean ok = false;
    try {
      ok = edit.apply(editor);
    } finally {
      valid = ok && (valid || editor.cleared) && !crossed();
    }
    return valid;
  }

  /**
   * Applies a diff's level changes in order and moves the book to {@code version}, atomically: the
   * same as an {@link #update} that sets each change and the version and returns {@code true}, for
   * providers whose check (sequence continuity) is made before the diff is applied. It takes the
   * book's monitor once and makes no edit object per diff. The book stays invalid if it was invalid,
   * and becomes invalid if the changes cross it.
   *
   * @return whether the book is valid after the diff
   */
  public synchronized boolean apply(List<LevelChange> changes, long version) {
    Objects.requireNonNull(changes, "changes");
    boolean ok = false;
    try {
      for (int i = 0, n = changes.size(); i < n; i++) {
        LevelChange c = changes.get(i);
        side(c.side()).set(c.price(), c.size());
      }
      this.version = version;
      ok = true;
    } finally {
      valid = ok && valid && !crossed();
    }
    return valid;
  }

  /** Marks the book invalid (a provider said so, the connection dropped, a gap was seen). */
  public synchronized void invalidate() {
    valid = false;
  }

  private boolean crossed() {
    return bids.size() > 0 && asks.size() > 0 && bids.price(0).compareTo(asks.price(0)) >= 0;
  }

  private SortedLevels side(BookSide side) {
    return side == BookSide.BID ? bids : asks;
  }

  /** The editor handed to edits; only used while the book's monitor is held. */
  private final class Editor implements BookEditor {
    boolean cleared;

    @Override
    public void clear() {
      bids.clear();
      asks.clear();
      cleared = true;
    }

    @Override
    public void set(BookSide side, BigDecimal price, BigDecimal size) {
      side(side).set(price, size);
    }

    @Override
    public void truncate(int depth) {
      bids.truncate(depth);
      asks.truncate(depth);
    }

    @Override
    public int depth(BookSide side) {
      return side(side).size();
    }

    @Override
    public BigDecimal price(BookSide side, int index) {
      return side(side).price(index);
    }

    @Override
    public BigDecimal size(BookSide side, int index) {
      return side(side).quantity(index);
    }

    @Override
    public void version(long v) {
      version = v;
    }
  }
}
