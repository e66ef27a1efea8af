/**
 * Kraken WebSocket v2 market streams: {@link io.tickguard.crypto.kraken.stream.KrakenMarketStream}
 * opens them; the connection's subscriptions, decoding, and books verified with Kraken's CRC32 after
 * every message live in the unexported {@code internal} package.
 */
package io.tickguard.crypto.kraken.stream;
