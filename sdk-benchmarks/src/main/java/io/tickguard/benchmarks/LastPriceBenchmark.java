package io.tickguard.benchmarks;

import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * Latency distribution (JMH sample time: the table shows the median) of the small public call,
 * {@code ticker/price}, over loopback TLS: TickGuard's {@code lastPrice} against hand-written OkHttp
 * + Jackson, with one caller and with eight concurrent callers.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LastPriceBenchmark {

  @Benchmark
  @Threads(1)
  public BigDecimal oneThreadTickGuard(LastPriceState state) {
    return state.callTickGuard();
  }

  @Benchmark
  @Threads(1)
  public BigDecimal oneThreadRaw(LastPriceState state) {
    return state.callRaw();
  }

  @Benchmark
  @Threads(8)
  public BigDecimal eightThreadsTickGuard(LastPriceState state) {
    return state.callTickGuard();
  }

  @Benchmark
  @Threads(8)
  public BigDecimal eightThreadsRaw(LastPriceState state) {
    return state.callRaw();
  }
}
