package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.BookOrder;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.crypto.book.KrakenChecksum;
import io.tickguard.crypto.book.Level3Book;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.OrderEvent;
import io.tickguard.crypto.stream.OrdersSnapshotEvent;
import io.tickguard.crypto.stream.internal.FeedOutput;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Models;
import io.tickguard.market.internal.Times;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One symbol's order-level book on Kraken's {@code level3} channel: the snapshot replaces it, each
 * update applies its {@code add}/{@code modify}/{@code delete} events in order (an order keeps its
 * queue place when modified), the book is truncated to the subscribed depth (Kraken sends no delete
 * for levels pushed out), and {@link KrakenChecksum#level3} must equal the message's checksum. Events
 * reach the listener only after the message verified; a mismatch invalidates the book ({@link
 * BookInvalidated}, {@link BookInvalidated.Reason#CHECKSUM_MISMATCH}) and makes the feed resubscribe
 * the symbol and ignore its updates until the new snapshot. Edited on the reader thread only; {@link
 * #view()} may be read by any thread and is the immutable book of the last verified message, or
 * empty from the moment a check failed or the book lost its source until the next verified snapshot.
 */
final class KrakenL3Book {
  private final Symbol symbol;
  private final int depth;
  private final TreeMap<BigDecimal, Map<String, BookOrder>> bids = new TreeMap<>(Collections.reverseOrder());
  private final TreeMap<BigDecimal, Map<String, BookOrder>> asks = new TreeMap<>();
  private boolean awaitingSnapshot = true;
  private int resyncs;
  /**
   * The last verified book, or null: written on the reader thread, read by any without the lock
   * (the edits are synchronized though only the reader thread makes them, so that SpotBugs' atomicity
   * checks see one discipline; the lock is never contended).
   */
  private final AtomicReference<Level3Book> view = new AtomicReference<>();

  KrakenL3Book(Symbol symbol, int depth) {
    this.symbol = symbol;
    this.depth = depth;
  }

  /** Resubscriptions after failed checksums. */
  synchronized int resyncs() {
    return resyncs;
  }

  /** The verified book, or empty while it is not valid (before its snapshot, after a failed check). */
  Optional<Level3Book> view() {
    return Optional.ofNullable(view.get());
  }

  /** The connection ended or the symbol was unsubscribed: wait for a new snapshot. */
  synchronized void reset() {
    view.set(null);
    bids.clear();
    asks.clear();
    awaitingSnapshot = true;
  }

  /** As {@link #reset()}, telling {@code out} when a readable book was invalidated by it. */
  synchronized void invalidate(BookInvalidated.Reason reason, String detail, FeedOutput out) {
    boolean wasValid = view.get() != null;
    reset();
    if (wasValid) {
      out.event(new BookInvalidated(symbol, reason, detail));
    }
  }

  /** Handles a snapshot or an update; returns true when the symbol must be resubscribed. */
  synchronized boolean on(boolean snapshot, List<KrakenMessage.L3Order> wire, long checksum, FeedOutput out) {
    if (!snapshot && awaitingSnapshot) {
      return false; // updates of a book being resynced: the coming snapshot replaces them
    }
    if (checksum < 0) {
      throw new InvalidResponseException("data[].checksum", "Kraken level3 message without its checksum");
    }
    if (snapshot) {
      bids.clear();
      asks.clear();
    }
    List<OrderEvent> events = new ArrayList<>(wire.size());
    try {
      for (KrakenMessage.L3Order w : wire) {
        BookOrder order = order(w);
        OrderEvent.Action action = snapshot ? OrderEvent.Action.ADD : action(w);
        apply(action, order);
        events.add(new OrderEvent(symbol, action, order));
      }
    } catch (RuntimeException e) {
      view.set(null); // a malformed message half applied: unreadable at once, as a level2 book whose edit throws
      throw e; // (the session replaces the connection; only a verified checksum makes a view again)
    }
    truncate(bids);
    truncate(asks);
    List<BookOrder> bidOrders = flatten(bids);
    List<BookOrder> askOrders = flatten(asks);
    long actual = KrakenChecksum.level3(bidOrders, askOrders);
    if (actual != checksum) {
      return fail(BookInvalidated.Reason.CHECKSUM_MISMATCH,
          "level3 checksum " + actual + " of the local orders differs from Kraken's " + checksum, out);
    }
    try {
      view.set(new Level3Book(symbol, bidOrders, askOrders));
    } catch (InvalidValueException e) {
      return fail(BookInvalidated.Reason.INVALID_DATA, "level3 book breaks a rule of the model: " + e.getMessage(), out);
    }
    if (snapshot) {
      awaitingSnapshot = false;
      out.event(new OrdersSnapshotEvent(symbol, bidOrders, askOrders));
    } else {
      events.forEach(out::event);
    }
    return false;
  }

  /** The book failed a check: unreadable from now, listeners told, the symbol to be resubscribed. */
  private synchronized boolean fail(BookInvalidated.Reason reason, String detail, FeedOutput out) {
    reset();
    resyncs++;
    out.event(new BookInvalidated(symbol, reason, detail));
    out.gap(symbol + " " + detail);
    return true;
  }

  private void apply(OrderEvent.Action action, BookOrder order) {
    TreeMap<BigDecimal, Map<String, BookOrder>> side = order.side() == BookSide.BID ? bids : asks;
    switch (action) {
      case ADD, MODIFY -> side.computeIfAbsent(order.limitPrice(), p -> new LinkedHashMap<>()).put(order.orderId(), order);
      case DELETE -> {
        Map<String, BookOrder> level = side.get(order.limitPrice());
        if (level != null) {
          level.remove(order.orderId());
          if (level.isEmpty()) {
            side.remove(order.limitPrice());
          }
        }
      }
    }
  }

  private void truncate(TreeMap<BigDecimal, Map<String, BookOrder>> side) {
    while (side.size() > depth) {
      side.pollLastEntry();
    }
  }

  private static List<BookOrder> flatten(TreeMap<BigDecimal, Map<String, BookOrder>> side) {
    List<BookOrder> out = new ArrayList<>();
    side.values().forEach(level -> out.addAll(level.values()));
    return out;
  }

  private static OrderEvent.Action action(KrakenMessage.L3Order w) {
    if (w.event() == null) {
      throw new InvalidResponseException(w.path() + ".event", "Field " + w.path() + ".event is missing");
    }
    return switch (w.event()) {
      case "add" -> OrderEvent.Action.ADD;
      case "modify" -> OrderEvent.Action.MODIFY;
      case "delete" -> OrderEvent.Action.DELETE;
      default -> throw new InvalidResponseException(w.path() + ".event",
          "Field " + w.path() + ".event must be add, modify or delete");
    };
  }

  private static BookOrder order(KrakenMessage.L3Order w) {
    if (w.timestamp() == null) {
      throw new InvalidResponseException(w.path() + ".timestamp", "Field " + w.path() + ".timestamp is missing");
    }
    java.time.Instant time = Times.iso(w.timestamp(), w.path() + ".timestamp");
    return Models.build(w.path() + ".", () -> new BookOrder(w.orderId(), w.side(), w.price(), w.qty(), time));
  }
}
