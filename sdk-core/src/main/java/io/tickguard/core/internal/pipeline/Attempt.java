package io.tickguard.core.internal.pipeline;

import java.time.Duration;

/**
 * One attempt of a call, carried as an OkHttp tag from the Resilience stage inward: its number, and
 * the time the Throttle stage waited for it (which the Observe stage reports).
 */
public final class Attempt {
  private final int number;
  private volatile Duration throttleWait = Duration.ZERO;

  /** Attempt {@code number}, starting at 1. */
  public Attempt(int number) {
    this.number = number;
  }

  /** The attempt number, starting at 1. */
  public int number() {
    return number;
  }

  /** How long the Throttle stage waited for this attempt's permits. */
  public Duration throttleWait() {
    return throttleWait;
  }

  void throttled(Duration waited) {
    this.throttleWait = waited;
  }
}
