package io.tickguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * The round-trip comparisons of {@link SignedRoundTripLatencyBenchmark} (a signed call) and {@link
 * LastPriceBenchmark} (the small public call) timed by the callers' thread CPU time instead of the
 * wall clock, for a shared machine: there JMH's wall-clock percentiles move by 10-50x with the other
 * processes, while the CPU a caller thread spends per call moves far less (caches and cores are still
 * shared, so it is an estimate, not a replacement for an idle JMH run). At eight threads on two cores
 * the latency follows the callers' CPU, so the CPU ratio is the one to close.
 *
 * <p>Each round runs one block of calls through TickGuard on every thread at once, then one block of
 * the hand-written calls (a barrier between the blocks, so both sides see the same contention and the
 * same load); the ratio is taken per round and the median reported. Only the callers' threads are
 * counted: the in-JVM loopback server and OkHttp's own threads work the same for both sides. Each
 * call's wall-clock time is recorded too, for the p50 the targets name (see {@link Result}).
 *
 * <pre>java -cp sdk-benchmarks/target/benchmarks.jar io.tickguard.benchmarks.RoundTripCpuTime [warm-up rounds] [rounds] [calls per block] [signed|lastPrice|all] [1|8|both]</pre>
 *
 * <p>The last two arguments choose the comparisons (by default both round trips at 1 and 8 threads).
 */
public final class RoundTripCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private RoundTripCpuTime() {}

  /** Runs the chosen comparisons (both round trips at 1 and 8 threads by default) and prints one line each. */
  public static void main(String[] args) throws Exception {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int calls = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    RoundTripComparisons.run((name, tickGuard, handWritten, betweenRounds, threads) ->
        compare(name, tickGuard, handWritten, betweenRounds, threads, warmUp, rounds, calls),
        RoundTripComparisons.Selection.parse(args, 3));
  }

  /**
   * What one comparison measured: the median caller CPU per call of each side and the median of the
   * per-round ratios, with the ratios' range; and the wall-clock time of single calls: the median
   * over the rounds of each side's per-round p50, and the median of the per-round p50 ratios. The
   * wall-clock ratio pairs two blocks run one right after the other, so both sides see nearly the
   * same load; on a shared machine it still moves far more than the CPU ratio.
   */
  public record Result(String name, int threads, double tickGuardNanosPerCall, double handWrittenNanosPerCall,
      double medianRatio, double lowestRatio, double highestRatio,
      double tickGuardWallP50Nanos, double handWrittenWallP50Nanos, double medianWallP50Ratio) {
    @Override
    public String toString() {
      return String.format("%-24s %d thread(s): caller CPU per call TickGuard %7.1f us, hand-written %7.1f us,"
          + " TickGuard vs hand-written: median %.2fx (range %.2f-%.2f); wall p50 TickGuard %7.1f us,"
          + " hand-written %7.1f us, median of per-round p50 ratios %.2fx",
          name, threads, tickGuardNanosPerCall / 1000, handWrittenNanosPerCall / 1000, medianRatio, lowestRatio, highestRatio,
          tickGuardWallP50Nanos / 1000, handWrittenWallP50Nanos / 1000, medianWallP50Ratio);
    }
  }

  /**
   * Runs {@code warmUp} unrecorded and then {@code rounds} recorded rounds of {@code calls} calls per
   * side on each of {@code threads} threads. Both sides must return equal values (checked once, before
   * the first round), or the comparison is refused. {@code betweenRounds} runs before each round, on one
   * thread while no call is in flight and outside the timed blocks: the loopback server records every
   * request, and a round trip harness that never lets it forget them grows the heap by hundreds of MB
   * over a run, so that later rounds pay for garbage collection the earlier ones did not.
   */
  public static Result compare(String name, Supplier<?> tickGuard, Supplier<?> handWritten, Runnable betweenRounds,
      int threads, int warmUp, int rounds, int calls) throws InterruptedException {
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("This JVM cannot measure a thread's CPU time");
    }
    CallerThreads.requireSameAnswer(tickGuard, handWritten);
    AtomicLongArray tickGuardCpu = new AtomicLongArray(rounds);
    AtomicLongArray handCpu = new AtomicLongArray(rounds);
    // Wall-clock time of every recorded call: [round][thread * calls + i]; each thread writes its own slots.
    long[][] tickGuardWall = new long[rounds][threads * calls];
    long[][] handWall = new long[rounds][threads * calls];
    Phaser barrier = new Phaser(threads);
    CallerThreads.run("cpu-caller", threads, barrier, t -> {
      int slot = t * calls;
      long[] scratch = new long[calls];
      for (int r = -warmUp; r < rounds; r++) {
        barrier.arriveAndAwaitAdvance();
        if (slot == 0) {
          betweenRounds.run();
        }
        barrier.arriveAndAwaitAdvance();
        long tg = block(tickGuard, calls, r >= 0 ? tickGuardWall[r] : scratch, r >= 0 ? slot : 0);
        barrier.arriveAndAwaitAdvance();
        long hw = block(handWritten, calls, r >= 0 ? handWall[r] : scratch, r >= 0 ? slot : 0);
        if (r >= 0) {
          tickGuardCpu.addAndGet(r, tg);
          handCpu.addAndGet(r, hw);
        }
      }
    });
    long[] tg = new long[rounds];
    long[] hw = new long[rounds];
    double[] ratio = new double[rounds];
    long[] tgWall = new long[rounds];
    long[] hwWall = new long[rounds];
    double[] wallRatio = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      tg[r] = tickGuardCpu.get(r);
      hw[r] = handCpu.get(r);
      ratio[r] = (double) tg[r] / Math.max(1, hw[r]);
      tgWall[r] = median(tickGuardWall[r]);
      hwWall[r] = median(handWall[r]);
      wallRatio[r] = (double) tgWall[r] / Math.max(1, hwWall[r]);
    }
    Arrays.sort(tg);
    Arrays.sort(hw);
    Arrays.sort(ratio);
    Arrays.sort(tgWall);
    Arrays.sort(hwWall);
    Arrays.sort(wallRatio);
    double perRound = (double) calls * threads;
    return new Result(name, threads, tg[rounds / 2] / perRound, hw[rounds / 2] / perRound,
        ratio[rounds / 2], ratio[0], ratio[rounds - 1], tgWall[rounds / 2], hwWall[rounds / 2], wallRatio[rounds / 2]);
  }

  /** The median of {@code values} (sorted in place). */
  private static long median(long[] values) {
    Arrays.sort(values);
    return values[values.length / 2];
  }

  /**
   * The caller thread's CPU time for {@code calls} calls of {@code side}; each call's wall-clock time
   * goes to {@code wall[from + i]}.
   */
  private static long block(Supplier<?> side, int calls, long[] wall, int from) {
    long start = THREADS.getCurrentThreadCpuTime();
    for (int i = 0; i < calls; i++) {
      long began = System.nanoTime();
      if (side.get() == null) {
        throw new IllegalStateException("A call returned nothing");
      }
      wall[from + i] = System.nanoTime() - began;
    }
    return THREADS.getCurrentThreadCpuTime() - start;
  }
}
