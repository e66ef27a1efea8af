/**
 * The unified crypto market-data model ({@link io.tickguard.crypto.Ticker}, {@link
 * io.tickguard.crypto.OrderBook}, {@link io.tickguard.crypto.Trade}, {@link io.tickguard.crypto.Candle},
 * ...) and the {@link io.tickguard.crypto.CryptoMarketData} interface every provider client
 * implements. Every value is immutable, non-null and valid by construction.
 */
package io.tickguard.crypto;
