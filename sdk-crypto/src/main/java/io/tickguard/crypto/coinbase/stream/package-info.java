/**
 * Coinbase Advanced Trade WebSocket market streams: {@link
 * io.tickguard.crypto.coinbase.stream.CoinbaseMarketStream} opens them; the connection's
 * subscriptions, decoding, {@code sequence_num} and {@code heartbeat_counter} continuity and level2
 * books live in the unexported {@code internal} package.
 */
package io.tickguard.crypto.coinbase.stream;
