/**
 * The unified forex market-data model ({@link io.tickguard.forex.Quote}, {@link
 * io.tickguard.forex.FxCandle}, {@link io.tickguard.forex.FxInstrument}, {@link
 * io.tickguard.forex.Conversion}, ...) and the {@link io.tickguard.forex.ForexMarketData} interface
 * every forex provider client implements. Every value is immutable, non-null and valid by
 * construction; prices are {@link java.math.BigDecimal}s with exactly the digits the provider sent.
 */
package io.tickguard.forex;
