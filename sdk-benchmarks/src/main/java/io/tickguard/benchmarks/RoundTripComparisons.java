package io.tickguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.function.Supplier;

/**
 * The round trips the thread-CPU and call-by-call harnesses compare: the signed call and the small
 * public call ({@code lastPrice}), each at 1 and then 8 caller threads (or the ones a {@link Selection}
 * names), with each loopback server started before its comparisons and stopped after them. Prints the load average at the start and
 * end, and one line per comparison. Between rounds (or segments) the loopback server forgets the
 * requests it recorded; at one thread both sides also get new connections then ({@link
 * PairedCallLatency} says why).
 */
final class RoundTripComparisons {
  private RoundTripComparisons() {}

  /** One comparison of a TickGuard call with its hand-written twin; its result prints as one line. */
  interface Comparison {
    Object compare(String name, Supplier<?> tickGuard, Supplier<?> handWritten, Runnable betweenRounds, int threads)
        throws InterruptedException;
  }

  /** Runs {@code comparison} for the round trips and thread counts {@code selection} names. */
  static void run(Comparison comparison, Selection selection) throws Exception {
    System.out.printf("load average %.2f at the start%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (selection.signed()) {
      SignedRoundTripState signed = new SignedRoundTripState();
      signed.protocol = "http/1.1";
      signed.start();
      try {
        for (int threads : selection.threads()) {
          System.out.println(comparison.compare("signed round trip", signed::callTickGuard, signed::callRaw,
              threads == 1 ? signed::reconnect : signed::forgetRequests, threads));
        }
      } finally {
        signed.stop();
      }
    }
    if (selection.lastPrice()) {
      LastPriceState lastPrice = new LastPriceState();
      lastPrice.start();
      try {
        for (int threads : selection.threads()) {
          System.out.println(comparison.compare("small call (lastPrice)", lastPrice::callTickGuard, lastPrice::callRaw,
              threads == 1 ? lastPrice::reconnect : lastPrice::forgetRequests, threads));
        }
      } finally {
        lastPrice.stop();
      }
    }
    System.out.printf("load average %.2f at the end%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  /**
   * Which comparisons a harness runs: the signed call, the small call or both, at 1 thread, 8 threads
   * or both. One comparison alone gets the JVM (and its compiler) to itself, which the 8-thread small
   * call needs for a long warm-up.
   *
   * @param signed whether the signed round trip runs
   * @param lastPrice whether the small public call runs
   * @param threads the caller thread counts, in order
   */
  record Selection(boolean signed, boolean lastPrice, List<Integer> threads) {
    /** Everything: both round trips, at 1 and then 8 threads. */
    static final Selection ALL = new Selection(true, true, List.of(1, 8));

    /**
     * The selection named by the harness arguments from index {@code from} on: {@code [signed |
     * lastPrice | all] [1 | 8 | both]}, each optional ({@code all} and {@code both} when absent).
     *
     * @throws IllegalArgumentException an argument names no round trip or thread count
     */
    static Selection parse(String[] args, int from) {
      String which = args.length > from ? args[from] : "all";
      String threads = args.length > from + 1 ? args[from + 1] : "both";
      if (args.length > from + 2) {
        throw new IllegalArgumentException("Too many arguments after the harness's numbers: at most a round trip"
            + " (signed, lastPrice or all) and a thread count (1, 8 or both)");
      }
      boolean signed;
      boolean lastPrice;
      switch (which) {
        case "signed" -> { signed = true; lastPrice = false; }
        case "lastPrice" -> { signed = false; lastPrice = true; }
        case "all" -> { signed = true; lastPrice = true; }
        default -> throw new IllegalArgumentException(
            "Unknown round trip '" + which + "': use signed, lastPrice or all");
      }
      List<Integer> counts = switch (threads) {
        case "1" -> List.of(1);
        case "8" -> List.of(8);
        case "both" -> List.of(1, 8);
        default -> throw new IllegalArgumentException("Unknown thread count '" + threads + "': use 1, 8 or both");
      };
      return new Selection(signed, lastPrice, counts);
    }
  }
}
