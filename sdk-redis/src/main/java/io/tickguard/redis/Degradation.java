package io.tickguard.redis;

import io.tickguard.core.InvalidRequestException;

/**
 * What a {@link RedisThrottle} does while Redis is unreachable. Either way one WARN line is logged
 * when Redis is lost, one INFO line when it returns, {@link RedisHealthListener} hears both and
 * every call in between, and Redis is tried again every {@code recheckInterval}.
 *
 * <ul>
 *   <li>{@link #failClosed()} (the default): every call fails at once with a client-side {@code
 *       RateLimitedException} (window {@link RedisThrottle#REDIS_UNAVAILABLE}); nothing is sent, so
 *       the fleet can never exceed the provider's limit, at the price of stopping.
 *   <li>{@link #fallbackToInProcess(double)}: each instance throttles itself in process with {@code
 *       share} of every limit (give each of N instances {@code 1.0 / N} or less); the fleet stays
 *       under the limit as long as no more instances run than the shares add up to.
 * </ul>
 *
 * @param share the fraction of each limit one instance may use while degraded; 0 for fail closed
 */
public record Degradation(double share) {

  /** Checks the share. */
  public Degradation {
    if (!(share >= 0 && share <= 1)) {
      throw new InvalidRequestException("share", "share: must be within 0..1 (a fraction of each limit), was " + share);
    }
  }

  /** Refuse every call while Redis is unreachable: the default. */
  public static Degradation failClosed() {
    return new Degradation(0);
  }

  /** Throttle in process with {@code share} (more than 0, at most 1) of every limit while Redis is unreachable. */
  public static Degradation fallbackToInProcess(double share) {
    if (!(share > 0)) {
      throw new InvalidRequestException("share", "share: a fallback needs a positive share such as 1.0 / instances, was " + share);
    }
    return new Degradation(share);
  }

  /** Whether calls fail while Redis is unreachable. */
  public boolean failsClosed() {
    return share == 0;
  }
}
