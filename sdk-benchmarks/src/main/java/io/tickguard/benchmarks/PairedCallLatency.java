package io.tickguard.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Phaser;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The round trips of {@link RoundTripCpuTime} compared call by call: every caller thread alternates
 * one TickGuard call and one hand-written call, the order swapped after every pair, and records the
 * wall-clock time of each; the p50 of each side over all recorded calls is compared.
 *
 * <p>Why pairs and not blocks: on a two-core machine the cost of a loopback round trip depends on how
 * the scheduler places the caller and server threads, and that placement changes between JVM runs and
 * within one, every few seconds. The same hand-written call costs 64 us of caller CPU in one run and 88 us
 * in the next (see docs/performance.md). A block of a hundred calls per side lands each block in
 * whatever state the machine is in then; a pair puts both sides in the same state, call by call.
 * Alternating has a cost of its own: each call runs after the other side's call has used the caches,
 * and the side with more code (TickGuard) loses more to that, so at one thread this ratio errs against
 * TickGuard, never for it.
 *
 * <p>At one thread both sides also get new connections before every segment (outside the timing): each
 * side's connection has a server thread of its own, and where the scheduler puts that thread next to
 * the caller's holds for as long as the connection lives. Runs that kept their connections had the
 * two sides in different placements for seconds at a time: segment ratios of 0.5x and 2x for ten
 * segments in a row, and whole-run ratios that said more about the draw than about the code. With new
 * connections per segment each segment draws again (docs/performance.md, round 11).
 *
 * <p>With several threads it errs the other way: at any moment about half the callers run each side,
 * so the CPU TickGuard adds slows the hand-written calls as much as its own, and the ratio shows only
 * part of it. A bot whose threads all use TickGuard is what {@link RoundTripCpuTime}'s blocks model;
 * judge several threads by that harness, and one thread by this one.
 *
 * <pre>java -cp sdk-benchmarks/target/benchmarks.jar io.tickguard.benchmarks.PairedCallLatency [warm-up pairs] [pairs] [pairs per segment] [signed|lastPrice|all] [1|8|both] [forks]</pre>
 *
 * <p>The fourth and fifth arguments choose the comparisons (by default both round trips at 1 and 8
 * threads). With {@code forks} above 1 the comparisons run that many times, each in a new JVM with
 * this one's options, one after the other, and every call they recorded is pooled into one p50 per
 * side ({@link Forks}): what a JVM's compiler and memory layout make of the code differs from run to
 * run by a few percent, which one JVM cannot average out however long it runs.
 *
 * <p>Pairs are counted per caller thread. Between segments every caller waits, and one of them lets
 * the loopback server forget the requests it recorded (and at one thread renews the connections),
 * while no call is in flight.
 */
public final class PairedCallLatency {
  private PairedCallLatency() {}

  /** Runs the chosen comparisons (both round trips at 1 and 8 threads by default) and prints one line each. */
  public static void main(String[] args) throws Exception {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    int perSegment = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    String which = args.length > 3 ? args[3] : "all";
    String threadCounts = args.length > 4 ? args[4] : "both";
    int forks = args.length > 5 ? Integer.parseInt(args[5]) : 1;
    if (args.length > 6 || forks < 1) {
      throw new IllegalArgumentException("Arguments: [warm-up pairs] [pairs] [pairs per segment]"
          + " [signed|lastPrice|all] [1|8|both] [forks >= 1]");
    }
    RoundTripComparisons.Selection selection =
        RoundTripComparisons.Selection.parse(new String[] {which, threadCounts}, 0);
    List<String> forkArgs = List.of(String.valueOf(warmUp), String.valueOf(pairs), String.valueOf(perSegment),
        which, threadCounts);
    if (forks > 1) {
      for (Forks.Pooled pooled : Forks.pool(Forks.run(PairedCallLatency.class.getName(), forkArgs, forks))) {
        System.out.println(pooled);
      }
      return;
    }
    List<Forks.Samples> recorded = new java.util.ArrayList<>();
    RoundTripComparisons.run((name, tickGuard, handWritten, betweenSegments, threads) -> {
      Result result = compare(name, tickGuard, handWritten, betweenSegments, threads, warmUp, pairs, perSegment,
          System::nanoTime);
      recorded.add(new Forks.Samples(name, threads, result.tickGuardCalls(), result.handWrittenCalls()));
      return result;
    }, selection);
    Forks.writeIfForked(recorded);
  }

