package io.tickguard.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.UsageHeader;
import io.tickguard.testkit.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

/**
 * Four client instances (each its own ApiClient, RedisThrottle and Redis connection) with four
 * threads each hammer a server that enforces one Binance-style REQUEST_WEIGHT limit per epoch-aligned
 * minute, answers 429 past it and reports its count in {@code X-MBX-USED-WEIGHT-1M}. Time is
 * virtual ({@link VirtualTime}): it moves only while every thread is parked in the throttle, so the
 * server's window is the window the throttle reserved, whatever the machine's load.
 */
class FleetThrottleHammerTest extends SharedRedisTest {
  static final long LIMIT = 6000;
  static final int INSTANCES = 4;
  static final int THREADS = 4;
  static final int CALLS = 140;
  /** Weights of Binance's spot endpoints (GET /api/v3/depth limit 100: 5; ticker/price one symbol: 2; 24hr all: 80). */
  static final Map<String, Integer> WEIGHTS = Map.of("/api/v3/depth", 5, "/api/v3/ticker/price", 2, "/api/v3/ticker/24hr", 80);


  static LimitPreset binanceStyle() {
    return new LimitPreset("hammer-spot",
        List.of(RateLimit.fixedWindow("REQUEST_WEIGHT", LIMIT, Duration.ofMinutes(1))),
        List.of(UsageHeader.used("X-MBX-USED-WEIGHT-1M", "REQUEST_WEIGHT/1m")),
        "Binance spot REQUEST_WEIGHT as GET /api/v3/exchangeInfo reports it: 6000 per MINUTE");
  }

  @Test
  void fourInstancesOfFourThreadsShareOneWeightLimitWithNo429AndAtLeast85PercentUsed() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    VirtualTime time = new VirtualTime(clock);
    ConcurrentHashMap<Long, AtomicLong> weightPerWindow = new ConcurrentHashMap<>();
    AtomicInteger tooMany = new AtomicInteger();
    List<Endpoint> endpoints = new ArrayList<>();
    WEIGHTS.forEach((path, weight) -> endpoints.add(
        Endpoint.builder(path, HttpMethod.GET, path).weight(weight).limits("REQUEST_WEIGHT").build()));
    endpoints.sort((a, b) -> a.name().compareTo(b.name()));

    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          long window = Math.floorDiv(clock.millis(), 60_000);
          int weight = WEIGHTS.get(request.getUrl().encodedPath());
          long used = weightPerWindow.computeIfAbsent(window, w -> new AtomicLong()).addAndGet(weight);
          if (used > LIMIT) {
            tooMany.incrementAndGet();
            return new MockResponse.Builder().code(429).addHeader("Retry-After", "10").build();
          }
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
              .addHeader("X-MBX-USED-WEIGHT-1M", Long.toString(used)).body("{}").build();
        }
      });
      server.start(InetAddress.getByName("127.0.0.1"), 0);

      List<RedisBackend> backends = new ArrayList<>();
      List<ApiClient> clients = new ArrayList<>();
      for (int i = 0; i < INSTANCES; i++) {
        RedisBackend backend = RedisBackend.connect(RedisSettings.builder("127.0.0.1", redis.port()).build());
        backends.add(backend);
        RedisThrottle throttle = RedisThrottle.builder(backend, binanceStyle())
            .clock(clock).sleeper(time).maxWait(Duration.ofMinutes(2)).build();
        // The throttle waits up to a (virtual) minute for the next window: the call's deadline, which
        // now bounds that wait too, must be longer than maxWait for maxWait to be the bound.
        ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
            .clock(clock).throttle(throttle).connectionPool(THREADS, Duration.ofMinutes(1))
            .callTimeout(Duration.ofMinutes(3)).build();
        clients.add(ApiClient.builder(config).build());
      }
      ExecutorService pool = Executors.newFixedThreadPool(INSTANCES * THREADS);
      try {
        List<Future<Long>> done = new ArrayList<>();
        for (int t = 0; t < INSTANCES * THREADS; t++) {
          ApiClient client = clients.get(t % INSTANCES);
          int thread = t;
          time.join();
          done.add(pool.submit(() -> {
            long weight = 0;
            try {
              for (int i = 0; i < CALLS; i++) {
                Endpoint e = endpoints.get((thread + i) % endpoints.size());
                if (client.execute(e.request().build(), r -> r.status()) == 200) {
                  weight += WEIGHTS.get(e.pathTemplate());
                }
              }
            } finally {
              time.leave();
            }
            return weight;
          }));
        }
        long sent = 0;
        for (Future<Long> f : done) {
          sent += f.get(90, TimeUnit.SECONDS);
        }
        long first = weightPerWindow.keySet().stream().mapToLong(Long::longValue).min().orElseThrow();
        long last = weightPerWindow.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
        long windows = last - first + 1;
        double used = (double) sent / (windows * LIMIT);
        System.out.printf("fleet hammer: weight %d over %d windows = %.3f of the limit; 429s %d%n",
            sent, windows, used, tooMany.get());
        assertThat(tooMany).hasValue(0);
        assertThat(weightPerWindow.values()).allSatisfy(w -> assertThat(w.get()).isLessThanOrEqualTo(LIMIT));
        assertThat(windows).isGreaterThanOrEqualTo(6);
        assertThat(used).isGreaterThanOrEqualTo(0.85);
      } finally {
        pool.shutdownNow();
        clients.forEach(ApiClient::close);
        backends.forEach(RedisBackend::close);
      }
    }
  }
}
