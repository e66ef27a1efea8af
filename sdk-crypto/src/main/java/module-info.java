/**
 * Typed crypto market-data clients (Binance, Kraken, Coinbase, Insightease) and their unified model.
 *
 * <p>Only the model and the provider client packages are exported; wire decoders, endpoint tables
 * and error decoders live in {@code ...internal} packages that are not.
 */
module io.tickguard.crypto {
  requires transitive io.tickguard.market;

  exports io.tickguard.crypto;
  exports io.tickguard.crypto.binance;
  exports io.tickguard.crypto.binance.stream;
  exports io.tickguard.crypto.book;
  exports io.tickguard.crypto.coinbase;
  exports io.tickguard.crypto.coinbase.stream;
  exports io.tickguard.crypto.insightease;
  exports io.tickguard.crypto.kraken;
  exports io.tickguard.crypto.kraken.stream;
  exports io.tickguard.crypto.stream;
}
