/**
 * Coinbase Advanced Trade WebSocket market streams: {@link
 * io.tickguard.crypto.coinbase.stream.CoinbaseFeed} (one connection's subscriptions, decoding,
 * {@code sequence_num} and {@code heartbeat_counter} continuity, level2 books).
 */
package io.tickguard.crypto.coinbase.stream;
