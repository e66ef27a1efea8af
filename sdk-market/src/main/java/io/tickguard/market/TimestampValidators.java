package io.tickguard.market;

import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.validate.Validator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The response checks on time that every market-data domain shares: no timestamp further in the
 * future than the tolerance allows, and a server time that can be a clock at all. The domain modules
 * (crypto books and tickers, forex quotes) build their own validators on top of these, so that the
 * rule and its message are the same whichever provider answered.
 *
 * <p>Each violation throws an {@link InvalidResponseException} naming the field; nothing is ever
 * corrected.
 */
public final class TimestampValidators {
  /** The default allowance for clock skew between the provider and this machine. */
  public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofSeconds(30);

  /** How far a provider's clock may be from this machine's before its answer is not a clock. */
  private static final Duration SERVER_TIME_PLAUSIBLE = Duration.ofDays(1);

  private final Clock clock;
  private final Duration futureTolerance;

  private TimestampValidators(Clock clock, Duration futureTolerance) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.futureTolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
    if (futureTolerance.isNegative()) {
      throw new io.tickguard.core.InvalidRequestException("futureTolerance", "futureTolerance must not be negative");
    }
  }

  /** Validators that accept timestamps up to {@code futureTolerance} ahead of {@code clock}. */
  public static TimestampValidators of(Clock clock, Duration futureTolerance) {
    return new TimestampValidators(clock, futureTolerance);
  }

  /** The clock timestamps are compared with. */
  public Clock clock() {
    return clock;
  }

  /** How far ahead of {@link #clock()} a timestamp may be. */
  public Duration futureTolerance() {
    return futureTolerance;
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

  /**
   * Fails with an {@link InvalidResponseException} on {@code field} when {@code time} is present and
   * more than the future tolerance ahead of the clock.
   */
  public void notFuture(Optional<Instant> time, String field) {
    if (time.isPresent()) {
      notFuture(time.get(), field);
    }
  }

  /** Fails when {@code time} is more than the future tolerance ahead of the clock. */
  public void notFuture(Instant time, String field) {
    Instant limit = clock.instant().plus(futureTolerance);
    if (time.isAfter(limit)) {
      throw new InvalidResponseException(
          field, "Timestamp " + time + " is more than " + futureTolerance.toSeconds()
              + " s in the future; check this machine's clock or raise the future tolerance");
    }
  }

  /**
   * Fails when {@code time} is before {@code previous}: lists of {@code what} (trades, candles,
   * quotes) must come oldest first.
   */
  public static void notBefore(Instant time, Instant previous, String what, String field) {
    if (time.isBefore(previous)) {
      throw new InvalidResponseException(field, what + " must be oldest first; " + time + " follows " + previous);
    }
  }
}
