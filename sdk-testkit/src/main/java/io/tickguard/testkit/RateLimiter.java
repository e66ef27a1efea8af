package io.tickguard.testkit;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Enforces one {@link RateLimitPolicy} per client address: fixed epoch-aligned windows of weight;
 * over budget the call is refused (429 with {@code Retry-After} to the window's end); a client that
 * keeps calling while refused is banned (418) for the policy's ban duration. Thread-safe.
 */
public final class RateLimiter {
  private final RateLimitPolicy policy;
  private final Clock clock;
  private final ConcurrentMap<String, ClientState> clients = new ConcurrentHashMap<>();

  /** Creates a limiter on the server's {@code clock}. */
  public RateLimiter(RateLimitPolicy policy, Clock clock) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The enforced policy. */
  public RateLimitPolicy policy() {
    return policy;
  }

  /** Charges {@code weight} to {@code client}, or refuses without charging. */
  public RateDecision charge(String client, int weight) {
    ClientState state = clients.computeIfAbsent(client, c -> new ClientState());
    synchronized (state) {
      long now = clock.millis();
      long windowMillis = policy.window().toMillis();
      long windowStart = Math.floorDiv(now, windowMillis) * windowMillis;
      if (state.windowStart != windowStart) {
        state.windowStart = windowStart;
        state.used = 0;
      }
      if (now < state.bannedUntil) {
        return new RateDecision(false, true, state.used, Duration.ofMillis(state.bannedUntil - now));
      }
      if (state.used + weight > policy.maxWeight()) {
        state.refusedInARow++;
        if (state.refusedInARow > policy.abuseThreshold()) {
          state.bannedUntil = now + policy.banDuration().toMillis();
          state.refusedInARow = 0;
          return new RateDecision(false, true, state.used, policy.banDuration());
        }
        return new RateDecision(false, false, state.used, Duration.ofMillis(windowStart + windowMillis - now));
      }
      state.refusedInARow = 0;
      state.used += weight;
      return new RateDecision(true, false, state.used, Duration.ZERO);
    }
  }

  /** Forgets every client's usage and ban. */
  public void reset() {
    clients.clear();
  }

  private static final class ClientState {
    long windowStart = Long.MIN_VALUE;
    long used;
    int refusedInARow;
    long bannedUntil;
  }
}
