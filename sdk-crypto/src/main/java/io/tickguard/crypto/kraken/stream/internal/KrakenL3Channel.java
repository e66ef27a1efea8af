package io.tickguard.crypto.kraken.stream.internal;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.Level3Book;
import io.tickguard.crypto.stream.BookInvalidated;
import io.tickguard.crypto.stream.internal.FeedOutput;
import io.tickguard.market.InvalidValueException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code level3} side of one Kraken connection: each symbol's order book, the symbols to
 * resubscribe after a failed checksum, and what to do when Kraken refuses the WebSocket token
 * ({@code ESession:Invalid session}, {@code EAPI:Invalid token}): drop the token, subscribe the
 * refused symbols again (the signer fetches a fresh token), and fail with an {@link
 * AuthenticationException} when a symbol is refused again before any of its subscriptions
 * succeeded. Called under the feed's lock, except {@link #book}, which any thread may call.
 */
final class KrakenL3Channel {
  /** Kraken's cap of level3 symbols on one connection. */
  static final int MAX_SYMBOLS = 200;

  private final KrakenTokenSource tokens;
  private final int depth;
  private final Map<String, KrakenL3Book> books = new ConcurrentHashMap<>(); // read by any thread: book()
  private final Set<Symbol> resync = new LinkedHashSet<>();
  private final Set<Symbol> retry = new LinkedHashSet<>();
  private final Set<Symbol> retried = new HashSet<>();

  KrakenL3Channel(KrakenTokenSource tokens, int depth) {
    this.tokens = tokens;
    if (depth != 10 && depth != 100 && depth != 1000) {
      throw new InvalidValueException("level3Depth", "must be 10, 100 or 1000, was " + depth);
    }
    this.depth = depth;
  }

  int depth() {
    return depth;
  }

  void add(Symbol symbol) {
    books.put(KrakenFeed.wire(symbol), new KrakenL3Book(symbol, depth));
  }

  /** The symbol was unsubscribed: its book, readable or not, is gone ({@code UNSUBSCRIBED} if it was). */
  void remove(Symbol symbol, FeedOutput out) {
    KrakenL3Book b = books.remove(KrakenFeed.wire(symbol));
    if (b != null) {
      b.invalidate(BookInvalidated.Reason.UNSUBSCRIBED, "unsubscribed", out);
    }
    resync.remove(symbol);
    retry.remove(symbol);
  }

  /** The verified order-level book of {@code symbol}, when subscribed here and valid. */
  Optional<Level3Book> book(Symbol symbol) {
    KrakenL3Book b = books.get(KrakenFeed.wire(symbol));
    return b == null ? Optional.empty() : b.view();
  }

  /** The connection ended: every readable book is invalidated with {@code reason}, then {@link #reset()}. */
  void disconnected(String reason, FeedOutput out) {
    books.values().forEach(b -> b.invalidate(BookInvalidated.Reason.DISCONNECTED, reason, out));
    reset();
  }

  /** Resubscriptions of {@code symbol} after failed checksums. */
  int resyncs(Symbol symbol) {
    KrakenL3Book b = books.get(KrakenFeed.wire(symbol));
    return b == null ? 0 : b.resyncs();
  }

  /** A new connection: every book waits for its snapshot, nothing is pending, every symbol may retry once. */
  void reset() {
    books.values().forEach(KrakenL3Book::reset);
    resync.clear();
    retry.clear();
    retried.clear();
  }

  /** Symbols whose checksum failed (unsubscribe, then subscribe), taken. */
  List<Symbol> takeResync() {
    List<Symbol> out = new ArrayList<>(resync);
    resync.clear();
    return out;
  }

  /** Symbols whose token was refused (subscribe again with a fresh token), taken. */
  List<Symbol> takeRetry() {
    List<Symbol> out = new ArrayList<>(retry);
    retry.clear();
    return out;
  }

  /** A {@code level3} snapshot or update. */
  void onData(KrakenMessage m, FeedOutput out) {
    boolean snapshot = "snapshot".equals(m.type);
    if (!snapshot && !"update".equals(m.type)) {
      throw new InvalidResponseException("type", "Kraken level3 message type must be snapshot or update");
    }
    for (KrakenMessage.Item i : m.items) {
      if (i.symbol == null) {
        throw new InvalidResponseException("data[].symbol", "Field data[].symbol is missing");
      }
      KrakenL3Book b = books.get(i.symbol);
      if (b != null && b.on(snapshot, i.orders == null ? List.of() : i.orders, i.checksum, out)) {
        boolean first = resync.isEmpty();
        resync.add(symbolOf(i.symbol));
        if (first) {
          out.resubscribe("Kraken level3 checksum failed: resubscribing " + i.symbol);
        }
      }
    }
  }

  /** An acknowledgement of a {@code level3} request: the symbol's token was accepted. */
  void onAccepted(KrakenMessage m) {
    tokens.answered(m.reqId);
    if (m.resultSymbol != null && "subscribe".equals(m.method)) {
      retried.remove(symbolOf(m.resultSymbol));
    }
  }

  /**
   * Whether {@code error} is Kraken refusing the token; if so the token is dropped and the refused
   * symbols are subscribed again once.
   *
   * @throws AuthenticationException when a symbol is refused again with a freshly fetched token
   */
  boolean onRefused(KrakenMessage m, String error, List<Symbol> subscribed, FeedOutput out) {
    if (!error.contains("Invalid session") && !error.contains("Invalid token")) {
      return false;
    }
    tokens.refused(m.reqId);
    if (!"subscribe".equals(m.method)) {
      return true; // an unsubscribe: the symbol is gone from this feed either way
    }
    List<Symbol> refused = m.symbol != null ? List.of(symbolOf(m.symbol)) : subscribed;
    for (Symbol s : refused) {
      if (!retried.add(s)) {
        throw new AuthenticationException("Kraken refused a freshly fetched WebSocket token for level3 " + s
            + " (" + error + "): check that the API key has Kraken's \"WebSocket interface\" permission",
            ErrorDetails.none().withProviderError("", error));
      }
    }
    boolean first = retry.isEmpty();
    retry.addAll(refused);
    if (first && !retry.isEmpty()) {
      out.resubscribe("Kraken refused the WebSocket token: fetching a new one and subscribing level3 " + retry + " again");
    }
    return true;
  }

  private static Symbol symbolOf(String wire) {
    try {
      return Symbol.parse(wire);
    } catch (InvalidValueException e) {
      throw new InvalidResponseException("symbol", "Kraken symbol is not BASE/QUOTE: " + wire);
    }
  }
}
