package io.tickguard.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Both sides of the eight-thread HMAC benchmark must sign the same text into the same signature. */
class HmacThreadsBenchmarkTest {

  @Test
  void tickGuardSignerAndHandWrittenMacAgree() throws Exception {
    HmacThreadsBenchmark.Shared shared = new HmacThreadsBenchmark.Shared();
    shared.prepare();
    HmacThreadsBenchmark.OwnMac own = new HmacThreadsBenchmark.OwnMac();
    own.prepare();
    HmacThreadsBenchmark benchmark = new HmacThreadsBenchmark();

    String raw = benchmark.eightThreadsRaw(shared, own);
    assertThat(benchmark.eightThreadsTickGuard(shared).value()).isEqualTo(raw);
    assertThat(benchmark.eightThreadsRaw(shared, own)).isEqualTo(raw); // the reused Mac starts clean
  }
}
