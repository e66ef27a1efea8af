package io.tickguard.testkit.market;

import java.time.Instant;
import java.util.List;

/**
 * An order-book snapshot: bids strictly descending, asks strictly ascending, best bid below best ask.
 *
 * @param symbol canonical symbol
 * @param bids bid levels, best first
 * @param asks ask levels, best first
 * @param sequence the book's update id (one per simulated second)
 * @param time the simulation time of this snapshot
 */
public record SimOrderBook(String symbol, List<SimLevel> bids, List<SimLevel> asks, long sequence, Instant time) {
  /** Copies the level lists. */
  public SimOrderBook {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }
}
