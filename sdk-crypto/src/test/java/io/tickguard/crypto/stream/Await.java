package io.tickguard.crypto.stream;

import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition a stream test expects: deterministic in outcome (the condition either holds
 * or the test fails), with a generous bound so a busy machine only makes it slower, never flaky.
 */
public final class Await {
  private static final long BOUND_NANOS = 60_000_000_000L;

  private Await() {}

  /** Returns once {@code condition} holds; fails with {@code what} after the bound. */
  public static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + BOUND_NANOS;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Never happened: " + what);
      }
      LockSupport.parkNanos(1_000_000);
    }
  }
}
