package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.crypto.kraken.stream.KrakenPrecision;
import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookEditor;
import io.tickguard.crypto.book.LevelChange;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.crypto.book.internal.KrakenChecksumCache;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.internal.FeedOutput;
import java.util.List;

/**
 * One symbol's local book on Kraken WebSocket v2: the snapshot replaces the book, each update
 * applies its levels in order, the book is truncated to the subscribed depth, and the CRC32 of the
 * top 10 levels (with the instrument's precision) must equal the message's checksum, for the
 * snapshot and after every update. A mismatch invalidates the book; the feed then resubscribes the
 * symbol and ignores its updates until the new snapshot. Runs on the reader thread only.
 */
final class KrakenBook {
  private final Symbol symbol;
  private final int depth;
  private final LocalOrderBook book;
  /** The checksum of this book's every message, reusing the digits of levels that did not change. */
  private final KrakenChecksumCache checksums;
  private boolean awaitingSnapshot = true;
  private long verified;
  private int resyncs;

  KrakenBook(Symbol symbol, int depth, KrakenPrecision precision) {
    this.symbol = symbol;
    this.depth = depth;
    this.book = new LocalOrderBook(symbol);
    this.checksums = new KrakenChecksumCache(precision.price(), precision.quantity());
  }

  LocalOrderBook book() {
    return book;
  }

  int depth() {
    return depth;
  }

  /** Resubscriptions after failed checks (tests: exactly one per corrupted checksum). */
  int resyncs() {
    return resyncs;
  }

  /** Handles a snapshot or an update; returns true when the symbol must be resubscribed. */
  boolean on(boolean snapshot, List<LevelChange> changes, long checksum, FeedOutput out) {
    if (!snapshot && awaitingSnapshot) {
      return false; // updates of a book being resynced: the coming snapshot replaces them
    }
    String[] failure = new String[1];
    boolean ok = book.update(e -> {
      if (snapshot) {
        e.clear();
      }
      for (LevelChange c : changes) {
        e.set(c.side(), c.price(), c.size());
      }
      e.truncate(depth);
      e.version(verified + 1);
      return verify(e, checksum, failure);
    });
    if (!ok) {
      awaitingSnapshot = true;
      resyncs++;
      BookInvalidated.Reason reason = failure[0] != null && failure[0].startsWith("checksum")
          ? BookInvalidated.Reason.CHECKSUM_MISMATCH : BookInvalidated.Reason.INVALID_DATA;
      String detail = failure[0] != null ? failure[0] : "the book crossed";
      out.event(new BookInvalidated(symbol, reason, detail));
      out.gap(symbol + ": " + detail);
      return true;
    }
    verified++;
    if (snapshot) {
      awaitingSnapshot = false;
      out.event(new BookSnapshotEvent(symbol, book.snapshot().orElseThrow(), verified));
    } else {
      out.event(new BookUpdateEvent(symbol, changes, verified));
    }
    return false;
  }

  /** The book lost its source (disconnect, unsubscribe); it waits for a new snapshot. */
  void invalidate(BookInvalidated.Reason reason, String detail, FeedOutput out) {
    boolean wasValid = book.isValid();
    book.invalidate();
    awaitingSnapshot = true;
    if (wasValid && out != null) {
      out.event(new BookInvalidated(symbol, reason, detail));
    }
  }

  private boolean verify(BookEditor e, long expected, String[] failure) {
    if (expected < 0) {
      failure[0] = "checksum missing from the book message";
      return false;
    }
    long actual;
    try {
      actual = checksums.of(e);
    } catch (InvalidValueException ex) {
      failure[0] = "a level does not fit the instrument's precision: " + ex.getMessage();
      return false;
    }
    if (actual != expected) {
      failure[0] = "checksum " + actual + " of the local book differs from Kraken's " + expected;
      return false;
    }
    return true;
  }
}
