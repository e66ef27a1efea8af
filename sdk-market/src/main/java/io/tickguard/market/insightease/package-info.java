/**
 * What Insightease's crypto and forex APIs share: one credit quota ({@link
 * io.tickguard.market.insightease.InsighteaseLimits}) and one key scheme ({@link
 * io.tickguard.market.insightease.InsighteaseKeys}, the {@code api_key} query parameter). The
 * {@code {status, code, msg, response, info}} envelope and the key attachment are wiring, in {@code
 * internal}. The clients themselves live in their domain modules ({@code
 * io.tickguard.crypto.insightease}, {@code io.tickguard.forex.insightease}).
 */
package io.tickguard.market.insightease;
