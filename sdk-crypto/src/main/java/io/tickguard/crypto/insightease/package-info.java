/**
 * Insightease crypto prices: {@link io.tickguard.crypto.insightease.InsighteaseClient}. Insightease
 * is a data vendor, not an exchange: it has listings, latest prices and candle history, but no order
 * book, public trades or account. Its key travels as the {@code api_key} query parameter and its
 * answers come in a {@code {status, code, msg, response, info}} envelope where {@code status:false}
 * inside HTTP 200 is an error.
 *
 * <p><b>Unverified:</b> the endpoint paths and field names here were written without access to the
 * vendor's published samples (see {@code fixtures/README.md}); check them against
 * insightease.com/docs before relying on this client.
 */
package io.tickguard.crypto.insightease;
