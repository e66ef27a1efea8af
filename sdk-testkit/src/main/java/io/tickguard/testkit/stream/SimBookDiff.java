package io.tickguard.testkit.stream;

import io.tickguard.testkit.market.SimLevel;
import java.util.List;

/**
 * One change of a {@link SimBookFeed}: the update ids it spans (one per level change) and the levels
 * set, a quantity of zero removing the level.
 *
 * @param firstUpdateId the first update id of this change
 * @param lastUpdateId the last update id of this change
 * @param bids the bid levels set, in order
 * @param asks the ask levels set, in order
 */
public record SimBookDiff(long firstUpdateId, long lastUpdateId, List<SimLevel> bids, List<SimLevel> asks) {

  /** Copies the lists. */
  public SimBookDiff {
    bids = List.copyOf(bids);
    asks = List.copyOf(asks);
  }
}
