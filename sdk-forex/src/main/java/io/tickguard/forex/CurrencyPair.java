package io.tickguard.forex;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.InvalidValueException;

/**
 * A currency pair: the price of one unit of {@link #base()} in {@link #quote()}. {@code EUR/USD
 * 1.0865} means one euro costs 1.0865 US dollars.
 *
 * <p>{@link #parse(String)} reads the three spellings providers use, {@code EUR/USD}, {@code
 * EUR_USD} (OANDA) and {@code EURUSD} (Saxo, Insightease's symbols without the slash); {@link
 * #toString()} writes TickGuard's own, {@code EUR/USD}. Each provider maps to its own spelling.
 *
 * @param base the currency priced
 * @param quote the currency the price is in
 */
public record CurrencyPair(Currency base, Currency quote) {
  private static final int JPY_PIP_LOCATION = -2;
  private static final int STANDARD_PIP_LOCATION = -4;

  /** Validates that both currencies are present and differ. */
  public CurrencyPair {
    Checks.present(base, "base");
    Checks.present(quote, "quote");
    if (base.equals(quote)) {
      throw new InvalidValueException("quote", "must differ from base " + base);
    }
  }

  /** The pair {@code base}/{@code quote} from codes, case-insensitive. */
  public static CurrencyPair of(String base, String quote) {
    return new CurrencyPair(Currency.of(base), Currency.of(quote));
  }

  /**
   * Parses {@code EUR/USD}, {@code EUR_USD} or {@code EURUSD} (case-insensitive, surrounding blanks
   * refused). Anything else, such as {@code EUR-USD}, {@code EURUSDX} or {@code EUR/US}, is an
   * {@link InvalidValueException} on {@code pair}.
   */
  public static CurrencyPair parse(String text) {
    Checks.present(text, "pair");
    String base;
    String quote;
    if (text.length() == 7 && (text.charAt(3) == '/' || text.charAt(3) == '_')) {
      base = text.substring(0, 3);
      quote = text.substring(4);
    } else if (text.length() == 6) {
      base = text.substring(0, 3);
      quote = text.substring(3);
    } else {
      throw new InvalidValueException("pair", "expected EUR/USD, EUR_USD or EURUSD, was '" + text + "'");
    }
    if (!letters(base) || !letters(quote)) {
      throw new InvalidValueException("pair", "expected EUR/USD, EUR_USD or EURUSD, was '" + text + "'");
    }
    return of(base, quote);
  }

  private static boolean letters(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  /** The same two currencies the other way round: {@code USD/EUR} for {@code EUR/USD}. */
  public CurrencyPair inverse() {
    return new CurrencyPair(quote, base);
  }

  /** Whether this pair is made of {@code a} and {@code b}, in either order. */
  public boolean joins(Currency a, Currency b) {
    return (base.equals(a) && quote.equals(b)) || (base.equals(b) && quote.equals(a));
  }

  /**
   * The market convention for the pip when the provider publishes none: the power of ten of one pip,
   * {@code -2} (0.01) when the quote currency is {@code JPY}, else {@code -4} (0.0001). Providers
   * that publish a pip location (OANDA's {@code pipLocation}) are used instead.
   */
  public int conventionalPipLocation() {
    return quote.code().equals("JPY") ? JPY_PIP_LOCATION : STANDARD_PIP_LOCATION;
  }

  /** {@code BASE_QUOTE}, as OANDA spells instruments. */
  public String underscored() {
    return base.code() + "_" + quote.code();
  }

  /** {@code BASEQUOTE}, as Saxo spells FX symbols. */
  public String concatenated() {
    return base.code() + quote.code();
  }

  /** {@code BASE/QUOTE}. */
  @Override
  public String toString() {
    return base.code() + "/" + quote.code();
  }
}
