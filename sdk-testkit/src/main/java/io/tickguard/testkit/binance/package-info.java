/**
 * Binance spot's REST wire format for the sandbox ({@link io.tickguard.testkit.binance.BinanceRoutes}),
 * written from Binance's published API documentation, independently of any client's DTOs.
 */
package io.tickguard.testkit.binance;
