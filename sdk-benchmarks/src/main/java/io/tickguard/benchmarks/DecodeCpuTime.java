package io.tickguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * {@link DecodeBenchmark}'s 5,000-level book comparison (typed decode plus validation against a bare
 * Jackson tree of the same bytes) timed by the thread's CPU time instead of the wall clock, for a
 * shared machine: there JMH's wall-clock scores move with the other processes far more than the gap
 * being measured, while the CPU a thread spends per decode moves far less (caches and cores are
 * still shared, so it is an estimate, not a replacement for an idle JMH run).
 *
 * <p>Each round runs a block of TickGuard decodes and a block of bare tree parses on this one
 * thread, the order of the two blocks swapped every round; the ratio is taken per round, so both of
 * its sides saw the same load, and the median is reported. Each side's bytes allocated per decode
 * are counted by the JVM's per-thread allocation counter over the same blocks.
 *
 * <pre>java -Xms1g -Xmx1g -cp sdk-benchmarks/target/benchmarks.jar io.tickguard.benchmarks.DecodeCpuTime [warm-up rounds] [rounds] [decodes per block]</pre>
 */
public final class DecodeCpuTime {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  /** The last value decoded, kept so the decodes are not optimised away (no hash: it would walk 10,000 levels). */
  private static Object last;

  private DecodeCpuTime() {}

  /** Runs the 5,000-level book comparison and prints one line. */
  public static void main(String[] args) {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int decodes = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    System.out.printf("load average %.2f at the start%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    DecodeBenchmark benchmark = new DecodeBenchmark();
    benchmark.generate();
    System.out.println(compare("5,000-level book", benchmark::orderBook5000TickGuard, benchmark::orderBook5000Raw,
        warmUp, rounds, decodes));
    System.out.printf("load average %.2f at the end; last decoded a %s%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), last.getClass().getSimpleName());
  }

  /**
   * What one comparison measured: the median thread CPU per decode of each side, the median of the
   * per-round CPU ratios with their range, and each side's median bytes allocated per decode.
   */
  public record Result(String name, double tickGuardNanosPerDecode, double bareTreeNanosPerDecode,
      double medianRatio, double lowestRatio, double highestRatio,
      long tickGuardBytesPerDecode, long bareTreeBytesPerDecode) {

    /** TickGuard's allocation per decode over the bare tree's. */
    public double allocationRatio() {
      return (double) tickGuardBytesPerDecode / bareTreeBytesPerDecode;
    }

    @Override
    public String toString() {
      return String.format("%s: thread CPU per decode TickGuard %7.1f us, bare tree %7.1f us, TickGuard vs bare tree:"
          + " median %.3fx (range %.3f-%.3f); allocated per decode TickGuard %,d B, bare tree %,d B (%.2fx)",
          name, tickGuardNanosPerDecode / 1000, bareTreeNanosPerDecode / 1000, medianRatio, lowestRatio, highestRatio,
          tickGuardBytesPerDecode, bareTreeBytesPerDecode, allocationRatio());
    }
  }

  /**
   * Runs {@code warmUp} unrecorded rounds, then {@code rounds} recorded ones, each a block of {@code
   * decodes} calls of {@code tickGuard} and one of {@code bareTree}.
   *
   * @throws IllegalStateException when a side returns null: it did not decode
   */
  public static Result compare(String name, Supplier<?> tickGuard, Supplier<?> bareTree, int warmUp, int rounds,
      int decodes) {
    if (rounds < 1 || decodes < 1 || warmUp < 0) {
      throw new IllegalArgumentException("rounds and decodes must be at least 1, warm-up rounds at least 0");
    }
    long[] tickGuardCpu = new long[rounds];
    long[] bareCpu = new long[rounds];
    long[] tickGuardBytes = new long[rounds];
    long[] bareBytes = new long[rounds];
    double[] ratio = new double[rounds];
    for (int r = -warmUp; r < rounds; r++) {
      boolean tickGuardFirst = (r & 1) == 0;
      long[] first = block(tickGuardFirst ? tickGuard : bareTree, decodes);
      long[] second = block(tickGuardFirst ? bareTree : tickGuard, decodes);
      long[] tg = tickGuardFirst ? first : second;
      long[] raw = tickGuardFirst ? second : first;
      if (r >= 0) {
        tickGuardCpu[r] = tg[0];
        bareCpu[r] = raw[0];
        tickGuardBytes[r] = tg[1];
        bareBytes[r] = raw[1];
        ratio[r] = (double) tg[0] / raw[0];
      }
    }
    Arrays.sort(tickGuardCpu);
    Arrays.sort(bareCpu);
    Arrays.sort(tickGuardBytes);
    Arrays.sort(bareBytes);
    Arrays.sort(ratio);
    int mid = rounds / 2;
    return new Result(name, (double) tickGuardCpu[mid] / decodes, (double) bareCpu[mid] / decodes,
        ratio[mid], ratio[0], ratio[rounds - 1], tickGuardBytes[mid] / decodes, bareBytes[mid] / decodes);
  }

  /** Runs {@code decodes} calls; answers the thread CPU nanoseconds and the bytes allocated. */
  private static long[] block(Supplier<?> side, int decodes) {
    long thread = Thread.currentThread().getId();
    long bytes0 = THREADS.getThreadAllocatedBytes(thread);
    long cpu0 = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < decodes; i++) {
      Object decoded = side.get();
      if (decoded == null) {
        throw new IllegalStateException("A side returned nothing: it did not decode");
      }
      last = decoded;
    }
    long cpu1 = THREADS.getCurrentThreadCpuTime();
    long bytes1 = THREADS.getThreadAllocatedBytes(thread);
    return new long[] {cpu1 - cpu0, bytes1 - bytes0};
  }
}
