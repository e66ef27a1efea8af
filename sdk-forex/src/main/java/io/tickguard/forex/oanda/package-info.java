/**
 * OANDA v20: {@link io.tickguard.forex.oanda.OandaClient} (pricing, candles, instruments, conversions,
 * account summary and the chunked pricing stream) with a personal access token.
 */
package io.tickguard.forex.oanda;
