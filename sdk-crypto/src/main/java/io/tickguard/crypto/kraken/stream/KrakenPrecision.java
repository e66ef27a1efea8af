package io.tickguard.crypto.kraken.stream;

import io.tickguard.market.InvalidValueException;

/**
 * The decimals Kraken writes an instrument's prices and quantities with, which its book checksum
 * needs: the v2 {@code instrument} channel's {@code price_precision} and {@code qty_precision}, the
 * same as REST {@code AssetPairs}' {@code pair_decimals} and {@code lot_decimals}.
 *
 * @param price decimals of prices (0 to 18)
 * @param quantity decimals of quantities (0 to 18)
 */
public record KrakenPrecision(int price, int quantity) {

  /** Validates both. */
  public KrakenPrecision {
    if (price < 0 || price > 18) {
      throw new InvalidValueException("price", "precision must be 0 to 18, was " + price);
    }
    if (quantity < 0 || quantity > 18) {
      throw new InvalidValueException("quantity", "precision must be 0 to 18, was " + quantity);
    }
  }
}
