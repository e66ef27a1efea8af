/**
 * Typed forex market-data clients (OANDA v20, Insightease) and their unified model: currencies,
 * pairs, quotes, candles, instruments, conversions and quote streams.
 *
 * <p>Only the model and the provider client packages are exported; wire decoders and endpoint
 * tables live in {@code ...internal} packages that are not.
 */
module io.tickguard.forex {
  requires transitive io.tickguard.market;

  exports io.tickguard.forex;
  exports io.tickguard.forex.insightease;
  exports io.tickguard.forex.oanda;
  exports io.tickguard.forex.saxo;
}
