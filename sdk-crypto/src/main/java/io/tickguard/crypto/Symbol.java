package io.tickguard.crypto;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A trading pair in TickGuard's own spelling: upper-case base and quote asset codes such as
 * {@code BTC}/{@code USDT}. Providers spell pairs differently ({@code BTCUSDT}, {@code XBT/USD},
 * {@code XXBTZUSD}, {@code BTC-USD}); each provider's {@link SymbolMapper} translates.
 *
 * @param base the asset bought or sold, such as {@code BTC}
 * @param quote the asset prices are expressed in, such as {@code USDT}
 */
public record Symbol(String base, String quote) {
  private static final Pattern ASSET = Pattern.compile("[A-Z0-9]{1,20}");
  private static final Pattern ASSET_ANY_CASE = Pattern.compile("[A-Za-z0-9]{1,20}");

  /** Validates both codes: 1-20 upper-case letters or digits. */
  public Symbol {
    checkAsset(base, "base");
    checkAsset(quote, "quote");
    if (base.equals(quote)) {
      throw new InvalidValueException("quote", "must differ from base " + base);
    }
  }

  /**
   * The pair {@code base}/{@code quote}; lower-case ASCII codes are upper-cased. The codes are
   * checked as given, before any case mapping: {@code "ıbtc"} (dotless i) or {@code "ﬁ"} would
   * otherwise be rewritten to ASCII letters and name an asset the caller never typed.
   */
  public static Symbol of(String base, String quote) {
    return new Symbol(upper(base, "base"), upper(quote, "quote"));
  }

  /** Parses {@code BTC/USDT} (TickGuard's own spelling, as {@link #toString()} prints it). */
  public static Symbol parse(String text) {
    int slash = Checks.text(text, "symbol").indexOf('/');
    if (slash <= 0 || slash != text.lastIndexOf('/')) {
      throw new InvalidValueException("symbol", "expected BASE/QUOTE such as BTC/USDT");
    }
    return of(text.substring(0, slash), text.substring(slash + 1));
  }

  private static String upper(String code, String field) {
    if (!ASSET_ANY_CASE.matcher(Checks.present(code, field)).matches()) {
      throw new InvalidValueException(field, "must be 1-20 ASCII letters or digits");
    }
    return code.toUpperCase(Locale.ROOT);
  }

  private static void checkAsset(String code, String field) {
    if (!ASSET.matcher(Checks.present(code, field)).matches()) {
      throw new InvalidValueException(field, "must be 1-20 upper-case letters or digits");
    }
  }

  /** {@code BASE/QUOTE}. */
  @Override
  public String toString() {
    return base + "/" + quote;
  }
}
