package io.tickguard.crypto.binance.stream.internal;

import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.binance.stream.BinanceDepthSnapshot;
import io.tickguard.crypto.book.BookEditor;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.internal.FeedOutput;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;

/**
 * One symbol's local book kept by Binance's documented procedure ("How to manage a local order book
 * correctly"): buffer the {@code depthUpdate}s, fetch a REST snapshot, refetch while its {@code
 * lastUpdateId} is below the first buffered {@code U}, drop buffered events with {@code u <=
 * lastUpdateId}, then apply events in order where each must start at most one past the book's id
 * ({@code U <= id + 1}); an event that starts later means events were lost: the book is invalidated
 * and the procedure starts again. Runs on the reader thread only.
 */
final class BinanceDepthBook {
  /** Events buffered while a snapshot is in flight; past this the buffer restarts (memory stays bounded). */
  static final int MAX_BUFFERED = 10_000;

  private final Symbol symbol;
  private final String wireSymbol;
  private final LocalOrderBook book;
  private final ArrayDeque<BinanceDiff> buffer = new ArrayDeque<>();
  private boolean live;
  /**
   * The update id the book is at while {@link #live}: this class is the book's only writer, so it
   * keeps the id itself rather than taking the book's monitor per diff to read it.
   */
  private long id;
  private boolean snapshotRequested;
  private int snapshotRequests;

  BinanceDepthBook(Symbol symbol, String wireSymbol) {
    this.symbol = symbol;
    this.wireSymbol = wireSymbol;
    this.book = new LocalOrderBook(symbol);
  }

  LocalOrderBook book() {
    return book;
  }

  String wireSymbol() {
    return wireSymbol;
  }

  /** How many snapshots this book asked for (tests: one resync per gap). */
  int snapshotRequests() {
    return snapshotRequests;
  }

  /**
   * Handles one diff spanning update ids {@code first} to {@code last} with its (unmodifiable)
   * changes; returns true when a snapshot must be fetched now. A diff is kept as a {@link
   * BinanceDiff} only when it is buffered.
   */
  boolean onDiff(long first, long last, List<LevelChange> changes, FeedOutput out) {
    if (!live) {
      if (buffer.size() == MAX_BUFFERED) {
        buffer.clear();
      }
      buffer.addLast(new BinanceDiff(first, last, changes));
      return requestSnapshot();
    }
    if (last <= id) {
      return false; // older than the book: ignore, as documented
    }
    if (first > id + 1) {
      String detail = "depthUpdate U=" + first + " after book id " + id + ": events were lost";
      restart(BookInvalidated.Reason.SEQUENCE_GAP, detail, out);
      buffer.addLast(new BinanceDiff(first, last, changes));
      return requestSnapshot();
    }
    if (!book.apply(changes, last)) {
      restart(BookInvalidated.Reason.INVALID_DATA, "book crossed after update u=" + last, out);
      return false;
    }
    id = last;
    out.event(new BookUpdateEvent(symbol, changes, last));
    return false;
  }

  /** Applies a fetched snapshot and the buffered events, atomically; returns true to fetch again. */
  boolean onSnapshot(BinanceDepthSnapshot s, FeedOutput out) {
    snapshotRequested = false;
    if (live) {
      return false;
    }
    if (buffer.isEmpty()) {
      return false; // the buffer restarted; the next event asks again
    }
    if (s.lastUpdateId() < buffer.peekFirst().firstUpdateId()) {
      return requestSnapshot(); // step 4: the snapshot is older than the first buffered event
    }
    while (!buffer.isEmpty() && buffer.peekFirst().finalUpdateId() <= s.lastUpdateId()) {
      buffer.removeFirst();
    }
    boolean ok = book.update(e -> replay(e, s));
    buffer.clear();
    if (!ok) {
      return false; // a gap inside the buffer: still not live; the next event starts again
    }
    live = true;
    id = book.version();
    out.event(new BookSnapshotEvent(symbol, book.snapshot().orElseThrow(), id));
    return false;
  }

  /** The snapshot fetch failed; returns true to fetch again. */
  boolean onSnapshotFailed() {
    snapshotRequested = false;
    return !live && !buffer.isEmpty() && requestSnapshot();
  }

  /** The connection ended or is going away: the book is unreadable until resynced. */
  void invalidate(BookInvalidated.Reason reason, String detail, FeedOutput out) {
    boolean wasLive = live;
    restart(reason, detail, null);
    snapshotRequested = false;
    if (wasLive && out != null) {
      out.event(new BookInvalidated(symbol, reason, detail));
    }
  }

  private void restart(BookInvalidated.Reason reason, String detail, FeedOutput out) {
    book.invalidate();
    live = false;
    buffer.clear();
    if (out != null) {
      out.event(new BookInvalidated(symbol, reason, detail));
      out.gap(symbol + ": " + detail);
    }
  }

  private boolean requestSnapshot() {
    if (snapshotRequested) {
      return false;
    }
    snapshotRequested = true;
    snapshotRequests++;
    return true;
  }

  private boolean replay(BookEditor e, BinanceDepthSnapshot s) {
    e.clear();
    for (PriceLevel l : s.bids()) {
      e.set(BookSide.BID, l.price(), l.size());
    }
    for (PriceLevel l : s.asks()) {
      e.set(BookSide.ASK, l.price(), l.size());
    }
    long at = s.lastUpdateId();
    for (Iterator<BinanceDiff> it = buffer.iterator(); it.hasNext(); ) {
      BinanceDiff d = it.next();
      if (d.firstUpdateId() > at + 1) {
        return false;
      }
      for (LevelChange c : d.changes()) {
        e.set(c.side(), c.price(), c.size());
      }
      at = d.finalUpdateId();
    }
    e.version(at);
    return true;
  }
}
