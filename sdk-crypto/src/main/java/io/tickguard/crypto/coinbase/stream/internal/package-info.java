/**
 * Implementation detail of Coinbase's market streams (one connection's feed: subscriptions, wire
 * decoding, local books); not a public API, may change at any time. Public only so that
 * {@code CoinbaseMarketStream} and the benchmarks reach it; the module descriptor does not export it.
 */
package io.tickguard.crypto.coinbase.stream.internal;
