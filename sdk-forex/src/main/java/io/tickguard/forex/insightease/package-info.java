/**
 * Insightease forex: {@link io.tickguard.forex.insightease.InsighteaseForexClient} (listing, latest
 * prices, history, converter) with the {@code api_key} and credit quota shared with the crypto client
 * through {@code io.tickguard.market.insightease}.
 */
package io.tickguard.forex.insightease;
