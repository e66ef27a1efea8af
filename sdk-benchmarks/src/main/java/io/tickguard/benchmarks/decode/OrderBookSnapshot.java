package io.tickguard.benchmarks.decode;

import java.util.List;

/**
 * A validated order book snapshot (scaffolding, see the package note): bids strictly descending,
 * asks strictly ascending, and not crossed.
 *
 * @param lastUpdateId the provider's sequence number of this snapshot
 * @param bids best bid first
 * @param asks best ask first
 */
public record OrderBookSnapshot(long lastUpdateId, List<BookLevel> bids, List<BookLevel> asks) {
  public OrderBookSnapshot {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
    requireSorted(bids, -1, "bids");
    requireSorted(asks, 1, "asks");
    if (!bids.isEmpty() && !asks.isEmpty() && bids.get(0).price().compareTo(asks.get(0).price()) >= 0) {
      throw new IllegalArgumentException("book is crossed: best bid >= best ask");
    }
  }

  private static void requireSorted(List<BookLevel> levels, int direction, String side) {
    for (int i = 1; i < levels.size(); i++) {
      if (levels.get(i).price().compareTo(levels.get(i - 1).price()) != direction) {
        throw new IllegalArgumentException(side + " are not strictly sorted at index " + i);
      }
    }
  }
}
