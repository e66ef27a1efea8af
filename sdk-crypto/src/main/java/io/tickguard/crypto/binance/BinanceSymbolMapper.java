package io.tickguard.crypto.binance;

import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.SymbolMapper;
import java.util.List;
import java.util.Optional;

/**
 * Binance spells pairs as base and quote run together ({@code BTCUSDT}), which cannot always be
 * split back: reading is done against a list of known quote assets, longest first, and anything
 * else is reported as unreadable rather than guessed. Instruments carry base and quote explicitly,
 * so decoders never need this direction.
 */
public final class BinanceSymbolMapper implements SymbolMapper {
  /** The shared instance. */
  public static final BinanceSymbolMapper INSTANCE = new BinanceSymbolMapper();

  private static final List<String> QUOTES =
      List.of("FDUSD", "USDT", "USDC", "TUSD", "BUSD", "BIDR", "BTC", "ETH", "BNB", "EUR", "TRY", "BRL",
          "GBP", "JPY", "AUD", "DAI", "UAH", "ZAR", "PLN", "RON", "ARS", "MXN", "COP", "IDR");

  private BinanceSymbolMapper() {}

  @Override
  public String toProvider(Symbol symbol) {
    return symbol.base() + symbol.quote();
  }

  @Override
  public Optional<Symbol> fromProvider(String providerSymbol) {
    for (String quote : QUOTES) {
      if (providerSymbol.length() > quote.length() && providerSymbol.endsWith(quote)) {
        try {
          return Optional.of(Symbol.of(providerSymbol.substring(0, providerSymbol.length() - quote.length()), quote));
        } catch (InvalidValueException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
