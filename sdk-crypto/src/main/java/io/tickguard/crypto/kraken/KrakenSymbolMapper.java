package io.tickguard.crypto.kraken;

import io.tickguard.market.InvalidValueException;
import io.tickguard.crypto.Symbol;
import io.tickguard.crypto.SymbolMapper;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kraken calls bitcoin {@code XBT} (and dogecoin {@code XDG}) and spells one pair three ways: the
 * altname {@code XBTUSD} (sent in requests), the wsname {@code XBT/USD}, and the legacy name {@code
 * XXBTZUSD} that keys most results (X prefixes crypto, Z prefixes fiat). All three read back.
 */
public final class KrakenSymbolMapper implements SymbolMapper {
  /** The shared instance. */
  public static final KrakenSymbolMapper INSTANCE = new KrakenSymbolMapper();

  private static final Map<String, String> TO_KRAKEN = Map.of("BTC", "XBT", "DOGE", "XDG");
  private static final Map<String, String> FROM_KRAKEN = Map.of("XBT", "BTC", "XDG", "DOGE");
  private static final List<String> QUOTES =
      List.of("USDT", "USDC", "DAI", "PYUSD", "USD", "EUR", "GBP", "CAD", "JPY", "CHF", "AUD", "XBT", "ETH", "DOT");

  private KrakenSymbolMapper() {}

  @Override
  public String toProvider(Symbol symbol) {
    return kraken(symbol.base()) + kraken(symbol.quote());
  }

  /** The wsname spelling, {@code XBT/USD}. */
  public String toWsName(Symbol symbol) {
    return kraken(symbol.base()) + "/" + kraken(symbol.quote());
  }

  @Override
  public Optional<Symbol> fromProvider(String name) {
    int slash = name.indexOf('/');
    if (slash > 0) {
      return symbol(name.substring(0, slash), name.substring(slash + 1));
    }
    if (name.length() == 8 && isLegacyPrefix(name.charAt(0)) && isLegacyPrefix(name.charAt(4))) {
      return symbol(name.substring(1, 4), name.substring(5));
    }
    for (String quote : QUOTES) {
      if (name.length() > quote.length() && name.endsWith(quote)) {
        return symbol(name.substring(0, name.length() - quote.length()), quote);
      }
    }
    return Optional.empty();
  }

  /** Kraken's asset code for TickGuard's ({@code BTC} becomes {@code XBT}). */
  static String kraken(String asset) {
    return TO_KRAKEN.getOrDefault(asset, asset);
  }

  /**
   * TickGuard's unified asset code for Kraken's: {@code XXBT} and {@code XBT} are {@code BTC},
   * {@code ZUSD} is {@code USD}, {@code XDG} is {@code DOGE}; codes without a legacy form stay as
   * they are ({@code USDT}, {@code ETH2.S}).
   */
  public static String unifiedAsset(String asset) {
    return unified(asset);
  }

  static String unified(String asset) {
    String a = asset;
    if (a.length() == 4 && isLegacyPrefix(a.charAt(0)) && !a.equals("USDT") && !a.equals("USDC")) {
      a = a.substring(1);
    }
    return FROM_KRAKEN.getOrDefault(a, a);
  }

  private static boolean isLegacyPrefix(char c) {
    return c == 'X' || c == 'Z';
  }

  private static Optional<Symbol> symbol(String base, String quote) {
    try {
      return Optional.of(Symbol.of(unified(base), unified(quote)));
    } catch (InvalidValueException e) {
      return Optional.empty();
    }
  }
}
