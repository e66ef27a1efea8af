/**
 * Coinbase Advanced Trade in the sandbox: {@link io.tickguard.testkit.coinbase.CoinbaseRoutes}, the
 * public market routes and the JWT-protected accounts route, written from Coinbase's API reference.
 */
package io.tickguard.testkit.coinbase;
