package io.tickguard.forex.insightease;

import io.tickguard.forex.CurrencyPair;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One pair of Insightease's {@code latest} answer, every field typed from the strings it arrives as:
 * prices exactly as written, the change with its sign ({@code "+0.00234"}), the percentage as a
 * number of percent ({@code "+0.44%"} is {@code 0.44}), the time from Unix seconds.
 *
 * @param pair the pair ({@code s})
 * @param open the period's open ({@code o}), when sent
 * @param high the period's high ({@code h}), when sent
 * @param low the period's low ({@code l}), when sent
 * @param close the last price ({@code c})
 * @param bid the bid ({@code b}; pro plans only)
 * @param ask the ask ({@code a}; pro plans only)
 * @param spread the spread ({@code sp}; pro plans only)
 * @param change the change over the period ({@code ch}), signed
 * @param changePercent the change in percent ({@code cp})
 * @param time when Insightease priced it ({@code t})
 */
public record InsighteaseForexTicker(
    CurrencyPair pair, Optional<BigDecimal> open, Optional<BigDecimal> high, Optional<BigDecimal> low,
    BigDecimal close, Optional<BigDecimal> bid, Optional<BigDecimal> ask, Optional<BigDecimal> spread,
    BigDecimal change, BigDecimal changePercent, Instant time) {

  /** Validates every field: prices positive, {@code bid <= ask} and {@code low <= high} when sent. */
  public InsighteaseForexTicker {
    Checks.present(pair, "s");
    Checks.present(open, "o").ifPresent(v -> Checks.positive(v, "o"));
    Checks.present(high, "h").ifPresent(v -> Checks.positive(v, "h"));
    Checks.present(low, "l").ifPresent(v -> Checks.positive(v, "l"));
    Checks.positive(close, "c");
    Checks.present(bid, "b").ifPresent(v -> Checks.positive(v, "b"));
    Checks.present(ask, "a").ifPresent(v -> Checks.positive(v, "a"));
    Checks.present(spread, "sp").ifPresent(v -> Checks.notNegative(v, "sp"));
    if (bid.isPresent() && ask.isPresent()) {
      Checks.ordered(bid.get(), ask.get(), "b", "a");
    }
    if (low.isPresent() && high.isPresent()) {
      Checks.ordered(low.get(), high.get(), "l", "h");
    }
    Checks.present(change, "ch");
    Checks.present(changePercent, "cp");
    Checks.present(time, "t");
  }

  /** The vendor's values in plain notation; values the plan does not send are left out. */
  @Override
  public String toString() {
    return ModelText.of("InsighteaseForexTicker").add("pair", pair).add("open", open).add("high", high)
        .add("low", low).add("close", close).add("bid", bid).add("ask", ask).add("spread", spread).add("change", change)
        .add("changePercent", changePercent).add("time", time).toString();
  }
}
