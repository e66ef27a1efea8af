package io.tickguard.crypto.stream.internal;

import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.Level3Book;
import io.tickguard.crypto.book.LocalOrderBook;
import io.tickguard.crypto.stream.Subscription;
import java.util.List;
import java.util.Optional;

/**
 * A provider's side of one market-data connection: the messages to send after (re)connecting, and
 * the decoding of each incoming text message into events, book maintenance and control signals.
 * Called by one thread at a time (the transport's reader thread, and its scheduler for {@link
 * #onOpen}).
 */
public interface Feed {

  /** Why {@link #onOpen} is asked for messages. */
  enum Open {
    /** The first connection. */
    FIRST,
    /** A new connection after a loss: every book is invalid, subscribe everything again. */
    RECONNECT,
    /** The feed asked through {@link FeedOutput#resubscribe}; the connection stays open. */
    RESUBSCRIBE
  }

  /** The messages to send now, in order. */
  List<String> onOpen(Open reason);

  /** How many more subscriptions this connection may carry (the provider's per-connection limit). */
  int capacityLeft();

  /**
   * Whether this connection may carry {@code subscription} (a provider may need separate
   * connections for some channels: Kraken's authenticated {@code level3}). Default: yes.
   */
  default boolean carries(Subscription subscription) {
    return true;
  }

  /** Adds subscriptions; returns the messages to send now on an open connection. */
  List<String> subscribe(List<Subscription> subscriptions);

  /** Removes subscriptions (their books become invalid); returns the messages to send now. */
  List<String> unsubscribe(List<Subscription> subscriptions, FeedOutput out);

  /** The subscriptions this connection carries. */
  List<Subscription> subscriptions();

  /** The local book of {@code symbol}, when this connection keeps it. */
  Optional<LocalOrderBook> book(Symbol symbol);

  /**
   * The verified order-level book of {@code symbol}, when this connection keeps one ({@link
   * io.tickguard.crypto.stream.StreamChannel#ORDERS}) and it is valid. Any thread may call it.
   * Default: none.
   */
  default Optional<Level3Book> level3Book(Symbol symbol) {
    return Optional.empty();
  }

  /** Decodes and handles one text message. */
  void onText(String message, FeedOutput out);

  /**
   * The connection ended (or is about to be replaced): every book this feed keeps becomes invalid
   * at once, with {@code reason}, so that no reader sees a book that no longer has a source.
   */
  void onDisconnect(String reason, FeedOutput out);
}
