package io.tickguard.forex;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One hop of a conversion: a pair's price and the direction it was used in.
 *
 * @param pair the pair as the provider quotes it
 * @param price the price used, as quoted (units of {@code pair.quote()} per {@code pair.base()})
 * @param inverted whether the hop runs from quote to base (the amount is divided by the price)
 * @param time when the price was quoted
 */
public record ConversionLeg(CurrencyPair pair, BigDecimal price, boolean inverted, Instant time) {

  /** Validates every field and a positive price. */
  public ConversionLeg {
    Checks.present(pair, "pair");
    Checks.positive(price, "price");
    Checks.present(time, "time");
  }

  /** The hop at {@code quote}'s mid price, in the direction from {@code from}. */
  public static ConversionLeg atMid(Quote quote, Currency from) {
    Checks.present(quote, "quote");
    return new ConversionLeg(quote.pair(), quote.mid(), !quote.pair().base().equals(from), quote.time());
  }

  /** The currency this hop starts from. */
  public Currency from() {
    return inverted ? pair.quote() : pair.base();
  }

  /** The currency this hop ends in. */
  public Currency to() {
    return inverted ? pair.base() : pair.quote();
  }

  /** Pair, price in plain notation, whether it was inverted, and its time. */
  @Override
  public String toString() {
    return ModelText.of("ConversionLeg").add("pair", pair).add("price", price).add("inverted", inverted).add("time", time).toString();
  }
}
