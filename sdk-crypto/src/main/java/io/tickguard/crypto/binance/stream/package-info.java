/**
 * Binance spot WebSocket market streams: {@link io.tickguard.crypto.binance.stream.BinanceMarketStream}
 * opens them; the connection's subscriptions, decoding and local books (by Binance's documented
 * procedure) live in the unexported {@code internal} package.
 */
package io.tickguard.crypto.binance.stream;
