package io.tickguard.examples.cli;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.Trade;
import io.tickguard.crypto.stream.BookSnapshotEvent;
import io.tickguard.crypto.stream.BookUpdateEvent;
import io.tickguard.crypto.stream.MarketEvent;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.MarketStreamBuilder;
import io.tickguard.crypto.stream.StreamChannel;
import io.tickguard.crypto.stream.Subscription;
import io.tickguard.crypto.stream.TradeEvent;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Successive values for {@code book --watch} and {@code trades --follow}: from the provider's
 * WebSocket stream where it has one, else by polling its REST API. Closing ends the stream.
 *
 * @param <T> what one update is
 */
interface Updates<T> extends AutoCloseable {

  /** The next update: the first one as soon as there is one, later ones when they arrive or are due. */
  T next() throws InterruptedException;

  /** {@code stream} or {@code poll}: where the updates come from (in the JSON output). */
  String source();

  @Override
  default void close() {}

  /** How long one wait for a stream event lasts before the stream's state is checked again. */
  Duration WAIT = Duration.ofMillis(500);

  /** The book of {@code symbol}: streamed when {@code streams} is present, else polled every {@code interval}. */
  static Updates<OrderBook> books(
      CryptoMarketData client, Optional<MarketStreamBuilder<?>> streams, Symbol symbol, int depth, Duration interval) {
    if (streams.isEmpty()) {
      return polling(interval, () -> client.orderBook(symbol, depth));
    }
    // Only the latest book matters to a ladder: the reader keeps the book current whatever is dropped.
    MarketStream stream = streams.get().buffer(1024, Backpressure.DROP_OLDEST).open();
    stream.subscribe(List.of(new Subscription(symbol, StreamChannel.BOOK)));
    return new Streamed<>(stream, event -> {
      boolean changed = (event instanceof BookUpdateEvent u && u.symbol().equals(symbol))
          || (event instanceof BookSnapshotEvent s && s.symbol().equals(symbol));
      return changed ? stream.book(symbol, depth) : Optional.empty();
    });
  }

  /**
   * New trades of {@code symbol}, oldest first: the latest {@code limit} from REST first, then each
   * streamed trade, or each poll's unseen trades. A trade is never shown twice (by id).
   */
  static Updates<List<Trade>> trades(
      CryptoMarketData client, Optional<MarketStreamBuilder<?>> streams, Symbol symbol, int limit, Duration interval) {
    Set<String> seen = new LinkedHashSet<>();
    Updates<List<Trade>> polled = polling(interval, () -> {
      List<Trade> fresh = client.recentTrades(symbol, limit).stream().filter(t -> seen.add(t.id())).toList();
      while (seen.size() > 10_000) {
        seen.remove(seen.iterator().next());
      }
      return fresh;
    });
    if (streams.isEmpty()) {
      return polled;
    }
    // Every trade matters: a consumer that falls behind fails loudly rather than skip trades.
    MarketStream stream = streams.get().buffer(4096, Backpressure.FAIL).open();
    stream.subscribe(List.of(new Subscription(symbol, StreamChannel.TRADES)));
    Streamed<List<Trade>> live = new Streamed<>(stream, event -> event instanceof TradeEvent t && t.symbol().equals(symbol)
        && seen.add(t.trade().id()) ? Optional.of(List.of(t.trade())) : Optional.empty());
    return new Updates<>() {
      private Updates<List<Trade>> current;

      @Override
      public List<Trade> next() throws InterruptedException {
        current = current == null ? polled : live; // the latest trades from REST first, then the stream
        return current.next();
      }

      @Override
      public String source() {
        return current == null ? live.source() : current.source();
      }

      @Override
      public void close() {
        live.close();
      }
    };
  }

  /** Calls {@code fetch} at once, then every {@code interval}. */
  private static <T> Updates<T> polling(Duration interval, java.util.function.Supplier<T> fetch) {
    return new Updates<>() {
      private boolean first = true;

      @Override
      public T next() throws InterruptedException {
        if (!first && !interval.isZero()) {
          Thread.sleep(interval.toMillis());
        }
        first = false;
        return fetch.get();
      }

      @Override
      public String source() {
        return "poll";
      }
    };
  }

  /** What one stream event means to a command: an update to show, or nothing. */
  @FunctionalInterface
  interface EventView<T> {
    Optional<T> of(MarketEvent event);
  }

  /** Updates taken from a market stream in queue mode (the CLI's thread waits; the reader never does). */
  final class Streamed<T> implements Updates<T> {
    private final MarketStream stream;
    private final EventView<T> view;

    Streamed(MarketStream stream, EventView<T> view) {
      this.stream = stream;
      this.view = view;
    }

    @Override
    public T next() throws InterruptedException {
      while (true) {
        if (Thread.interrupted()) {
          throw new InterruptedException();
        }
        // A failed stream (overflow, reconnects exhausted) throws its TickGuardException here.
        Optional<MarketEvent> event = stream.poll(WAIT);
        if (event.isPresent()) {
          Optional<T> update = view.of(event.get());
          if (update.isPresent()) {
            return update.get();
          }
        }
      }
    }

    @Override
    public String source() {
      return "stream";
    }

    @Override
    public void close() {
      stream.close();
    }
  }
}
