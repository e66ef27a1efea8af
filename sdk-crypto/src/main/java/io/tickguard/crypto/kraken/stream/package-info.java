/**
 * Kraken WebSocket v2 market streams: {@link io.tickguard.crypto.kraken.stream.KrakenFeed} (one
 * connection's subscriptions, decoding, and books verified with Kraken's CRC32 after every message).
 */
package io.tickguard.crypto.kraken.stream;
