/**
 * The deterministic market simulator behind every sandbox route: seeded random walks that yield
 * consistent tickers, books, trades and candles with {@code BigDecimal} prices.
 */
package io.tickguard.testkit.market;
