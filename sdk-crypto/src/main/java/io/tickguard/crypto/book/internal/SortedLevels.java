package io.tickguard.crypto.book.internal;

import io.tickguard.crypto.PriceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One side of a book as two parallel arrays kept sorted worst-first: the best level is the last
 * element, so the changes a stream mostly carries (near the top of the book) move only the few
 * levels above them. A change finds its price by binary search and moves at most the levels between
 * it and the top ({@link System#arraycopy}); nothing is ever re-sorted and an update of an existing
 * level allocates nothing. Indexes in this class's API count from the best level (0 is best). Not
 * thread-safe: the owning {@code LocalOrderBook} guards it.
 */
public final class SortedLevels {
  private final boolean descending;
  /** Stored worst-first: {@code prices[count - 1]} is the best price. */
  private BigDecimal[] prices;
  private BigDecimal[] sizes;
  private int count;

  /** An empty side; {@code descending} for bids (highest is best), ascending for asks. */
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
    return prices[slot(i)];
  }

  /** The size of level {@code i} (0 is best). */
  public BigDecimal quantity(int i) {
    return sizes[slot(i)];
  }

  /** The array slot of level {@code i} (0 is best), refusing indexes past the levels held. */
  private int slot(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("level " + i + " of " + count);
    }
    return count - 1 - i;
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
      int drop = count - depth;
      System.arraycopy(prices, drop, prices, 0, depth);
      System.arraycopy(sizes, drop, sizes, 0, depth);
      Arrays.fill(prices, depth, count, null);
      Arrays.fill(sizes, depth, count, null);
      count = depth;
    }
  }

  /** The best {@code depth} levels (all when {@code depth} exceeds the count) as model values, best first. */
  public List<PriceLevel> top(int depth) {
    int n = Math.min(depth, count);
    List<PriceLevel> out = new ArrayList<>(n);
    for (int s = count - 1; s >= count - n; s--) {
      out.add(new PriceLevel(prices[s], sizes[s]));
    }
    return out;
  }

  /**
   * Slot of {@code price}, or {@code -(insertion slot) - 1} when absent. The search gallops down from
   * the best level (1, 2, 4, 8... levels below it) before the binary search: streams change the top
   * of the book far more than the rest, and the levels near the top are the ones already in the CPU's
   * cache, where a plain binary search would first read cold levels from the middle of the side.
   */
  private int find(BigDecimal price) {
    int lo = 0;
    int hi = count - 1;
    for (int step = 1; hi >= 0; step <<= 1) {
      int probe = count - step;
      if (probe <= 0) {
        break; // the whole side is left to search
      }
      int cmp = worseFirst(prices[probe], price);
      if (cmp == 0) {
        return probe;
      }
      if (cmp < 0) {
        lo = probe + 1; // the price sorts above the probe: it is among the levels tried since
        break;
      }
      hi = probe - 1;
    }
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = worseFirst(prices[mid], price);
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

  /** Negative when {@code stored} is worse than {@code price} (sorts below it), zero when equal. */
  private int worseFirst(BigDecimal stored, BigDecimal price) {
    // Never negate compareTo: swap the operands instead.
    return descending ? stored.compareTo(price) : price.compareTo(stored);
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
