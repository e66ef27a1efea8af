package io.tickguard.crypto.stream;

import io.tickguard.crypto.Symbol;
import io.tickguard.market.internal.Checks;

/**
 * A local order book failed a provider check or lost its source, and is no longer readable: the
 * stream's {@code book(symbol)} answers empty from the moment this happened until the book is
 * resynced, which a later {@link BookSnapshotEvent} announces (for an order-level book: {@link
 * OrdersSnapshotEvent}, and {@code level3Book(symbol)} answers empty in the meantime). Nothing the book held after the
 * failed check was ever readable.
 *
 * @param symbol the pair
 * @param reason why the book was invalidated
 * @param detail a short description (ids, expected and actual values; no secrets)
 */
public record BookInvalidated(Symbol symbol, Reason reason, String detail) implements MarketEvent {

  /** Validates the fields. */
  public BookInvalidated {
    Checks.present(symbol, "symbol");
    Checks.present(reason, "reason");
    Checks.present(detail, "detail");
  }

  /** Why a book was invalidated. */
  public enum Reason {
    /** An update id or sequence number skipped (Binance {@code U}, Coinbase {@code sequence_num}). */
    SEQUENCE_GAP,
    /** The book's checksum differed from the provider's (Kraken). */
    CHECKSUM_MISMATCH,
    /** The connection carrying the book ended; the book resyncs after the reconnect. */
    DISCONNECTED,
    /** The provider announced it is going away (Binance {@code serverShutdown}) or the connection reached its lifetime. */
    SERVER_SHUTDOWN,
    /** A book message broke a rule of the model (a crossed book, a value with too many decimals). */
    INVALID_DATA,
    /** The user unsubscribed the book. */
    UNSUBSCRIBED
  }
}
