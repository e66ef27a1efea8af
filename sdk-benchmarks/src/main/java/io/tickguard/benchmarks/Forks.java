package io.tickguard.benchmarks;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a call-by-call harness in several JVMs, one after the other, and pools every call they
 * recorded into one p50 per side, as JMH pools the samples of its forks. One JVM's result carries
 * what its compiler and memory layout made of the code in that run: on the two-core machines of
 * docs/performance.md the same build's 1-thread small-call ratio moved between 1.02x and 1.08x from
 * one JVM to the next, and a run five times as long moved as much. Each fork prints its own line as
 * it ends, so the spread stays in view next to the pooled line, summarised there by {@link ForkSpread}.
 *
 * <p>A fork is told where to write its calls by the system property {@value #SAMPLES_PROPERTY}; it
 * gets this JVM's options and class path.
 */
final class Forks {
  /** The file a forked harness writes its recorded calls to. */
  static final String SAMPLES_PROPERTY = "tickguard.benchmarks.samples";

  private Forks() {}

  /**
   * Every recorded call of one comparison in one JVM.
   *
   * @param name the comparison
   * @param threads its caller threads
   * @param tickGuard each TickGuard call's wall-clock nanoseconds
   * @param handWritten each hand-written call's wall-clock nanoseconds
   */
  record Samples(String name, int threads, long[] tickGuard, long[] handWritten) {}

  /**
   * One comparison pooled over its forks: each side's p50 and p90 over every call of every fork, and
   * each fork's own p50 ratio, in the order the forks ran.
   */
  record Pooled(String name, int threads, int calls, long tickGuardP50Nanos, long handWrittenP50Nanos,
      long tickGuardP90Nanos, long handWrittenP90Nanos, List<Double> forkRatios) {
    /** TickGuard's pooled p50 over the hand-written pooled p50. */
    double p50Ratio() {
      return (double) tickGuardP50Nanos / Math.max(1, handWrittenP50Nanos);
    }

    /** The forks' ratios summarised: their mean and its 95% interval, to judge the pooled ratio by. */
    ForkSpread spread() {
      return ForkSpread.of(forkRatios);
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%-24s %d thread(s), %d forks pooled, %d calls per side: p50 TickGuard %7.1f us,"
          + " hand-written %7.1f us, ratio %.3fx; p90 %7.1f us vs %7.1f us; %s; each fork's p50 ratio: %s",
          name, threads, forkRatios.size(), calls, tickGuardP50Nanos / 1e3, handWrittenP50Nanos / 1e3, p50Ratio(),
          tickGuardP90Nanos / 1e3, handWrittenP90Nanos / 1e3, spread(), PairedCallLatency.ratios(forkRatios, "%.3f"));
    }
  }

  /**
   * Runs {@code mainClass} with {@code args} in {@code forks} new JVMs, one after the other (their
   * output goes to this one's), and reads what each recorded.
   *
   * @return each fork's samples, in the order the forks ran
   * @throws IllegalStateException a fork ended with a non-zero exit code or wrote nothing
   */
  static List<List<Samples>> run(String mainClass, List<String> args, int forks)
      throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("tickguard-forks");
    List<List<Samples>> out = new ArrayList<>();
    try {
      for (int i = 1; i <= forks; i++) {
        Path samples = dir.resolve("fork-" + i + ".samples");
        System.out.printf("fork %d of %d%n", i, forks);
        System.out.flush();
        int exit = new ProcessBuilder(command(mainClass, args, samples)).inheritIO().start().waitFor();
        if (exit != 0 || !Files.exists(samples)) {
          throw new IllegalStateException("Fork " + i + " of " + mainClass + " ended with exit code " + exit
              + (Files.exists(samples) ? "" : " and wrote no samples"));
        }
        out.add(read(samples));
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
    return out;
  }

  /** The command running {@code mainClass} with {@code args} in a JVM like this one, writing to {@code samples}. */
  static List<String> command(String mainClass, List<String> args, Path samples) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!option.startsWith("-D" + SAMPLES_PROPERTY + "=")) {
        command.add(option);
      }
    }
    command.add("-D" + SAMPLES_PROPERTY + "=" + samples);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    command.addAll(args);
    return command;
  }

  /** In a fork, writes {@code recorded} where the parent asked; elsewhere does nothing. */
  static void writeIfForked(List<Samples> recorded) throws IOException {
    String file = System.getProperty(SAMPLES_PROPERTY);
    if (file != null) {
      write(Path.of(file), recorded);
    }
  }

  static void write(Path file, List<Samples> recorded) throws IOException {
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      out.writeInt(recorded.size());
      for (Samples s : recorded) {
        out.writeUTF(s.name());
        out.writeInt(s.threads());
        writeLongs(out, s.tickGuard());
        writeLongs(out, s.handWritten());
      }
    }
  }

  static List<Samples> read(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int count = in.readInt();
      List<Samples> out = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        out.add(new Samples(in.readUTF(), in.readInt(), readLongs(in), readLongs(in)));
      }
      return out;
    }
  }

  /**
   * Pools each comparison (by name and threads, in the order the first fork ran them) over the forks.
   *
   * @throws IllegalArgumentException the forks did not all run the same comparisons
   */
  static List<Pooled> pool(List<List<Samples>> forks) {
    Map<String, List<Samples>> byComparison = new LinkedHashMap<>();
    for (List<Samples> fork : forks) {
      for (Samples s : fork) {
        byComparison.computeIfAbsent(s.name() + "@" + s.threads(), k -> new ArrayList<>()).add(s);
      }
    }
    List<Pooled> out = new ArrayList<>();
    for (List<Samples> runs : byComparison.values()) {
      if (runs.size() != forks.size()) {
        throw new IllegalArgumentException("Comparison '" + runs.get(0).name() + "' at " + runs.get(0).threads()
            + " thread(s) ran in " + runs.size() + " of " + forks.size() + " forks");
      }
      long[] tickGuard = concat(runs, true);
      long[] handWritten = concat(runs, false);
      List<Double> ratios = new ArrayList<>();
      for (Samples run : runs) {
        ratios.add((double) p(run.tickGuard().clone(), 50) / Math.max(1, p(run.handWritten().clone(), 50)));
      }
      out.add(new Pooled(runs.get(0).name(), runs.get(0).threads(), tickGuard.length, p(tickGuard, 50),
          p(handWritten, 50), p(tickGuard, 90), p(handWritten, 90), List.copyOf(ratios)));
    }
    return out;
  }

  private static long[] concat(List<Samples> runs, boolean tickGuard) {
    long[] all = new long[runs.stream().mapToInt(r -> (tickGuard ? r.tickGuard() : r.handWritten()).length).sum()];
    int at = 0;
    for (Samples run : runs) {
      long[] part = tickGuard ? run.tickGuard() : run.handWritten();
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  private static long p(long[] values, int percent) {
    return PairedCallLatency.percentile(values, percent);
  }

  private static void writeLongs(DataOutputStream out, long[] values) throws IOException {
    out.writeInt(values.length);
    for (long v : values) {
      out.writeLong(v);
    }
  }

  private static long[] readLongs(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      throw new IOException("A negative sample count: not a samples file");
    }
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = in.readLong();
    }
    return values;
  }
}
