package io.tickguard.benchmarks.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class MarkdownTableTest {
  private static final String JSON = """
      [
        {"benchmark":"io.tickguard.benchmarks.Rt.oneThreadTickGuard","mode":"sample","threads":1,
         "primaryMetric":{"score":120.0,"scoreError":4.0,"scoreUnit":"us/op",
           "scorePercentiles":{"0.0":90.0,"50.0":110.0,"100.0":900.0}},
         "secondaryMetrics":{"gc.alloc.rate.norm":{"score":5000.0,"scoreError":1.0,"scoreUnit":"B/op"}}},
        {"benchmark":"io.tickguard.benchmarks.Rt.oneThreadRaw","mode":"sample","threads":1,
         "primaryMetric":{"score":115.0,"scoreError":3.0,"scoreUnit":"us/op",
           "scorePercentiles":{"0.0":88.0,"50.0":100.0,"100.0":800.0}},
         "secondaryMetrics":{"gc.alloc.rate.norm":{"score":4000.0,"scoreError":1.0,"scoreUnit":"B/op"}}},
        {"benchmark":"io.tickguard.benchmarks.Rt.eightThreadsTickGuard","mode":"thrpt","threads":8,
         "primaryMetric":{"score":800.0,"scoreError":"NaN","scoreUnit":"ops/s"},"secondaryMetrics":{}},
        {"benchmark":"io.tickguard.benchmarks.Rt.eightThreadsRaw","mode":"thrpt","threads":8,
         "primaryMetric":{"score":1000.0,"scoreError":"NaN","scoreUnit":"ops/s"},"secondaryMetrics":{}},
        {"benchmark":"io.tickguard.benchmarks.Signers.ed25519","mode":"avgt","threads":1,
         "primaryMetric":{"score":70000.0,"scoreError":100.0,"scoreUnit":"ns/op"},"secondaryMetrics":{}}
      ]
      """;

  private final List<JmhResult> results = JmhResult.parseAll(JsonMapper.builder().build().readTree(JSON));

  @Test
  void sampleModeComparesMediansAndAllocations() {
    assertThat(MarkdownTable.render(results))
        .contains("| Rt.oneThreadTickGuard | sample | 1 | 120.0 | ± 4.000 | 110.0 | us/op | 5,000 | 1.10x | 1.25x |");
  }

  @Test
  void throughputRatioIsInvertedSoAboveOneAlwaysMeansSlower() {
    assertThat(MarkdownTable.render(results))
        .contains("| Rt.eightThreadsTickGuard | thrpt | 8 | 800.0 | n/a |  | ops/s |  | 1.25x |  |");
  }

  @Test
  void unpairedAndBaselineRowsHaveNoRatio() {
    assertThat(MarkdownTable.render(results))
        .contains("| Signers.ed25519 | avgt | 1 | 70,000 | ± 100.0 |  | ns/op |  |  |  |")
        .contains("| Rt.oneThreadRaw | sample | 1 | 115.0 | ± 3.000 | 100.0 | us/op | 4,000 |  |  |");
  }

  @Test
  void baselineFollowsItsTickGuardRow() {
    String table = MarkdownTable.render(results);
    assertThat(table.indexOf("Rt.oneThreadTickGuard")).isLessThan(table.indexOf("Rt.oneThreadRaw"));
  }
}
