/**
 * Binance spot WebSocket market streams: {@link io.tickguard.crypto.binance.stream.BinanceFeed} (one
 * connection's subscriptions, decoding and local books by Binance's documented procedure).
 */
package io.tickguard.crypto.binance.stream;
