package io.tickguard.forex;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.validate.Validator;
import io.tickguard.market.InvalidValueException;
import io.tickguard.market.TimestampValidators;
import io.tickguard.market.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The forex response checks that need context a model constructor does not have: the clock (no
 * timestamp far in the future, stale quotes flagged) and the request (candles oldest first, of the
 * width asked). The context-free rules (positive prices, {@code bid <= ask}, candle OHLC and
 * bid/mid/ask consistency) are enforced by the constructors, so no invalid instance exists.
 *
 * <p>A quote older than {@link #maxQuoteAge()} is not refused: it is returned with {@link
 * Quote#stale()} set, because an old last price (a closed market on a Sunday) is still the truth, just
 * not a tradeable one. A time in the future beyond the tolerance is refused: it is no clock's truth.
 */
public final class ForexValidators {
  /** The default maximum age before a quote is flagged stale. */
  public static final Duration DEFAULT_MAX_QUOTE_AGE = Duration.ofSeconds(30);
  private final TimestampValidators timestamps;
  private final Duration maxQuoteAge;

  private ForexValidators(TimestampValidators timestamps, Duration maxQuoteAge) {
    this.timestamps = Checks.present(timestamps, "timestamps");
    this.maxQuoteAge = positive(maxQuoteAge, "maxQuoteAge");
  }

  private static Duration positive(Duration d, String field) {
    if (Checks.present(d, field).isNegative() || d.isZero()) {
      throw new InvalidValueException(field, "must be positive, was " + d);
    }
    return d;
  }

  /** Validators on {@code clock} with the default maximum age and future tolerance. */
  public static ForexValidators of(Clock clock) {
    return of(clock, DEFAULT_MAX_QUOTE_AGE, TimestampValidators.DEFAULT_FUTURE_TOLERANCE);
  }

  /**
   * Validators on {@code clock} flagging quotes older than {@code maxQuoteAge} as stale and refusing
   * times more than {@code futureTolerance} ahead.
   */
  public static ForexValidators of(Clock clock, Duration maxQuoteAge, Duration futureTolerance) {
    Checks.present(clock, "clock");
    if (Checks.present(futureTolerance, "futureTolerance").isNegative()) {
      throw new InvalidValueException("futureTolerance", "must not be negative, was " + futureTolerance);
    }
    return new ForexValidators(TimestampValidators.of(clock, futureTolerance), maxQuoteAge);
  }

  /** Validators on a client's time checks ({@code ClientCore.timestamps()}), flagging quotes older than {@code maxQuoteAge}. */
  public static ForexValidators of(TimestampValidators timestamps, Duration maxQuoteAge) {
    return new ForexValidators(timestamps, maxQuoteAge);
  }

  /** The age beyond which a quote is flagged stale. */
  public Duration maxQuoteAge() {
    return maxQuoteAge;
  }

  /** Whether {@code quote} is older than {@link #maxQuoteAge()} now. */
  public boolean isStale(Quote quote) {
    return Checks.present(quote, "quote").ageAt(timestamps.clock().instant()).compareTo(maxQuoteAge) > 0;
  }

  /** {@code quote} with {@link Quote#stale()} set to whether it is stale now. */
  public Quote flagStale(Quote quote) {
    return quote.withStale(isStale(quote));
  }

  /** Refuses a quote time in the future beyond the tolerance. */
  public Validator<Quote> quote() {
    return q -> timestamps.notFuture(q.time(), "time");
  }

  /** Refuses quotes with a time in the future beyond the tolerance. */
  public Validator<List<Quote>> quotes() {
    return list -> {
      Instant limit = timestamps.clock().instant().plus(timestamps.futureTolerance());
      for (int i = 0; i < list.size(); i++) {
        if (list.get(i).time().isAfter(limit)) {
          timestamps.notFuture(list.get(i).time(), "[" + i + "].time"); // the name only for a refusal
        }
      }
    };
  }

  /**
   * Refuses candles starting in the future, out of time order, repeated, of another pair or width
   * than asked. (Unlike crypto, no forex provider's documented sample repeats a start time.)
   */
  public Validator<List<FxCandle>> candles(CurrencyPair pair, Granularity granularity) {
    return list -> {
      Instant previous = null;
      Instant limit = timestamps.clock().instant().plus(timestamps.futureTolerance());
      for (int i = 0; i < list.size(); i++) {
        FxCandle c = list.get(i);
        if (c.time().isAfter(limit)) {
          timestamps.notFuture(c.time(), "[" + i + "].time"); // the name only for a refusal
        }
        if (previous != null && !c.time().isAfter(previous)) {
          throw new InvalidResponseException(
              "[" + i + "].time", "Candles must be oldest first without repeats; " + c.time() + " follows " + previous);
        }
        if (!c.pair().equals(pair)) {
          throw new InvalidResponseException("[" + i + "].pair", "Asked for " + pair + " candles, got " + c.pair());
        }
        if (c.granularity() != granularity) {
          throw new InvalidResponseException(
              "[" + i + "].granularity", "Asked for " + granularity + " candles, got " + c.granularity());
        }
        previous = c.time();
      }
    };
  }
}
