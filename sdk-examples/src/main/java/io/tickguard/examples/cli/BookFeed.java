package io.tickguard.examples.cli;

import io.tickguard.crypto.CryptoMarketData;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.Symbol;
import java.time.Duration;

/**
 * Successive order books for {@code book --watch}. Today every provider is polled through the
 * client; a provider with a book stream gets a feed that waits for the stream's next valid book.
 */
interface BookFeed {

  /** The next book: the first one at once, later ones when they are due. */
  OrderBook next() throws InterruptedException;

  /** Polls {@code client} every {@code interval}. */
  static BookFeed polling(CryptoMarketData client, Symbol symbol, int depth, Duration interval) {
    return new BookFeed() {
      private boolean first = true;

      @Override
      public OrderBook next() throws InterruptedException {
        if (!first && !interval.isZero()) {
          Thread.sleep(interval.toMillis());
        }
        first = false;
        return client.orderBook(symbol, depth);
      }
    };
  }
}
