package io.tickguard.crypto;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.validate.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.tickguard.market.TimestampValidators;
import java.util.Objects;

/**
 * The response checks that need context a model constructor does not have: the clock (no timestamp
 * far in the future) and the order of lists (candles and trades oldest first). The rules that need
 * no context ({@code bid <= ask}, a sorted uncrossed book, positive sizes, {@code low <= open <=
 * high}) are enforced by the models' constructors, so no invalid instance exists to check.
 *
 * <p>The time rules themselves (future tolerance, a plausible server time) are the shared {@link
 * TimestampValidators} of the market module, which forex uses too; this class adds the crypto ones.
 *
 * <p>Each violation throws an {@link InvalidResponseException} naming the field, such as {@code
 * candles[2].openTime}; nothing is ever corrected.
 */
public final class MarketDataValidators {
  /** The default allowance for clock skew between the provider and this machine. */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = TimestampValidators.DEFAULT_FUTURE_TOLERANCE;

  private final TimestampValidators time;

  private MarketDataValidators(TimestampValidators time) {
    this.time = Objects.requireNonNull(time, "time");
  }

  /** Validators that accept timestamps up to {@code futureTolerance} ahead of {@code clock}. */
  public static MarketDataValidators of(Clock clock, Duration futureTolerance) {
    return new MarketDataValidators(TimestampValidators.of(clock, futureTolerance));
  }

  /** The crypto rules on top of the shared time rules (the ones a client's core is bound to). */
  public static MarketDataValidators on(TimestampValidators time) {
    return new MarketDataValidators(time);
  }

  /** Rejects a ticker time in the future. */
  public Validator<Ticker> ticker() {
    return t -> time.notFuture(t.time(), "time");
  }

  /** Rejects tickers with a time in the future. */
  public Validator<List<Ticker>> tickers() {
    return list -> {
      Instant limit = futureLimit();
      for (int i = 0; i < list.size(); i++) {
        Optional<Instant> t = list.get(i).time();
        if (t.isPresent() && t.get().isAfter(limit)) {
          time.notFuture(t, "[" + i + "].time"); // the name is built only for a refusal
        }
      }
    };
  }

  /** Rejects a snapshot time in the future. */
  public Validator<OrderBook> orderBook() {
    return b -> time.notFuture(b.time(), "time");
  }

  /** Rejects trades in the future or out of time order. */
  public Validator<List<Trade>> trades() {
    return list -> {
      Instant previous = Instant.MIN;
      Instant limit = futureLimit();
      for (int i = 0; i < list.size(); i++) {
        Instant t = list.get(i).time();
        if (t.isAfter(limit) || t.isBefore(previous)) { // names are built only for a refusal
          time.notFuture(t, "[" + i + "].time");
          TimestampValidators.notBefore(t, previous, "Trades", "[" + i + "].time");
        }
        previous = t;
      }
    };
  }

  /**
   * Rejects candles opening in the future, out of order, or of another width than asked. Equal open
   * times are accepted because Kraken's documented sample repeats one.
   */
  public Validator<List<Candle>> candles(Interval expected) {
    return list -> {
      Instant previous = Instant.MIN;
      Instant limit = futureLimit();
      for (int i = 0; i < list.size(); i++) {
        Candle c = list.get(i);
        if (c.openTime().isAfter(limit) || c.openTime().isBefore(previous)) { // names only for a refusal
          time.notFuture(c.openTime(), "[" + i + "].openTime");
          TimestampValidators.notBefore(c.openTime(), previous, "Candles", "[" + i + "].openTime");
        }
        if (!c.interval().equals(expected)) {
          throw new InvalidResponseException("[" + i + "].interval", "Asked for " + expected + " candles, got " + c.interval());
        }
        previous = c.openTime();
      }
    };
  }

  /** The latest time accepted now: one clock read per list instead of one per element. */
  private Instant futureLimit() {
    return time.clock().instant().plus(time.futureTolerance());
  }

  /**
   * Rejects a server time more than a day ahead of this machine's clock (see {@link
   * TimestampValidators#serverTime()}).
   */
  public Validator<Instant> serverTime() {
    return time.serverTime();
  }
}
