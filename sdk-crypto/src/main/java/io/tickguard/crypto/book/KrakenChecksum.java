package io.tickguard.crypto.book;

import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.book.internal.ChecksumText;
import io.tickguard.crypto.book.internal.KrakenChecksumCache;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Kraken's book checksum (WebSocket v1 and v2): the unsigned CRC-32 of the top 10 asks (lowest
 * first) then the top 10 bids (highest first), each price and quantity written with the
 * instrument's precision, without the decimal point and without leading zeros.
 *
 * <p>The precision matters: Kraken v2 sends prices and quantities as JSON numbers, so {@code 0.1}
 * on the wire is {@code 0.10000000} for a quantity precision of 8, and only that spelling hashes to
 * Kraken's value. The precisions are the instrument's {@code price_precision} and {@code
 * qty_precision} (REST {@code AssetPairs}: {@code pair_decimals} and {@code lot_decimals}).
 *
 * <p>{@link #level3} is the order-level variant of Kraken's {@code level3} channel.
 */
public final class KrakenChecksum {
  /** The number of levels per side the checksum covers, whatever the subscribed depth. */
  public static final int LEVELS = KrakenChecksumCache.LEVELS;

  private KrakenChecksum() {}

  /** The checksum of {@code book}. */
  public static long of(OrderBook book, int pricePrecision, int qtyPrecision) {
    Objects.requireNonNull(book, "book");
    return of(book.bids(), book.asks(), pricePrecision, qtyPrecision);
  }

  /**
   * The checksum of a book given as its two sides, best first.
   *
   * @throws InvalidValueException when a value has more decimals than its precision allows
   */
  public static long of(List<PriceLevel> bids, List<PriceLevel> asks, int pricePrecision, int qtyPrecision) {
    Objects.requireNonNull(bids, "bids");
    Objects.requireNonNull(asks, "asks");
    checkPrecision(pricePrecision, "pricePrecision");
    checkPrecision(qtyPrecision, "qtyPrecision");
    ChecksumText text = new ChecksumText();
    append(text, asks, "asks", pricePrecision, qtyPrecision);
    append(text, bids, "bids", pricePrecision, qtyPrecision);
    return text.crc32();
  }

  /** The checksum of the book being edited, for use inside a {@link BookEdit}. */
  public static long of(BookEditor book, int pricePrecision, int qtyPrecision) {
    Objects.requireNonNull(book, "book");
    checkPrecision(pricePrecision, "pricePrecision");
    checkPrecision(qtyPrecision, "qtyPrecision");
    ChecksumText text = new ChecksumText();
    append(text, book, BookSide.ASK, "asks", pricePrecision, qtyPrecision);
    append(text, book, BookSide.BID, "bids", pricePrecision, qtyPrecision);
    return text.crc32();
  }

  /**
   * Kraken's {@code level3} checksum (WebSocket v2): the unsigned CRC-32 of every order of the top
   * 10 ask price levels (lowest first) then of the top 10 bid price levels (highest first), orders of
   * one level in queue priority, each limit price and quantity written exactly as Kraken sent it
   * (full precision, so {@code 420.0} is {@code 4200}) without the decimal point and leading zeros.
   *
   * @param bids buy orders, best price first, each level's orders in queue priority
   * @param asks sell orders, best price first, each level's orders in queue priority
   */
  public static long level3(List<BookOrder> bids, List<BookOrder> asks) {
    Objects.requireNonNull(bids, "bids");
    Objects.requireNonNull(asks, "asks");
    ChecksumText text = new ChecksumText();
    appendOrders(text, asks);
    appendOrders(text, bids);
    return text.crc32();
  }

  private static void appendOrders(ChecksumText text, List<BookOrder> orders) {
    int levels = 0;
    BigDecimal last = null;
    for (BookOrder o : orders) {
      if (last == null || o.limitPrice().compareTo(last) != 0) {
        if (++levels > LEVELS) {
          return;
        }
        last = o.limitPrice();
      }
      text.krakenDigits(o.limitPrice(), Math.max(0, o.limitPrice().scale()));
      text.krakenDigits(o.quantity(), Math.max(0, o.quantity().scale()));
    }
  }

  private static void append(ChecksumText text, List<PriceLevel> side, String name, int pricePrecision, int qtyPrecision) {
    int n = Math.min(LEVELS, side.size());
    for (int i = 0; i < n; i++) {
      PriceLevel level = side.get(i);
      digits(text, level.price(), pricePrecision, name, i, "price");
      digits(text, level.size(), qtyPrecision, name, i, "qty");
    }
  }

  // A loop of its own rather than a shared one over accessor lambdas: this runs after every book
  // message, and the lambdas were four allocations a message.
  private static void append(ChecksumText text, BookEditor book, BookSide side, String name, int pricePrecision, int qtyPrecision) {
    int n = Math.min(LEVELS, book.depth(side));
    for (int i = 0; i < n; i++) {
      digits(text, book.price(side, i), pricePrecision, name, i, "price");
      digits(text, book.size(side, i), qtyPrecision, name, i, "qty");
    }
  }

  private static void digits(ChecksumText text, BigDecimal value, int precision, String side, int i, String field) {
    KrakenChecksumCache.digits(text, value, precision, side, i, field);
  }

  private static void checkPrecision(int precision, String field) {
    KrakenChecksumCache.checkPrecision(precision, field);
  }
}
