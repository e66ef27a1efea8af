/**
 * SCAFFOLDING: typed market-data models and streaming decoders local to the benchmarks, standing in
 * for sdk-crypto's {@code OrderBook}, {@code Candle} and provider decoders until those are merged to
 * main. They follow the same rules (records validated in their constructor, {@code BigDecimal}
 * prices, {@code Instant} times) so the measured cost is representative; replace them with the real
 * decoders as soon as sdk-crypto lands.
 */
package io.tickguard.benchmarks.decode;
