/**
 * Binance spot market data: {@link io.tickguard.crypto.binance.BinanceClient}, its endpoint table,
 * decoders and error mapping. Signed calls ({@code /api/v3/account}) take a pluggable {@link
 * io.tickguard.core.auth.RequestAuthenticator}.
 */
package io.tickguard.crypto.binance;
