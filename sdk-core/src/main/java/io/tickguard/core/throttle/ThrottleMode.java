package io.tickguard.core.throttle;

import java.time.Duration;

/**
 * How a throttle hands out a window's budget: {@link InProcessThrottle} in one JVM, and
 * tickguard-redis's {@code RedisThrottle} for a fleet (there the paced slots are kept in Redis, so
 * the spacing holds across every process sharing the budget).
 *
 * <p>See {@code docs/design/throttle-pacing.md} for which mode each provider preset uses and why.
 */
public enum ThrottleMode {
  /**
   * A window's whole budget may be spent at once; then calls wait (up to {@code maxWait}) or fail
   * until the window turns. Good for short windows and for bursty use of long budgets.
   */
  BURST,
  /**
   * Each paced window's budget is spread evenly over the window: permits are granted no faster than
   * {@code limit / interval}, callers queue for their turn (FIFO, at most {@code maxWaiters}, each for
   * at most {@code maxWait}). A bot polling at full speed then gets a steady stream of answers
   * instead of one burst and a minute of refusals. Only fixed windows longer than {@link
   * #PACING_MIN} and at most {@link #PACING_MAX} are paced: per-second windows gain nothing from it,
   * and a daily or monthly budget spread evenly would make single calls wait for minutes.
   */
  PACED;

  /** Windows this short or shorter are never paced. */
  public static final Duration PACING_MIN = Duration.ofSeconds(1);
  /** Windows longer than this are never paced. */
  public static final Duration PACING_MAX = Duration.ofMinutes(5);

  /** Pacing is the default only when a permit's turn comes at least this often. */
  public static final Duration DEFAULT_PACING_MAX_SPACING = Duration.ofMillis(100);

  /**
   * The mode a preset gets when none is chosen: {@link #PACED} when it has a fixed window that
   * pacing applies to and whose permits are at most {@link #DEFAULT_PACING_MAX_SPACING} apart (a
   * large per-minute budget such as Binance's 6,000 weight), {@link #BURST} otherwise. A small budget
   * (Saxo's 120 a minute: one permit per 500 ms) stays in burst mode: paced, a few concurrent callers
   * would queue beyond the default {@code maxWait} of 2 s and be refused.
   */
  public static ThrottleMode defaultFor(LimitPreset preset) {
    return preset.limits().stream().anyMatch(l -> paces(l)
        && l.interval().toMillis() <= DEFAULT_PACING_MAX_SPACING.toMillis() * l.limit()) ? PACED : BURST;
  }

  /** Whether {@link #PACED} spreads {@code limit}'s budget. */
  public static boolean paces(RateLimit limit) {
    return limit.kind() == RateLimit.Kind.FIXED_WINDOW
        && limit.interval().compareTo(PACING_MIN) > 0
        && limit.interval().compareTo(PACING_MAX) <= 0;
  }
}
