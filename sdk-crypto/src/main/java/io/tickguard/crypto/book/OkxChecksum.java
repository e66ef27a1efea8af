package io.tickguard.crypto.book;

import io.tickguard.crypto.OrderBook;
import io.tickguard.crypto.PriceLevel;
import io.tickguard.crypto.book.internal.ChecksumText;
import java.util.List;
import java.util.Objects;

/**
 * OKX's published order-book checksum, as a pure function for users who keep OKX books (TickGuard
 * has no OKX client): the signed 32-bit CRC-32 of the best 25 bids and asks interleaved as {@code
 * bid:bidSize:ask:askSize:...}, the longer side's remaining levels appended when the sides differ in
 * length, every value written exactly as the wire sent it. Because TickGuard keeps a decimal's scale
 * as read, {@code 3366} and {@code 3366.0} stay different strings, as OKX requires.
 */
public final class OkxChecksum {
  /** The number of levels per side the checksum covers. */
  public static final int LEVELS = 25;

  private OkxChecksum() {}

  /** The checksum of {@code book}. */
  public static int of(OrderBook book) {
    Objects.requireNonNull(book, "book");
    return of(book.bids(), book.asks());
  }

  /** The text the checksum is computed over (OKX's "check string"). */
  public static String text(List<PriceLevel> bids, List<PriceLevel> asks) {
    return build(bids, asks).text();
  }

  /** The checksum of a book given as its two sides, best first. */
  public static int of(List<PriceLevel> bids, List<PriceLevel> asks) {
    return (int) build(bids, asks).crc32();
  }

  private static ChecksumText build(List<PriceLevel> bids, List<PriceLevel> asks) {
    Objects.requireNonNull(bids, "bids");
    Objects.requireNonNull(asks, "asks");
    ChecksumText text = new ChecksumText();
    int n = Math.max(Math.min(LEVELS, bids.size()), Math.min(LEVELS, asks.size()));
    boolean first = true;
    for (int i = 0; i < n; i++) {
      if (i < bids.size()) {
        first = level(text, bids.get(i), first);
      }
      if (i < asks.size()) {
        first = level(text, asks.get(i), first);
      }
    }
    return text;
  }

  private static boolean level(ChecksumText text, PriceLevel level, boolean first) {
    if (!first) {
      text.separator(':');
    }
    text.plain(level.price()).separator(':').plain(level.size());
    return false;
  }
}
