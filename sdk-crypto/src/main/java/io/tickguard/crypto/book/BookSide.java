package io.tickguard.crypto.book;

/** A side of an order book: the resting buy orders (bids) or the resting sell orders (asks). */
public enum BookSide {
  /** Buy orders, best (highest) price first. */
  BID,
  /** Sell orders, best (lowest) price first. */
  ASK
}
