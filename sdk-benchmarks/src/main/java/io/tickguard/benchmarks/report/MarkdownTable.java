package io.tickguard.benchmarks.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Renders JMH results as one Markdown table. Each {@code ...TickGuard} row also shows its ratio to
 * the {@code ...Raw} row of the same class, case, mode and thread count: time ratio (TickGuard time /
 * raw time, from the median in sample mode and from the inverse of throughput in throughput mode,
 * so below 1.00 always means TickGuard is faster) and allocation ratio.
 */
public final class MarkdownTable {
  private MarkdownTable() {}

  /** The table for {@code results}. */
  public static String render(List<JmhResult> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| Benchmark | Mode | Threads | Score | Error (99.9%) | p50 | Unit | Alloc B/op "
        + "| Time vs raw | Alloc vs raw |\n");
    sb.append("|---|---|---:|---:|---:|---:|---|---:|---:|---:|\n");
    results.stream()
        .sorted(Comparator.comparing(JmhResult::benchmarkClass)
            .thenComparing(JmhResult::caseName)
            .thenComparing(JmhResult::mode)
            .thenComparingInt(JmhResult::threads)
            .thenComparing(JmhResult::isBaseline))
        .forEach(r -> row(sb, r, baselineOf(r, results)));
    return sb.toString();
  }

  private static Optional<JmhResult> baselineOf(JmhResult r, List<JmhResult> all) {
    if (!r.isTickGuard()) {
      return Optional.empty();
    }
    return all.stream()
        .filter(JmhResult::isBaseline)
        .filter(b -> b.benchmarkClass().equals(r.benchmarkClass()) && b.caseName().equals(r.caseName())
            && b.mode().equals(r.mode()) && b.threads() == r.threads())
        .findFirst();
  }

  private static void row(StringBuilder sb, JmhResult r, Optional<JmhResult> baseline) {
    sb.append("| ").append(r.benchmarkClass()).append('.').append(r.method())
        .append(" | ").append(r.mode())
        .append(" | ").append(r.threads())
        .append(" | ").append(format(r.score()))
        .append(" | ").append(Double.isNaN(r.error()) ? "n/a" : "± " + format(r.error()))
        .append(" | ").append(format(r.median()))
        .append(" | ").append(r.unit())
        .append(" | ").append(format(r.allocatedBytesPerOp()))
        .append(" | ").append(baseline.map(b -> ratio(timeRatio(r, b))).orElse(""))
        .append(" | ").append(baseline.map(b -> allocationRatio(r, b)).orElse(""))
        .append(" |\n");
  }

  /** TickGuard time / raw time; for throughput the inverse ratio of the scores. */
  static double timeRatio(JmhResult tickGuard, JmhResult raw) {
    return tickGuard.higherIsBetter()
        ? raw.comparable() / tickGuard.comparable()
        : tickGuard.comparable() / raw.comparable();
  }

  private static String allocationRatio(JmhResult tickGuard, JmhResult raw) {
    if (tickGuard.allocatedBytesPerOp().isEmpty() || raw.allocatedBytesPerOp().isEmpty()
        || raw.allocatedBytesPerOp().getAsDouble() == 0) {
      return "";
    }
    return ratio(tickGuard.allocatedBytesPerOp().getAsDouble() / raw.allocatedBytesPerOp().getAsDouble());
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  private static String format(OptionalDouble value) {
    return value.isPresent() ? format(value.getAsDouble()) : "";
  }

  /** About four significant digits, thousands separated: 0.0123, 4.567, 123.4, 12,345. */
  static String format(double value) {
    double abs = Math.abs(value);
    String pattern = abs >= 1000 ? "%,.0f" : abs >= 100 ? "%.1f" : abs >= 1 ? "%.3f" : "%.4f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
