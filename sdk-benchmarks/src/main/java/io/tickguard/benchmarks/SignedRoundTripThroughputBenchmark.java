package io.tickguard.benchmarks;

import io.tickguard.benchmarks.fixture.BookTicker;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput (calls per second) of one signed call over loopback TLS, TickGuard against raw
 * OkHttp, with one caller and with eight concurrent callers sharing one client.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignedRoundTripThroughputBenchmark {

  @Benchmark
  @Threads(1)
  public BookTicker oneThreadTickGuard(SignedRoundTripState state) {
    return state.callTickGuard();
  }

  @Benchmark
  @Threads(1)
  public BookTicker oneThreadRaw(SignedRoundTripState state) {
    return state.callRaw();
  }

  @Benchmark
  @Threads(8)
  public BookTicker eightThreadsTickGuard(SignedRoundTripState state) {
    return state.callTickGuard();
  }

  @Benchmark
  @Threads(8)
  public BookTicker eightThreadsRaw(SignedRoundTripState state) {
    return state.callRaw();
  }
}
