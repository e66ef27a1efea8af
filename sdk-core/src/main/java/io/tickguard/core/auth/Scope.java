package io.tickguard.core.auth;

/**
 * What a set of credentials may do. Every endpoint declares the one scope it needs and the Guard
 * stage refuses, before any I/O, a call whose credentials lack it: a leaked read-only key cannot
 * trade or withdraw through TickGuard, whatever the provider would allow.
 */
public enum Scope {
  /** Public market data: tickers, books, trades, candles, instruments, server time. */
  MARKET_DATA,
  /** Read the account: balances, open orders, fills. */
  ACCOUNT_READ,
  /** Place and cancel orders. */
  TRADE,
  /** Move funds out of the account. */
  WITHDRAW
}
