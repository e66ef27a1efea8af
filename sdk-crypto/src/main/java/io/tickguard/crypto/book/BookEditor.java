package io.tickguard.crypto.book;

import java.math.BigDecimal;

/**
 * The mutable view of a {@link LocalOrderBook} inside {@link LocalOrderBook#update}. It exists only
 * for the duration of that call, while readers are locked out, so a half-applied diff is never seen.
 */
public interface BookEditor {

  /** Removes every level of both sides. */
  void clear();

  /** Sets the total size at {@code price} on {@code side}; zero removes the level. */
  void set(BookSide side, BigDecimal price, BigDecimal size);

  /** Keeps the best {@code depth} levels of each side (Kraken: the subscribed depth). */
  void truncate(int depth);

  /** The number of levels on {@code side}. */
  int depth(BookSide side);

  /** The price of level {@code index} (0 is best) on {@code side}. */
  BigDecimal price(BookSide side, int index);

  /** The size of level {@code index} (0 is best) on {@code side}. */
  BigDecimal size(BookSide side, int index);

  /** Records the provider's update id (Binance {@code u}, Coinbase {@code sequence_num}) the book is now at. */
  void version(long version);
}
