/**
 * Kraken spot REST in the sandbox: {@link io.tickguard.testkit.kraken.KrakenRoutes} serves {@code
 * /0/public/*} market data from the market simulator and the signed {@code POST /0/private/Balance},
 * with Kraken's {@code {"error":[...],"result":...}} envelope, {@code API-Sign} verification, per-key
 * nonces and the decaying call counter. Written from Kraken's published docs, independently of
 * sdk-crypto.
 */
package io.tickguard.testkit.kraken;
