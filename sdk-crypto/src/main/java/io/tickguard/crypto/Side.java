package io.tickguard.crypto;

/** The taker side of a trade: who crossed the spread. */
public enum Side {
  /** The taker bought (lifted an ask). */
  BUY,
  /** The taker sold (hit a bid). */
  SELL,
  /** The provider did not say, or said something TickGuard does not map. */
  UNKNOWN
}
