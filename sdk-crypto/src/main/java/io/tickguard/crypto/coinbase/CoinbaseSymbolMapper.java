package io.tickguard.crypto.coinbase;

import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.SymbolMapper;
import java.util.Optional;

/** Coinbase product ids are {@code BASE-QUOTE}, such as {@code BTC-USD}: the mapping is exact both ways. */
public final class CoinbaseSymbolMapper implements SymbolMapper {
  /** The shared instance. */
  public static final CoinbaseSymbolMapper INSTANCE = new CoinbaseSymbolMapper();

  private CoinbaseSymbolMapper() {}

  @Override
  public String toProvider(Symbol symbol) {
    return symbol.base() + "-" + symbol.quote();
  }

  @Override
  public Optional<Symbol> fromProvider(String productId) {
    int dash = productId.indexOf('-');
    if (dash <= 0 || dash != productId.lastIndexOf('-')) {
      return Optional.empty();
    }
    try {
      return Optional.of(Symbol.of(productId.substring(0, dash), productId.substring(dash + 1)));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }
}
