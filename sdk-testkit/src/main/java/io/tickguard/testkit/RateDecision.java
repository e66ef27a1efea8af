package io.tickguard.testkit;

import java.time.Duration;

/**
 * The outcome of charging one call's weight.
 *
 * @param allowed whether the call may proceed
 * @param banned whether the client is banned (answer 418)
 * @param usedWeight weight used in the current window, for the usage header
 * @param retryAfter how long the client must wait when refused; zero when allowed
 */
public record RateDecision(boolean allowed, boolean banned, long usedWeight, Duration retryAfter) {

  /** Retry-After in whole seconds, rounded up, at least 1. */
  public long retryAfterSeconds() {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return Math.max(1, seconds);
  }
}
