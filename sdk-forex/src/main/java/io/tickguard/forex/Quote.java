package io.tickguard.forex;

import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * The best bid and ask of a currency pair at one moment, with exactly the digits the provider sent.
 *
 * <p>{@link #status()} says whether the prices were tradeable or only indicative; {@link #stale()}
 * says whether the quote was already older than the client's configured maximum age when it was
 * received (see {@link ForexValidators#flagStale(Quote)}). Neither is ever hidden: a caller that
 * trades must check both.
 *
 * @param pair the pair
 * @param bid the best bid, positive
 * @param ask the best ask, at least the bid
 * @param time when the provider priced it
 * @param status tradeable or indicative
 * @param pipLocation the pair's pip location (the provider's when it publishes one, else {@link
 *     CurrencyPair#conventionalPipLocation()})
 * @param stale whether the quote was older than the allowed maximum age when received
 */
public record Quote(
    CurrencyPair pair, BigDecimal bid, BigDecimal ask, Instant time, QuoteStatus status, int pipLocation,
    boolean stale) {
  private static final BigDecimal TWO = BigDecimal.valueOf(2);

  /** Validates every field, positive prices and {@code bid <= ask}. */
  public Quote {
    Checks.present(pair, "pair");
    Checks.positive(bid, "bid");
    Checks.positive(ask, "ask");
    Checks.ordered(bid, ask, "bid", "ask");
    Checks.present(time, "time");
    Checks.present(status, "status");
    Pips.checkLocation(pipLocation, "pipLocation");
  }

  /** A fresh (not stale) quote with the pair's conventional pip location. */
  public static Quote of(CurrencyPair pair, BigDecimal bid, BigDecimal ask, Instant time, QuoteStatus status) {
    Checks.present(pair, "pair");
    return new Quote(pair, bid, ask, time, status, pair.conventionalPipLocation(), false);
  }

  /** The mid price {@code (bid + ask) / 2}, exact (halving never needs rounding). */
  public BigDecimal mid() {
    return bid.add(ask).divide(TWO);
  }

  /** The spread {@code ask - bid} in price units, exact. */
  public BigDecimal spread() {
    return ask.subtract(bid);
  }

  /** The spread in pips, exact: {@code 1.2} for {@code 1.08650 / 1.08662} on EUR/USD. */
  public BigDecimal spreadPips() {
    return Pips.of(spread(), pipLocation);
  }

  /** Whether the provider would deal at these prices. */
  public boolean isTradeable() {
    return status == QuoteStatus.TRADEABLE;
  }

  /** How old the quote is at {@code now}; negative when {@code time} is ahead of {@code now}. */
  public Duration ageAt(Instant now) {
    return Duration.between(time, Checks.present(now, "now"));
  }

  /** This quote with the stale flag set to {@code isStale}. */
  public Quote withStale(boolean isStale) {
    return isStale == stale ? this : new Quote(pair, bid, ask, time, status, pipLocation, isStale);
  }

  /** Pair, bid and ask as the wire wrote them, time, status, pip location and the stale flag. */
  @Override
  public String toString() {
    return ModelText.of("Quote").add("pair", pair).add("bid", bid).add("ask", ask).add("time", time).add("status", status)
        .add("pipLocation", pipLocation).add("stale", stale).toString();
  }
}
