package io.tickguard.core.throttle;

import java.time.Duration;
import java.util.Objects;

/**
 * One limit window of a provider, as the provider documents it. Two shapes cover the providers we
 * know:
 *
 * <ul>
 *   <li>{@link #fixedWindow fixed windows} aligned to the epoch (Binance: "a 1 MINUTE interval starts
 *       every minute"; a request at 00:01:23.456 counts towards the 00:01:00 minute), which also
 *       model plain per-second limits (Coinbase);
 *   <li>{@link #decayingCounter decaying counters} (Kraken's call counter that drops by a tier rate
 *       per second and must stay under a tier maximum), which is the same thing as a lazily filled
 *       token bucket with burst {@code max} and refill {@code decayPerSecond} (Coinbase Exchange).
 * </ul>
 *
 * <p>A limit belongs to a <em>group</em>, the name endpoints list in {@code Endpoint.limits()}
 * ({@code REQUEST_WEIGHT}, {@code ORDERS}); one group may have several windows (Binance ORDERS: per
 * 10 s and per day). A limit either charges the request's weight or counts requests, and may apply
 * to every request whatever its endpoint lists (Binance RAW_REQUESTS).
 */
public final class RateLimit {

  /** The two shapes of limit. */
  public enum Kind {
    /** A budget per epoch-aligned interval that resets at each interval start. */
    FIXED_WINDOW,
    /** A counter that rises by each charge and decays continuously; must stay under a maximum. */
    DECAYING_COUNTER
  }

  private final String group;
  private final Kind kind;
  private final long limit;
  private final Duration interval;
  private final double decayPerSecond;
  private final boolean chargesWeight;
  private final boolean everyRequest;

  private RateLimit(
      String group, Kind kind, long limit, Duration interval, double decayPerSecond,
      boolean chargesWeight, boolean everyRequest) {
    this.group = group;
    this.kind = kind;
    this.limit = limit;
    this.interval = interval;
    this.decayPerSecond = decayPerSecond;
    this.chargesWeight = chargesWeight;
    this.everyRequest = everyRequest;
  }

  /**
   * {@code permits} per {@code interval}, windows aligned to the epoch of the throttle's clock (so a
   * 1-minute window starts at each wall-clock minute, as Binance counts).
   */
  public static RateLimit fixedWindow(String group, long permits, Duration interval) {
    requireGroup(group);
    if (permits < 1) {
      throw new IllegalArgumentException("permits of " + group + " must be >= 1");
    }
    Objects.requireNonNull(interval, "interval");
    if (interval.toMillis() < 1) {
      throw new IllegalArgumentException("interval of " + group + " must be at least 1 ms");
    }
    return new RateLimit(group, Kind.FIXED_WINDOW, permits, interval, 0, true, false);
  }

  /**
   * A counter that must stay at or under {@code max} and decays by {@code decayPerSecond} each
   * second (Kraken: Starter tier max 15, decay 0.33/s).
   */
  public static RateLimit decayingCounter(String group, long max, double decayPerSecond) {
    requireGroup(group);
    if (max < 1) {
      throw new IllegalArgumentException("max of " + group + " must be >= 1");
    }
    if (!(decayPerSecond > 0) || Double.isInfinite(decayPerSecond)) {
      throw new IllegalArgumentException("decayPerSecond of " + group + " must be positive and finite");
    }
    return new RateLimit(group, Kind.DECAYING_COUNTER, max, null, decayPerSecond, true, false);
  }

  /** This limit counting each request as 1 instead of charging its weight (Binance ORDERS, RAW_REQUESTS). */
  public RateLimit countingRequests() {
    return new RateLimit(group, kind, limit, interval, decayPerSecond, false, everyRequest);
  }

  /** This limit applying to every request, whatever limit groups its endpoint lists. */
  public RateLimit forEveryRequest() {
    return new RateLimit(group, kind, limit, interval, decayPerSecond, chargesWeight, true);
  }

  /** The group endpoints name in {@code Endpoint.limits()}. */
  public String group() {
    return group;
  }

  /** The window's identifier, used in exceptions and header mappings: {@code REQUEST_WEIGHT/1m}. */
  public String id() {
    return group + "/" + (kind == Kind.FIXED_WINDOW ? label(interval) : "counter");
  }

  /** The shape of this limit. */
  public Kind kind() {
    return kind;
  }

  /** Permits per window, or the counter's maximum. */
  public long limit() {
    return limit;
  }

  /** The window length of a fixed window; {@link Duration#ZERO} for a decaying counter. */
  public Duration interval() {
    return interval == null ? Duration.ZERO : interval;
  }

  /** The counter's decay per second; 0 for a fixed window. */
  public double decayPerSecond() {
    return decayPerSecond;
  }

  /** {@code true} when a request is charged its weight, {@code false} when it counts as one. */
  public boolean chargesWeight() {
    return chargesWeight;
  }

  /** {@code true} when every request counts against this limit. */
  public boolean appliesToEveryRequest() {
    return everyRequest;
  }

  /** The cost of a request of {@code weight} against this limit. */
  public long cost(int weight) {
    return chargesWeight ? weight : 1;
  }

  @Override
  public String toString() {
    return kind == Kind.FIXED_WINDOW
        ? id() + "(" + limit + " per " + label(interval) + ")"
        : id() + "(max " + limit + ", -" + decayPerSecond + "/s)";
  }

  private static void requireGroup(String group) {
    Objects.requireNonNull(group, "group");
    if (!group.matches("[A-Za-z0-9_.:-]{1,64}")) {
      throw new IllegalArgumentException("group must be 1-64 of [A-Za-z0-9_.:-]: '" + group + "'");
    }
  }

  private static String label(Duration d) {
    long ms = d.toMillis();
    if (ms % 86_400_000 == 0) {
      return ms / 86_400_000 + "d";
    }
    if (ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
