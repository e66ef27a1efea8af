package io.tickguard.crypto;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.validate.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The response checks that need context a model constructor does not have: the clock (no timestamp
 * far in the future) and the order of lists (candles and trades oldest first). The rules that need
 * no context ({@code bid <= ask}, a sorted uncrossed book, positive sizes, {@code low <= open <=
 * high}) are enforced by the models' constructors, so no invalid instance exists to check.
 *
 * <p>Each violation throws an {@link InvalidResponseException} naming the field, such as {@code
 * candles[2].openTime}; nothing is ever corrected.
 */
public final class MarketDataValidators {
  /** The default allowance for clock skew between the provider and this machine. */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofSeconds(30);

  /** How far a provider's clock may be from this machine's before its answer is not a clock. */
  private static final Duration SERVER_TIME_PLAUSIBLE = Duration.ofDays(1);

  private final Clock clock;
  private final Duration futureTolerance;

  private MarketDataValidators(Clock clock, Duration futureTolerance) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.futureTolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
    if (futureTolerance.isNegative()) {
      throw new IllegalArgumentException("futureTolerance must not be negative");
    }
  }

  /** Validators that accept timestamps up to {@code futureTolerance} ahead of {@code clock}. */
  public static MarketDataValidators of(Clock clock, Duration futureTolerance) {
    return new MarketDataValidators(clock, futureTolerance);
  }

  /** Rejects a ticker time in the future. */
  public Validator<Ticker> ticker() {
    return t -> notFuture(t.time(), "time");
  }

  /** Rejects tickers with a time in the future. */
  public Validator<List<Ticker>> tickers() {
    return list -> {
      for (int i = 0; i < list.size(); i++) {
        notFuture(list.get(i).time(), "[" + i + "].time");
      }
    };
  }

  /** Rejects a snapshot time in the future. */
  public Validator<OrderBook> orderBook() {
    return b -> notFuture(b.time(), "time");
  }

  /** Rejects trades in the future or out of time order. */
  public Validator<List<Trade>> trades() {
    return list -> {
      Instant previous = Instant.MIN;
      for (int i = 0; i < list.size(); i++) {
        Instant t = list.get(i).time();
        notFuture(Optional.of(t), "[" + i + "].time");
        if (t.isBefore(previous)) {
          throw new InvalidResponseException("[" + i + "].time", "Trades must be oldest first; " + t + " follows " + previous);
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
      for (int i = 0; i < list.size(); i++) {
        Candle c = list.get(i);
        notFuture(Optional.of(c.openTime()), "[" + i + "].openTime");
        if (c.openTime().isBefore(previous)) {
          throw new InvalidResponseException(
              "[" + i + "].openTime", "Candles must be oldest first; " + c.openTime() + " follows " + previous);
        }
        if (!c.interval().equals(expected)) {
          throw new InvalidResponseException("[" + i + "].interval", "Asked for " + expected + " candles, got " + c.interval());
        }
        previous = c.openTime();
      }
    };
  }

  /**
   * Rejects a server time more than a day ahead of this machine's clock. The future tolerance does
   * not apply here: a provider clock that is ahead is exactly what a caller of {@code serverTime()}
   * wants to see, so only an answer that cannot be a clock is refused. Past times are reported as
   * they are (a replayed or recorded session answers with its own time).
   */
  public Validator<Instant> serverTime() {
    return t -> {
      Instant now = clock.instant();
      if (t.isAfter(now.plus(SERVER_TIME_PLAUSIBLE))) {
        throw new InvalidResponseException(
            "serverTime", "Server time " + t + " is more than a day ahead of this machine's clock (" + now
                + "); one of the two clocks is wrong");
      }
    };
  }

  private void notFuture(Optional<Instant> time, String field) {
    if (time.isPresent()) {
      Instant limit = clock.instant().plus(futureTolerance);
      if (time.get().isAfter(limit)) {
        throw new InvalidResponseException(
            field, "Timestamp " + time.get() + " is more than " + futureTolerance.toSeconds()
                + " s in the future; check this machine's clock or raise the future tolerance");
      }
    }
  }
}
