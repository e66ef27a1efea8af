/**
 * Insightease wiring both domain clients use: the response envelope (with its error
 * classification) and the {@code api_key} authenticator. Not a public API; may change at any time.
 */
package io.tickguard.market.insightease.internal;
