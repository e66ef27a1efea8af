package io.tickguard.benchmarks;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.throttle.ThrottleMode;
import io.tickguard.redis.RedisBackend;
import io.tickguard.redis.RedisSettings;
import io.tickguard.redis.RedisThrottle;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Acquire latency of the fleet throttle: one Lua script round trip to a redis-server on 127.0.0.1
 * (started by the benchmark; needs the {@code redis-server} binary), against the in-process throttle
 * with the same Binance-style preset, each in burst and in paced mode. The limits are never reached,
 * so no call waits: this is the price of sharing the budget (and of pacing it), per call.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RedisThrottleBenchmark {
  private static final Endpoint DEPTH = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth")
      .weight(5).limits("REQUEST_WEIGHT").build();
  private static final ApiRequest REQUEST = DEPTH.request().build();

  /** A redis-server, one connection and the two throttles, shared by the benchmark threads. */
  @State(Scope.Benchmark)
  public static class Redis {
    /**
     * Both throttles in both modes: the paced one also writes each window's next slot on every
     * grant; with these limits the slots are never in the future, so this is the per-call price of
     * pacing, not a wait.
     */
    @Param({"BURST", "PACED"})
    public ThrottleMode mode;

    Process server;
    RedisBackend backend;
    Throttle redis;
    Throttle local;

    @Setup(Level.Trial)
    public void start() throws Exception {
      int port;
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
        port = s.getLocalPort();
      }
      Path dir = Files.createTempDirectory("bench-redis");
      server = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
          "--save", "", "--appendonly", "no", "--dir", dir.toString()).redirectErrorStream(true)
          .redirectOutput(dir.resolve("redis.log").toFile()).start();
      backend = connectWhenUp(port);
      // Limits far above what the benchmark can spend: acquire never waits.
      LimitPreset preset = new LimitPreset("bench-spot",
          List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", Long.MAX_VALUE / 4, Duration.ofMinutes(1)),
              RateLimit.fixedWindow("RAW_REQUESTS", Long.MAX_VALUE / 4, Duration.ofMinutes(5)).countingRequests().forEveryRequest()),
          List.of(), "benchmark");
      redis = RedisThrottle.builder(backend, preset).mode(mode).build();
      local = InProcessThrottle.builder(preset).mode(mode).build();
    }

    private static RedisBackend connectWhenUp(int port) throws InterruptedException, IOException {
      for (int attempt = 0; ; attempt++) {
        try {
          return RedisBackend.connect(RedisSettings.builder("127.0.0.1", port).build());
        } catch (RuntimeException notYet) {
          if (attempt == 100) {
            throw new IOException("redis-server did not start on " + port + "; is it installed (apt-get install redis-server)?", notYet);
          }
          Thread.sleep(100);
        }
      }
    }

    @TearDown(Level.Trial)
    public void stop() {
      backend.close();
      server.destroyForcibly();
    }
  }

  /** One caller through Redis. */
  @Benchmark
  @Threads(1)
  public Duration redisAcquireOneThread(Redis r) {
    return r.redis.acquire(REQUEST);
  }

  /** Eight callers sharing one Redis connection (Lettuce pipelines their scripts). */
  @Benchmark
  @Threads(8)
  public Duration redisAcquireEightThreads(Redis r) {
    return r.redis.acquire(REQUEST);
  }

  /** The in-process throttle with the same preset, one caller. */
  @Benchmark
  @Threads(1)
  public Duration inProcessAcquireOneThread(Redis r) {
    return r.local.acquire(REQUEST);
  }
}
