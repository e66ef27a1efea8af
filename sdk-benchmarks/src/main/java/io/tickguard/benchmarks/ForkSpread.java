package io.tickguard.benchmarks;

import java.util.List;
import java.util.Locale;

/**
 * How far a forked run's ratio can be trusted: the mean of the forks' own p50 ratios and its 95%
 * confidence interval (Student's t, one sample per fork). The pooled p50 ratio is the result; this
 * says whether it is resolved against a target. The forks' ratios differ because each JVM compiles
 * and lays out the code its own way (docs/performance.md, round 12), which is the spread a single JVM
 * cannot show: an interval that straddles a target says the run has not resolved it. It does not hold
 * the machine's drift between runs, which each run's forks share (round 13): a verdict at a bound
 * still takes several runs.
 *
 * @param forks how many forks the ratios came from
 * @param mean their mean
 * @param low the interval's lower end ({@code NaN} with fewer than two forks)
 * @param high the interval's upper end ({@code NaN} with fewer than two forks)
 */
record ForkSpread(int forks, double mean, double low, double high) {
  /** Two-sided 97.5% quantiles of Student's t for 1 to 30 degrees of freedom. */
  private static final double[] T_975 = {
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};

  /** The spread of {@code ratios}, one per fork. */
  static ForkSpread of(List<Double> ratios) {
    int n = ratios.size();
    if (n == 0) {
      throw new IllegalArgumentException("no fork ratios");
    }
    double mean = ratios.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    if (n < 2) {
      return new ForkSpread(n, mean, Double.NaN, Double.NaN);
    }
    double squares = 0;
    for (double r : ratios) {
      squares += (r - mean) * (r - mean);
    }
    double halfWidth = t975(n - 1) * Math.sqrt(squares / (n - 1) / n);
    return new ForkSpread(n, mean, mean - halfWidth, mean + halfWidth);
  }

  /**
   * The 97.5% quantile of t with {@code degrees} of freedom; beyond the table the value at 30, which
   * is slightly larger than the true one, so the interval errs wide.
   */
  static double t975(int degrees) {
    if (degrees < 1) {
      throw new IllegalArgumentException("degrees of freedom must be at least 1, got " + degrees);
    }
    return T_975[Math.min(degrees, T_975.length) - 1];
  }

  @Override
  public String toString() {
    if (forks < 2) {
      return String.format(Locale.ROOT, "forks' mean %.3fx (one fork: no interval)", mean);
    }
    return String.format(Locale.ROOT, "forks' mean %.3fx, 95%% interval %.3f-%.3fx over %d forks", mean, low, high, forks);
  }
}
