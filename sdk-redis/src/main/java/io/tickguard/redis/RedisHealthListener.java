package io.tickguard.redis;

import java.time.Duration;

/**
 * Hears when Redis becomes unreachable and when it returns, and counts the calls served meanwhile
 * under the {@link Degradation} policy: the hook for a metric or an alert. Every method has an
 * empty default. Called on the caller's thread; must be quick and must not throw.
 *
 * <pre>{@code
 * Counter degraded = registry.counter("tickguard.redis.degraded.calls");
 * RedisHealthListener listener = new RedisHealthListener() {
 *   public void onDegradedCall(String component) { degraded.increment(); }
 * };
 * }</pre>
 */
public interface RedisHealthListener {

  /** {@code component} (a throttle or session name) lost Redis; {@code reason} is an exception type. */
  default void onRedisUnavailable(String component, String reason) {}

  /** {@code component} reached Redis again after {@code outage}. */
  default void onRedisRecovered(String component, Duration outage) {}

  /** One call of {@code component} was refused or served by the fallback while Redis was unreachable. */
  default void onDegradedCall(String component) {}

  /** A listener that ignores everything. */
  static RedisHealthListener none() {
    return new RedisHealthListener() { };
  }
}
