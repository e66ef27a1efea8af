package io.tickguard.crypto.book.internal;

import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One side of a book as two parallel arrays kept in best-first order. A change finds its price by
 * binary search and moves at most the tail of the arrays ({@link System#arraycopy}); nothing is ever
 * re-sorted and an update of an existing level allocates nothing. Not thread-safe: the owning
 * {@code LocalOrderBook} guards it.
 */
public final class SortedLevels {
  private final boolean descending;
  private BigDecimal[] prices;
  private BigDecimal[] sizes;
  private int count;

  /** An empty side; {@code descending} for bids (highest first), ascending for asks. */
  public SortedLevels(boolean descending) {
    this.descending = descending;
    this.prices = new BigDecimal[64];
    this.sizes = new BigDecimal[64];
  }

  /** The number of levels. */
  public int size() {
    return count;
  }

  /** The price of level {@code i} (0 is best). */
  public BigDecimal price(int i) {
    return prices[i];
  }

  /** The size of level {@code i} (0 is best). */
  public BigDecimal quantity(int i) {
    return sizes[i];
  }

  /** Removes every level. */
  public void clear() {
    Arrays.fill(prices, 0, count, null);
    Arrays.fill(sizes, 0, count, null);
    count = 0;
  }

  /**
   * Sets the total size at {@code price}: inserts the level, replaces its size, or removes it when
   * {@code size} is zero (removing an absent level is a no-op, as every provider documents).
   */
  public void set(BigDecimal price, BigDecimal size) {
    int i = find(price);
    if (size.signum() == 0) {
      if (i >= 0) {
        removeAt(i);
      }
      return;
    }
    if (i >= 0) {
      sizes[i] = size;
      return;
    }
    insertAt(-i - 1, price, size);
  }

  /** Keeps the best {@code depth} levels and drops the rest. */
  public void truncate(int depth) {
    if (depth < count) {
      Arrays.fill(prices, depth, count, null);
      Arrays.fill(sizes, depth, count, null);
      count = depth;
    }
  }

  /** The best {@code depth} levels (all when {@code depth} exceeds the count) as model values. */
  public List<PriceLevel> top(int depth) {
    int n = Math.min(depth, count);
    List<PriceLevel> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new PriceLevel(prices[i], sizes[i]));
    }
    return out;
  }

  /** Index of {@code price}, or {@code -(insertion point) - 1} when absent. */
  private int find(BigDecimal price) {
    int lo = 0;
    int hi = count - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = prices[mid].compareTo(price);
      if (descending) {
        cmp = -cmp;
      }
      if (cmp < 0) {
        lo = mid + 1;
      } else if (cmp > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private void removeAt(int i) {
    int tail = count - i - 1;
    if (tail > 0) {
      System.arraycopy(prices, i + 1, prices, i, tail);
      System.arraycopy(sizes, i + 1, sizes, i, tail);
    }
    count--;
    prices[count] = null;
    sizes[count] = null;
  }

  private void insertAt(int i, BigDecimal price, BigDecimal size) {
    if (count == prices.length) {
      prices = Arrays.copyOf(prices, count * 2);
      sizes = Arrays.copyOf(sizes, count * 2);
    }
    int tail = count - i;
    if (tail > 0) {
      System.arraycopy(prices, i, prices, i + 1, tail);
      System.arraycopy(sizes, i, sizes, i + 1, tail);
    }
    prices[i] = price;
    sizes[i] = size;
    count++;
  }
}
