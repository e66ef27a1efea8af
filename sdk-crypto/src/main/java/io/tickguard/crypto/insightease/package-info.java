/**
 * Insightease crypto prices: {@link io.tickguard.crypto.insightease.InsighteaseClient}. Insightease
 * is a data vendor, not an exchange: it has listings, latest prices and candle history, but no order
 * book, public trades or account. Crypto pairs come through its {@code /forex} endpoints with {@code
 * type=crypto} listings. Its key travels as the {@code api_key} query parameter and its answers come
 * in a {@code {status, code, msg, response, info}} envelope where {@code status:false} inside HTTP
 * 200 is an error.
 *
 * <p><b>Partly verified:</b> the base URL, paths, parameters and latest-price fields follow the
 * vendor's own client libraries (github.com/insighteaseapi) and the credit rules its documentation
 * page (insightease.com/docs/forex-api); no published response sample, history format or error-code
 * table could be retrieved, so those parts follow hand-made samples (see {@code fixtures/README.md}).
 */
package io.tickguard.crypto.insightease;
