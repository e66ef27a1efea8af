package io.tickguard.crypto.book.internal;

import io.tickguard.crypto.book.BookEditor;
import io.tickguard.crypto.book.BookSide;
import io.tickguard.market.InvalidValueException;
import java.math.BigDecimal;

/**
 * Kraken's book checksum of one book, computed after every message, reusing what it wrote the time
 * before: the text of the top 10 levels of each side is kept with the very {@link BigDecimal}
 * instances it was written from, and a level whose price (and size) is the same instance as before
 * is copied from the previous text instead of written again. A {@code BigDecimal} never changes, so
 * the same instance always has the same digits at the same precision: the text, the CRC-32 and the
 * refusal of a value with too many decimals are exactly those of {@code KrakenChecksum.of(BookEditor,
 * int, int)} (a value copied was written without refusal before; the others are written, and refused,
 * in the same order). A message mostly changes a few levels, so it writes a few values instead of 40.
 *
 * <p>One instance per book, used by the book's reader thread only (not thread-safe).
 */
public final class KrakenChecksumCache {
  /** The number of levels per side the checksum covers. */
  public static final int LEVELS = 10;

  private final int pricePrecision;
  private final int qtyPrecision;
  private ChecksumText text = new ChecksumText();
  private ChecksumText previous = new ChecksumText();
  private Top asks = new Top();
  private Top bids = new Top();
  private Top nextAsks = new Top();
  private Top nextBids = new Top();
  /** Characters of {@link #previous} still to copy, one run of adjacent copied values. */
  private int runStart;
  private int runLength;

  /**
   * A cache for the instrument's precisions (0 to 18 each).
   *
   * @throws InvalidValueException naming {@code pricePrecision} or {@code qtyPrecision} when out of range
   */
  public KrakenChecksumCache(int pricePrecision, int qtyPrecision) {
    this.pricePrecision = checkPrecision(pricePrecision, "pricePrecision");
    this.qtyPrecision = checkPrecision(qtyPrecision, "qtyPrecision");
  }

  /** The top levels of one side as last written: the values and where their digits are in the text. */
  private static final class Top {
    final BigDecimal[] prices = new BigDecimal[LEVELS];
    final BigDecimal[] sizes = new BigDecimal[LEVELS];
    /** Start of the price's digits; the size's start after them; the end of the size's digits. */
    final int[] priceAt = new int[LEVELS];
    final int[] sizeAt = new int[LEVELS];
    final int[] end = new int[LEVELS];
    int count;
  }

  /**
   * The checksum of the book being edited.
   *
   * @throws InvalidValueException when a value has more decimals than its precision allows, naming
   *     it as {@code asks[i].price}, {@code bids[i].qty}...
   */
  public long of(BookEditor book) {
    text.reset();
    runLength = 0;
    side(book, BookSide.ASK, "asks", asks, nextAsks);
    side(book, BookSide.BID, "bids", bids, nextBids);
    flush();
    long crc = text.crc32();
    ChecksumText t = text;
    text = previous;
    previous = t;
    Top a = asks;
    asks = nextAsks;
    nextAsks = a;
    Top b = bids;
    bids = nextBids;
    nextBids = b;
    return crc;
  }

  private void side(BookEditor book, BookSide side, String name, Top before, Top out) {
    int n = Math.min(LEVELS, book.depth(side));
    out.count = 0; // left consistent should a value be refused below
    for (int i = 0; i < n; i++) {
      BigDecimal price = book.price(side, i);
      BigDecimal size = book.size(side, i);
      int j = find(before, price);
      out.prices[i] = price;
      out.sizes[i] = size;
      if (j >= 0) {
        out.priceAt[i] = text.length() + runLength;
        copy(before.priceAt[j], before.sizeAt[j] - before.priceAt[j]);
        if (before.sizes[j] == size) {
          out.sizeAt[i] = text.length() + runLength;
          copy(before.sizeAt[j], before.end[j] - before.sizeAt[j]);
        } else {
          flush();
          out.sizeAt[i] = text.length();
          digits(text, size, qtyPrecision, name, i, "qty");
        }
      } else {
        flush();
        out.priceAt[i] = text.length();
        digits(text, price, pricePrecision, name, i, "price");
        out.sizeAt[i] = text.length();
        digits(text, size, qtyPrecision, name, i, "qty");
      }
      out.end[i] = text.length() + runLength;
    }
    out.count = n;
  }

  /** The index of {@code price} (this very instance) among the levels written before, or -1. */
  private static int find(Top before, BigDecimal price) {
    BigDecimal[] prices = before.prices;
    for (int k = 0, n = before.count; k < n; k++) {
      if (prices[k] == price) {
        return k;
      }
    }
    return -1;
  }

  /** Copies {@code [start, start + length)} of the previous text, joined to the pending run when adjacent. */
  private void copy(int start, int length) {
    if (runLength > 0 && runStart + runLength == start) {
      runLength += length;
      return;
    }
    flush();
    runStart = start;
    runLength = length;
  }

  private void flush() {
    if (runLength > 0) {
      text.copy(previous, runStart, runLength);
      runLength = 0;
    }
  }

  /**
   * Appends {@code value}'s Kraken digits at {@code precision}, or refuses a value with more decimals
   * than that as {@code side[i].field}.
   */
  public static void digits(ChecksumText text, BigDecimal value, int precision, String side, int i, String field) {
    try {
      text.krakenDigits(value, precision);
    } catch (ArithmeticException e) {
      throw new InvalidValueException(
          side + "[" + i + "]." + field,
          value.toPlainString() + " has more than the instrument's " + precision + " decimals");
    }
  }

  /** {@code precision} when it is 0 to 18; else an {@link InvalidValueException} naming {@code field}. */
  public static int checkPrecision(int precision, String field) {
    if (precision < 0 || precision > 18) {
      throw new InvalidValueException(field, "must be 0 to 18, was " + precision);
    }
    return precision;
  }
}
