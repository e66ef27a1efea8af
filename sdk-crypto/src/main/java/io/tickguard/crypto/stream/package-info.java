/**
 * Market-data streams over WebSockets: typed {@link io.tickguard.crypto.stream.MarketEvent}s (trades,
 * tickers, best bid/ask, local order-book changes) from every provider, in the unified model.
 */
package io.tickguard.crypto.stream;
