package io.tickguard.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import tools.jackson.databind.JsonNode;

/**
 * One row of JMH's {@code -rf json} output, reduced to what the table shows.
 *
 * @param benchmarkClass simple name of the benchmark class
 * @param method benchmark method name
 * @param mode JMH mode: {@code avgt}, {@code sample} or {@code thrpt}
 * @param threads worker threads
 * @param score primary score (mean)
 * @param error JMH's 99.9% error half-width, NaN when there were too few iterations
 * @param unit score unit, such as {@code us/op} or {@code ops/s}
 * @param median the 50th percentile, present in sample mode only
 * @param allocatedBytesPerOp {@code gc.alloc.rate.norm}, present when run with {@code -prof gc}
 */
public record JmhResult(
    String benchmarkClass, String method, String mode, int threads, double score, double error,
    String unit, OptionalDouble median, OptionalDouble allocatedBytesPerOp) {

  /** Suffix of a baseline method: {@code fooRaw} is the baseline of {@code fooTickGuard}. */
  public static final String RAW = "Raw";
  /** Suffix of the measured TickGuard method. */
  public static final String TICKGUARD = "TickGuard";

  /** Parses JMH's JSON result array. */
  public static List<JmhResult> parseAll(JsonNode results) {
    List<JmhResult> rows = new ArrayList<>();
    for (JsonNode r : results) {
      rows.add(parse(r));
    }
    return rows;
  }

  private static JmhResult parse(JsonNode r) {
    String[] parts = r.required("benchmark").asString().split("\\.");
    JsonNode primary = r.required("primaryMetric");
    JsonNode percentiles = primary.path("scorePercentiles");
    OptionalDouble median = r.required("mode").asString().equals("sample") && percentiles.has("50.0")
        ? OptionalDouble.of(percentiles.get("50.0").asDouble())
        : OptionalDouble.empty();
    return new JmhResult(
        parts[parts.length - 2], parts[parts.length - 1], r.required("mode").asString(),
        r.required("threads").asInt(), primary.required("score").asDouble(),
        number(primary.path("scoreError")), primary.required("scoreUnit").asString(),
        median, allocation(r.path("secondaryMetrics")));
  }

  /** JMH writes "NaN" as a string when the error is undefined (a single iteration). */
  private static double number(JsonNode node) {
    return node.isNumber() ? node.asDouble() : Double.NaN;
  }

  private static OptionalDouble allocation(JsonNode secondary) {
    // Older JMH versions prefix secondary metrics with a middle dot.
    for (String name : List.of("gc.alloc.rate.norm", "\u00b7gc.alloc.rate.norm")) {
      if (secondary.has(name)) {
        return OptionalDouble.of(secondary.get(name).required("score").asDouble());
      }
    }
    return OptionalDouble.empty();
  }

  /** The comparison case this row belongs to: the method name without its Raw/TickGuard suffix. */
  public String caseName() {
    if (method.endsWith(RAW)) {
      return method.substring(0, method.length() - RAW.length());
    }
    if (method.endsWith(TICKGUARD)) {
      return method.substring(0, method.length() - TICKGUARD.length());
    }
    return method;
  }

  /** Whether this row is a raw baseline. */
  public boolean isBaseline() {
    return method.endsWith(RAW);
  }

  /** Whether this row is the TickGuard side of a comparison. */
  public boolean isTickGuard() {
    return method.endsWith(TICKGUARD);
  }

  /** The number a ratio compares: the median in sample mode, else the mean score. */
  public double comparable() {
    return median.orElse(score);
  }

  /** Whether a higher score is better (throughput) rather than lower (time per operation). */
  public boolean higherIsBetter() {
    return mode.equals("thrpt");
  }
}
