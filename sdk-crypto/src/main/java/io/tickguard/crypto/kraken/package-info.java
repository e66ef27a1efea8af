/**
 * Kraken spot market data: {@link io.tickguard.crypto.kraken.KrakenClient}. Kraken reports most
 * errors inside HTTP 200 ({@code {"error":["EQuery:Unknown asset pair"],"result":{}}}), so every
 * decoder here reads {@code error} before trusting {@code result}.
 */
package io.tickguard.crypto.kraken;
