package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.BookMessages;
import io.tickguard.benchmarks.fixture.JacksonBooks;
import io.tickguard.crypto.stream.internal.Feed;
import io.tickguard.crypto.stream.internal.FeedOutput;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Predicate;

/**
 * {@link StreamBookBenchmark}'s comparison timed by the thread's CPU time instead of the wall clock,
 * for a shared machine: there the wall-clock scores of JMH move by 30x with the other processes,
 * while the CPU time a thread spends per message moves far less (caches and the CPU are still
 * shared, so it is an estimate, not a replacement for an idle JMH run). Each round decodes the whole
 * history with a fresh TickGuard feed, then with the hand-written decoder; the ratio is taken per
 * round, so both sides of it saw the same load.
 *
 * <pre>java -cp sdk-benchmarks/target/benchmarks.jar io.tickguard.benchmarks.StreamBookCpuTime [warm-up rounds] [rounds]</pre>
 */
public final class StreamBookCpuTime {
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final BookMessages MESSAGES = new BookMessages(7);
  private static long consumed;

  private StreamBookCpuTime() {}

  /** Runs the comparison for every provider and prints one line each. */
  public static void main(String[] args) {
    int warmUp = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    JacksonBooks baseline = new JacksonBooks();
    compare("binance", MESSAGES.binance, () -> StreamBookBenchmark.binanceFeed(MESSAGES, SINK), baseline, baseline::binance, warmUp, rounds);
    compare("kraken", MESSAGES.kraken, () -> StreamBookBenchmark.krakenFeed(MESSAGES, SINK), baseline, baseline::kraken, warmUp, rounds);
    compare("coinbase", MESSAGES.coinbase, () -> StreamBookBenchmark.coinbaseFeed(MESSAGES, SINK), baseline, baseline::coinbase, warmUp, rounds);
    System.out.printf("load average %.2f; %d%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), consumed & 1);
  }

  private interface FeedFactory {
    Feed start();
  }

  private static void compare(String provider, String[] history, FeedFactory feeds, JacksonBooks baseline,
      Predicate<String> handWritten, int warmUp, int rounds) {
    long[] tickGuard = new long[rounds];
    long[] jackson = new long[rounds];
    double[] ratio = new double[rounds];
    for (int r = -warmUp; r < rounds; r++) {
      Feed feed = feeds.start();
      long t0 = THREADS.getCurrentThreadCpuTime();
      for (String message : history) {
        feed.onText(message, SINK);
      }
      long t1 = THREADS.getCurrentThreadCpuTime();
      baseline.reset(MESSAGES);
      long t2 = THREADS.getCurrentThreadCpuTime();
      for (String message : history) {
        consumed += handWritten.test(message) ? 1 : 0;
      }
      long t3 = THREADS.getCurrentThreadCpuTime();
      if (r >= 0) {
        tickGuard[r] = t1 - t0;
        jackson[r] = t3 - t2;
        ratio[r] = (double) tickGuard[r] / jackson[r];
      }
    }
    Arrays.sort(tickGuard);
    Arrays.sort(jackson);
    Arrays.sort(ratio);
    double levels = (double) MESSAGES.levelChanges / BookMessages.COUNT;
    double tg = (double) tickGuard[rounds / 2] / BookMessages.COUNT;
    double jk = (double) jackson[rounds / 2] / BookMessages.COUNT;
    System.out.printf("%-8s TickGuard %5.0f ns/message (%.2f M level updates/s), hand-written %5.0f ns/message (%.2f M/s), "
        + "TickGuard time vs hand-written: median %.2fx (range %.2f-%.2f)%n",
        provider, tg, levels * 1000 / tg, jk, levels * 1000 / jk, ratio[rounds / 2], ratio[0], ratio[rounds - 1]);
  }

  /** Counts events so the feeds' work is not optimised away. */
  private static final FeedOutput SINK = new StreamBookBenchmark.Sink(event -> consumed++);
}
