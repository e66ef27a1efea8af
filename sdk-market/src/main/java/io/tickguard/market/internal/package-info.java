/**
 * Implementation detail shared by the market-data modules (crypto, forex) and their provider
 * packages: client core, provider clock, JSON stream decoding, decimals and argument checks. Not a
 * public API; may change at any time.
 */
package io.tickguard.market.internal;
