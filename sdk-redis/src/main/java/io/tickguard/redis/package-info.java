/**
 * A fleet of JVMs sharing one provider budget and one OAuth session through Redis: {@link
 * io.tickguard.redis.RedisThrottle} (the core {@code Throttle} with its windows in Redis) and {@link
 * io.tickguard.redis.RedisTokenSession} (a {@code TokenStore} with fleet-wide single-flight refresh),
 * both over one {@link io.tickguard.redis.RedisBackend}. See docs/distributed.md.
 */
package io.tickguard.redis;
