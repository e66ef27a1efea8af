/**
 * Coinbase Advanced Trade market data: {@link io.tickguard.crypto.coinbase.CoinbaseClient}. Market
 * data uses the public {@code /api/v3/brokerage/market/...} routes; accounts need a bearer JWT from a
 * pluggable {@link io.tickguard.core.auth.RequestAuthenticator}.
 */
package io.tickguard.crypto.coinbase;
