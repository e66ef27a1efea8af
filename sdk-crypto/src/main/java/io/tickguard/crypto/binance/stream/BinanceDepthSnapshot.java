package io.tickguard.crypto.binance.stream;

import io.tickguard.crypto.PriceLevel;
import io.tickguard.market.internal.Checks;
import java.util.List;

/**
 * A REST depth snapshot ({@code GET /api/v3/depth}) with the update id it was taken at, the base the
 * documented local-book procedure starts from.
 *
 * @param lastUpdateId the update id of the snapshot
 * @param bids the bids, best first
 * @param asks the asks, best first
 */
public record BinanceDepthSnapshot(long lastUpdateId, List<PriceLevel> bids, List<PriceLevel> asks) {

  /** Copies the sides. */
  public BinanceDepthSnapshot {
    bids = List.copyOf(Checks.present(bids, "bids"));
    asks = List.copyOf(Checks.present(asks, "asks"));
  }
}
