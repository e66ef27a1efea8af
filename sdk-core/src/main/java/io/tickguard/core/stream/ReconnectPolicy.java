package io.tickguard.core.stream;

import io.tickguard.core.InvalidRequestException;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When a session reconnects after losing its connection: full-jitter exponential backoff (attempt
 * {@code n} waits a uniformly random time in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}, so many
 * clients dropped at once do not reconnect in step), for at most {@code maxAttempts} consecutive
 * attempts. A connection that opens resets the count. The random source is injectable, so tests
 * know every delay.
 *
 * <pre>{@code
 * ReconnectPolicy policy = ReconnectPolicy.builder()
 *     .maxAttempts(10).baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(30))
 *     .build();
 * }</pre>
 */
public final class ReconnectPolicy {
  private final int maxAttempts;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final RandomGenerator random;

  private ReconnectPolicy(Builder b) {
    this.maxAttempts = b.maxAttempts;
    this.baseDelay = b.baseDelay;
    this.maxDelay = b.maxDelay;
    this.random = b.random;
  }

  /** 10 attempts, 500 ms base, 30 s cap, a random source of the JDK's default algorithm. */
  public static ReconnectPolicy defaults() {
    return builder().build();
  }

  /** Never reconnects: a lost connection ends the session with the loss as its failure. */
  public static ReconnectPolicy none() {
    return builder().maxAttempts(0).build();
  }

  /** Starts a builder with the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Consecutive reconnect attempts before the session fails. */
  public int maxAttempts() {
    return maxAttempts;
  }

  /** The backoff cap of the first attempt. */
  public Duration baseDelay() {
    return baseDelay;
  }

  /** The largest backoff cap. */
  public Duration maxDelay() {
    return maxDelay;
  }

  /**
   * The delay before consecutive attempt {@code attempt} (1-based): uniform in {@code [0, cap]}
   * with {@code cap = min(maxDelay, baseDelay * 2^(attempt-1))}.
   *
   * @throws IllegalArgumentException when {@code attempt < 1}
   */
  public Duration delayBefore(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be >= 1, was " + attempt);
    }
    long base = baseDelay.toMillis();
    long max = maxDelay.toMillis();
    long cap = attempt > 62 || base > (max >> Math.min(attempt - 1, 62)) ? max : Math.min(max, base << (attempt - 1));
    return Duration.ofMillis(cap == 0 ? 0 : random.nextLong(cap + 1));
  }

  @Override
  public String toString() {
    return "ReconnectPolicy{maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay + ", maxDelay=" + maxDelay + "}";
  }

  /** Builds a {@link ReconnectPolicy}. */
  public static final class Builder {
    private int maxAttempts = 10;
    private Duration baseDelay = Duration.ofMillis(500);
    private Duration maxDelay = Duration.ofSeconds(30);
    private RandomGenerator random = RandomGenerator.getDefault();

    private Builder() {}

    /** Consecutive attempts before giving up (default 10; 0 never reconnects). */
    public Builder maxAttempts(int attempts) {
      if (attempts < 0) {
        throw new InvalidRequestException("maxAttempts", "maxAttempts must be >= 0, was " + attempts);
      }
      this.maxAttempts = attempts;
      return this;
    }

    /** The backoff cap of the first attempt (default 500 ms). */
    public Builder baseDelay(Duration delay) {
      this.baseDelay = nonNegative(delay, "baseDelay");
      return this;
    }

    /** The largest backoff cap (default 30 s). */
    public Builder maxDelay(Duration delay) {
      this.maxDelay = nonNegative(delay, "maxDelay");
      return this;
    }

    /** The random source of the jitter (inject a seeded one in tests). */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Builds the policy; {@code baseDelay} must not exceed {@code maxDelay}. */
    public ReconnectPolicy build() {
      if (baseDelay.compareTo(maxDelay) > 0) {
        throw new InvalidRequestException("baseDelay", 
            "baseDelay " + baseDelay + " must not exceed maxDelay " + maxDelay);
      }
      return new ReconnectPolicy(this);
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new InvalidRequestException(name, name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
