package io.tickguard.forex;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.validate.Validator;
import io.tickguard.forex.internal.Checks;
import io.tickguard.forex.internal.InvalidValueException;
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
  /** The default allowance for clock skew between the provider and this machine. */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofSeconds(30);

  private final Clock clock;
  private final Duration maxQuoteAge;
  private final Duration futureTolerance;

  private ForexValidators(Clock clock, Duration maxQuoteAge, Duration futureTolerance) {
    this.clock = Checks.present(clock, "clock");
    this.maxQuoteAge = positive(maxQuoteAge, "maxQuoteAge");
    this.futureTolerance = Checks.present(futureTolerance, "futureTolerance");
    if (futureTolerance.isNegative()) {
      throw new InvalidValueException("futureTolerance", "must not be negative");
    }
  }

  private static Duration positive(Duration d, String field) {
    if (Checks.present(d, field).isNegative() || d.isZero()) {
      throw new InvalidValueException(field, "must be positive, was " + d);
    }
    return d;
  }

  /** Validators on {@code clock} with the default maximum age and future tolerance. */
  public static ForexValidators of(Clock clock) {
    return new ForexValidators(clock, DEFAULT_MAX_QUOTE_AGE, DEFAULT_FUTURE_TOLERANCE);
  }

  /** Validators on {@code clock} flagging quotes older than {@code maxQuoteAge} as stale. */
  public static ForexValidators of(Clock clock, Duration maxQuoteAge, Duration futureTolerance) {
    return new ForexValidators(clock, maxQuoteAge, futureTolerance);
  }

  /** The age beyond which a quote is flagged stale. */
  public Duration maxQuoteAge() {
    return maxQuoteAge;
  }

  /** Whether {@code quote} is older than {@link #maxQuoteAge()} now. */
  public boolean isStale(Quote quote) {
    return Checks.present(quote, "quote").ageAt(clock.instant()).compareTo(maxQuoteAge) > 0;
  }

  /** {@code quote} with {@link Quote#stale()} set to whether it is stale now. */
  public Quote flagStale(Quote quote) {
    return quote.withStale(isStale(quote));
  }

  /** Refuses a quote time in the future beyond the tolerance. */
  public Validator<Quote> quote() {
    return q -> notFuture(q.time(), "time");
  }

  /** Refuses quotes with a time in the future beyond the tolerance. */
  public Validator<List<Quote>> quotes() {
    return list -> {
      for (int i = 0; i < list.size(); i++) {
        notFuture(list.get(i).time(), "[" + i + "].time");
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
      for (int i = 0; i < list.size(); i++) {
        FxCandle c = list.get(i);
        String at = "[" + i + "]";
        notFuture(c.time(), at + ".time");
        if (previous != null && !c.time().isAfter(previous)) {
          throw new InvalidResponseException(
              at + ".time", "Candles must be oldest first without repeats; " + c.time() + " follows " + previous);
        }
        if (!c.pair().equals(pair)) {
          throw new InvalidResponseException(at + ".pair", "Asked for " + pair + " candles, got " + c.pair());
        }
        if (c.granularity() != granularity) {
          throw new InvalidResponseException(
              at + ".granularity", "Asked for " + granularity + " candles, got " + c.granularity());
        }
        previous = c.time();
      }
    };
  }

  private void notFuture(Instant time, String field) {
    Instant limit = clock.instant().plus(futureTolerance);
    if (time.isAfter(limit)) {
      throw new InvalidResponseException(
          field, "Timestamp " + time + " is more than " + futureTolerance.toSeconds()
              + " s in the future; check this machine's clock or raise the future tolerance");
    }
  }
}
