package io.tickguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/**
 * The round trips the thread-CPU and call-by-call harnesses compare: the signed call and the small
 * public call ({@code lastPrice}), each at 1 and then 8 caller threads, with each loopback server
 * started before its two comparisons and stopped after them. Prints the load average at the start and
 * end, and one line per comparison.
 */
final class RoundTripComparisons {
  private RoundTripComparisons() {}

  /** One comparison of a TickGuard call with its hand-written twin; its result prints as one line. */
  interface Comparison {
    Object compare(String name, Supplier<?> tickGuard, Supplier<?> handWritten, Runnable betweenRounds, int threads)
        throws InterruptedException;
  }

  /** Runs {@code comparison} for both round trips at 1 and 8 threads. */
  static void runAll(Comparison comparison) throws Exception {
    System.out.printf("load average %.2f at the start%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    SignedRoundTripState signed = new SignedRoundTripState();
    signed.protocol = "http/1.1";
    signed.start();
    try {
      for (int threads : new int[] {1, 8}) {
        System.out.println(comparison.compare("signed round trip", signed::callTickGuard, signed::callRaw,
            signed::forgetRequests, threads));
      }
    } finally {
      signed.stop();
    }
    LastPriceState lastPrice = new LastPriceState();
    lastPrice.start();
    try {
      for (int threads : new int[] {1, 8}) {
        System.out.println(comparison.compare("small call (lastPrice)", lastPrice::callTickGuard, lastPrice::callRaw,
            lastPrice::forgetRequests, threads));
      }
    } finally {
      lastPrice.stop();
    }
    System.out.printf("load average %.2f at the end%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }
}
