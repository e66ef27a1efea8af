/**
 * The market-data client foundation that the crypto and forex modules share: the builder base,
 * the client core, the provider clock, strict streaming JSON decoding and exact decimals, and
 * Insightease's envelope, key and credits (one vendor serving both domains).
 *
 * <p>{@code ...internal} packages are exported only to the TickGuard modules built on them.
 */
// "module": the qualified exports name modules that are built after this one.
@SuppressWarnings("module")
module io.tickguard.market {
  requires transitive io.tickguard.core;

  exports io.tickguard.market;
  exports io.tickguard.market.insightease;
  exports io.tickguard.market.internal to io.tickguard.crypto, io.tickguard.forex;
  exports io.tickguard.market.insightease.internal to io.tickguard.crypto, io.tickguard.forex;
}