  /**
   * What one comparison measured: each side's p50 and p90 wall-clock time over every recorded call,
   * the ratio of the p50s, and the lowest and highest ratio of the per-segment p50s (how far the
   * ratio moved within the run), with every segment's ratio in the order the segments ran; and every
   * recorded call's time of each side, sorted (what {@link Forks} pools).
   */
  public record Result(String name, int threads, int pairsPerThread,
      long tickGuardP50Nanos, long handWrittenP50Nanos, long tickGuardP90Nanos, long handWrittenP90Nanos,
      double lowestSegmentRatio, double highestSegmentRatio, List<Double> segmentRatios,
      long[] tickGuardCalls, long[] handWrittenCalls) {
    /** TickGuard's p50 over the hand-written p50. */
    public double p50Ratio() {
      return (double) tickGuardP50Nanos / Math.max(1, handWrittenP50Nanos);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-24s %d thread(s), %d pairs each: p50 TickGuard %7.1f us, hand-written %7.1f us,"
          + " ratio %.3fx (segments %.2f-%.2f); p90 %7.1f us vs %7.1f us; segments in order: %s",
          name, threads, pairsPerThread, tickGuardP50Nanos / 1e3, handWrittenP50Nanos / 1e3, p50Ratio(),
          lowestSegmentRatio, highestSegmentRatio, tickGuardP90Nanos / 1e3, handWrittenP90Nanos / 1e3,
          ratios(segmentRatios, "%.2f"));
    }
  }

  /** {@code ratios} each in {@code format}, separated by spaces. */
  static String ratios(List<Double> ratios, String format) {
    StringBuilder out = new StringBuilder();
    for (double ratio : ratios) {
      out.append(out.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, format, ratio));
    }
    return out.toString();
  }

  /**
   * Runs {@code warmUp} unrecorded and then {@code pairs} recorded pairs of calls on each of {@code
   * threads} threads, in segments of {@code perSegment} pairs; {@code betweenSegments} runs before
   * each segment (warm-up included) on one thread while no call is in flight. Pair {@code i} of a
   * thread calls TickGuard first when {@code i} is even and the hand-written side first when it is
   * odd. Both sides must return equal values (checked once, first), or the comparison is refused.
   * {@code clock} reads nanoseconds (tests give a fake one).
   */
  public static Result compare(String name, Supplier<?> tickGuard, Supplier<?> handWritten, Runnable betweenSegments,
      int threads, int warmUp, int pairs, int perSegment, LongSupplier clock) throws InterruptedException {
    if (threads < 1 || warmUp < 0 || pairs < 1 || perSegment < 1 || pairs % perSegment != 0) {
      throw new IllegalArgumentException("threads >= 1, warmUp >= 0, pairs >= 1 and a whole number of segments of"
          + " perSegment >= 1 pairs; got threads=" + threads + " warmUp=" + warmUp + " pairs=" + pairs
          + " perSegment=" + perSegment);
    }
    CallerThreads.requireSameAnswer(tickGuard, handWritten);
    long[][] tickGuardWall = new long[threads][pairs];
    long[][] handWall = new long[threads][pairs];
    Phaser barrier = new Phaser(threads);
    CallerThreads.run("paired-caller", threads, barrier, t -> {
      long[] tickGuardOfThread = tickGuardWall[t];
      long[] handOfThread = handWall[t];
      for (int i = -warmUp; i < pairs; i++) {
        if (Math.floorMod(i, perSegment) == 0 || i == -warmUp) {
          barrier.arriveAndAwaitAdvance();
          if (t == 0) {
            betweenSegments.run();
          }
          barrier.arriveAndAwaitAdvance();
        }
        boolean tickGuardFirst = (i & 1) == 0;
        long began = clock.getAsLong();
        call(tickGuardFirst ? tickGuard : handWritten);
        long between = clock.getAsLong();
        call(tickGuardFirst ? handWritten : tickGuard);
        long ended = clock.getAsLong();
        if (i >= 0) {
          tickGuardOfThread[i] = tickGuardFirst ? between - began : ended - between;
          handOfThread[i] = tickGuardFirst ? ended - between : between - began;
        }
      }
    });
    int segments = pairs / perSegment;
    double[] segmentRatios = new double[segments];
    for (int s = 0; s < segments; s++) {
      segmentRatios[s] = (double) percentile(slice(tickGuardWall, s * perSegment, perSegment), 50)
          / Math.max(1, percentile(slice(handWall, s * perSegment, perSegment), 50));
    }
    List<Double> inOrder = Arrays.stream(segmentRatios).boxed().toList();
    Arrays.sort(segmentRatios);
    long[] tickGuardAll = slice(tickGuardWall, 0, pairs);
    long[] handAll = slice(handWall, 0, pairs);
    return new Result(name, threads, pairs, percentile(tickGuardAll, 50), percentile(handAll, 50),
        percentile(tickGuardAll, 90), percentile(handAll, 90), segmentRatios[0], segmentRatios[segments - 1], inOrder,
        tickGuardAll, handAll);
  }

  private static void call(Supplier<?> side) {
    if (side.get() == null) {
      throw new IllegalStateException("A call returned nothing");
    }
  }

  /** Pairs {@code from} to {@code from + count - 1} of every thread, in one array. */
  private static long[] slice(long[][] byThread, int from, int count) {
    long[] out = new long[byThread.length * count];
    for (int t = 0; t < byThread.length; t++) {
      System.arraycopy(byThread[t], from, out, t * count, count);
    }
    return out;
  }

  /** The {@code percent}th percentile (nearest rank, upper) of {@code values}, which it sorts. */
  static long percentile(long[] values, int percent) {
    Arrays.sort(values);
    return values[Math.min(values.length - 1, values.length * percent / 100)];
  }
}
