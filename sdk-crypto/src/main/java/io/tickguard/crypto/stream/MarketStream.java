package io.tickguard.crypto.stream;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.book.Level3Book;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A provider's WebSocket market data: subscribe trades, tickers, best bid/ask and local order books
 * for many symbols; the stream opens as many connections as the provider's per-connection limits
 * require, reconnects with jittered backoff and resubscribes, and delivers typed {@link
 * MarketEvent}s to a listener or a bounded queue (never blocking the socket's reader). Thread-safe;
 * close it when done: {@link #close()} ends every connection and thread before it returns.
 *
 * <pre>{@code
 * try (MarketStream stream = binance.streams().listener(event -> handle(event)).open()) {
 *   stream.subscribe(List.of(new Subscription(Symbol.of("BTC", "USDT"), StreamChannel.BOOK)));
 *   Optional<OrderBook> book = stream.book(Symbol.of("BTC", "USDT"));   // empty until synced
 * }
 * }</pre>
 */
public interface MarketStream extends AutoCloseable {

  /**
   * Adds subscriptions and sends the subscribe messages (through the stream's message throttle, so
   * this may wait for it). Subscribing twice is a no-op.
   */
  void subscribe(List<Subscription> subscriptions);

  /** Removes subscriptions; their books become invalid ({@link BookInvalidated.Reason#UNSUBSCRIBED}). */
  void unsubscribe(List<Subscription> subscriptions);

  /** What is subscribed now. */
  List<Subscription> subscriptions();

  /**
   * The local book of {@code symbol} as of now, or empty when it is not subscribed or not valid
   * (not yet synced, or invalidated and not yet resynced). A book returned here passed every
   * provider check. A symbol subscribed only on {@link StreamChannel#ORDERS} answers its {@link
   * #level3Book(Symbol) level 3 book} aggregated into price levels.
   */
  Optional<OrderBook> book(Symbol symbol);

  /** The best {@code depth} levels a side of the local book of {@code symbol}, when valid. */
  Optional<OrderBook> book(Symbol symbol, int depth);

  /**
   * The order-level (level 3) book of {@code symbol} as of the last verified message, or empty when
   * {@link StreamChannel#ORDERS} is not subscribed for it or the book is not valid (not yet synced,
   * or invalidated and not yet resynced: the same {@link BookInvalidated} rules as {@link
   * #book(Symbol)}). When {@code symbol} has no {@link StreamChannel#BOOK} subscription, {@link
   * #book(Symbol)} answers this book aggregated into price levels ({@link Level3Book#levels()}).
   * Default: empty (providers without a level 3 channel).
   */
  default Optional<Level3Book> level3Book(Symbol symbol) {
    return Optional.empty();
  }

  /**
   * The next event in queue mode, waiting up to {@code timeout}.
   *
   * @throws IllegalStateException the stream delivers to a listener
   * @throws io.tickguard.core.stream.StreamClosedException the stream ended and every event was taken
   */
  Optional<MarketEvent> poll(Duration timeout);

  /** Connections open now (one per group of subscriptions the provider allows on a connection). */
  int connections();

  /** Connections opened so far, reconnects included. */
  int connectionsOpened();

  /** Events dropped by a {@code DROP_OLDEST} buffer so far, across connections. */
  long droppedEvents();

  /** Ends every connection and stops every thread of the stream; idempotent. */
  @Override
  void close();
}
