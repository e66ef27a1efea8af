/**
 * Wiring of the Coinbase client: endpoint table, response decoders and error decoding. Not a public
 * API; may change at any time.
 */
package io.tickguard.crypto.coinbase.internal;
