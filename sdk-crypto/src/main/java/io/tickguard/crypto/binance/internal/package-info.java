/**
 * Wiring of the Binance client: endpoint table, response decoders and error decoding. Not a public
 * API; may change at any time.
 */
package io.tickguard.crypto.binance.internal;
