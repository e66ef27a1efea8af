/**
 * Insightease's wire format in the sandbox ({@link io.tickguard.testkit.insightease.InsighteaseRoutes}):
 * {@code /forex/list}, {@code /forex/latest}, {@code /forex/history} and {@code /forex/candle}
 * answering the {@code {status, code, msg, response, info}} envelope, with the {@code api_key}
 * query parameter required and the monthly credit quota enforced.
 */
package io.tickguard.testkit.insightease;
