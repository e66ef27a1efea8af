package io.tickguard.forex;

import io.tickguard.market.InvalidValueException;
import io.tickguard.market.internal.Checks;
import io.tickguard.market.internal.ModelText;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * One forex candle with the price components the provider gave: bid, ask and/or mid OHLC (OANDA
 * sends whichever of {@code B}, {@code A}, {@code M} was asked for; other providers send one). No
 * component is ever derived from another.
 *
 * <p>Consistency enforced here: at least one component; each component's OHLC ordering; and where
 * both are present, the bid's open and close at most the ask's (and a mid between them), because they
 * were sampled at the same moments. Highs and lows are not compared across components: the highest
 * bid and the lowest ask happen at different moments.
 *
 * @param pair the pair
 * @param granularity the candle width
 * @param time the start of the candle
 * @param bid the bid OHLC, if given
 * @param ask the ask OHLC, if given
 * @param mid the mid OHLC, if given
 * @param volume the provider's volume (OANDA: the number of price ticks), if given
 * @param complete whether the candle is closed; the newest candle may still be forming
 */
public record FxCandle(
    CurrencyPair pair,
    Granularity granularity,
    Instant time,
    Optional<Ohlc> bid,
    Optional<Ohlc> ask,
    Optional<Ohlc> mid,
    Optional<BigDecimal> volume,
    boolean complete) {

  /** Validates every field and the cross-component consistency described above. */
  public FxCandle {
    Checks.present(pair, "pair");
    Checks.present(granularity, "granularity");
    Checks.present(time, "time");
    Checks.present(bid, "bid");
    Checks.present(ask, "ask");
    Checks.present(mid, "mid");
    Checks.present(volume, "volume").ifPresent(v -> Checks.notNegative(v, "volume"));
    if (bid.isEmpty() && ask.isEmpty() && mid.isEmpty()) {
      throw new InvalidValueException("mid", "a candle needs at least one of bid, ask or mid");
    }
    if (bid.isPresent() && ask.isPresent()) {
      Checks.ordered(bid.get().open(), ask.get().open(), "bid.open", "ask.open");
      Checks.ordered(bid.get().close(), ask.get().close(), "bid.close", "ask.close");
      if (mid.isPresent()) {
        Checks.ordered(bid.get().open(), mid.get().open(), "bid.open", "mid.open");
        Checks.ordered(mid.get().open(), ask.get().open(), "mid.open", "ask.open");
        Checks.ordered(bid.get().close(), mid.get().close(), "bid.close", "mid.close");
        Checks.ordered(mid.get().close(), ask.get().close(), "mid.close", "ask.close");
      }
    }
  }

  /** Pair, granularity, time, the sides sent, volume when sent and the complete flag. */
  @Override
  public String toString() {
    return ModelText.of("FxCandle").add("pair", pair).add("granularity", granularity).add("time", time).add("bid", bid)
        .add("ask", ask).add("mid", mid).add("volume", volume).add("complete", complete).toString();
  }
}
