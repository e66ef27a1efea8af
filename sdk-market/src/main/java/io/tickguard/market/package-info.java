/**
 * The market-data client foundation both domains share: the provider client builder base ({@link
 * io.tickguard.market.MarketDataClientBuilder}), the shared time checks on responses ({@link
 * io.tickguard.market.TimestampValidators}) and the field-naming refusal of model constructors
 * ({@link io.tickguard.market.InvalidValueException}). {@code io.tickguard.crypto} and {@code
 * io.tickguard.forex} build on it; it depends on {@code tickguard-core} only.
 */
package io.tickguard.market;
