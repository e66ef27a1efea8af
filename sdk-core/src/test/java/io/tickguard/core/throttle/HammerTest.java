package io.tickguard.core.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Real time is the point here: 8 threads x 500 calls through the real pipeline against a server that
 * enforces 100 requests per 200 ms window (epoch-aligned, like Binance) and answers 429 past it.
 * Expect no 429 and at least 90% of the client's budget used over the windows the run spans.
 *
 * <p>The client is configured with 95 per window, as a bot should keep headroom: a request granted
 * at the very end of a window can reach the server in the next one when its thread is descheduled
 * between grant and send. The edge guard covers 50 ms of such delay; the headroom absorbs the few
 * stragglers beyond it that a loaded 2-core machine produces (this test failed about once in ten
 * full builds without it).
 */
class HammerTest {
  static final int LIMIT = 100;
  static final int CLIENT_LIMIT = 95;
  static final long WINDOW_MS = 200;
  static final int THREADS = 8;
  static final int CALLS = 500;

  @Test
  void eightThreadsHammeringGetNo429AndUseAtLeastNinetyPercentOfTheBudget() throws Exception {
    ConcurrentHashMap<Long, AtomicInteger> perWindow = new ConcurrentHashMap<>();
    AtomicInteger tooMany = new AtomicInteger();
    AtomicLong firstWindow = new AtomicLong(Long.MAX_VALUE);
    AtomicLong lastWindow = new AtomicLong(Long.MIN_VALUE);
    try (MockWebServer server = new MockWebServer()) {
      server.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) {
          long window = Math.floorDiv(System.currentTimeMillis(), WINDOW_MS);
          firstWindow.accumulateAndGet(window, Math::min);
          lastWindow.accumulateAndGet(window, Math::max);
          if (perWindow.computeIfAbsent(window, w -> new AtomicInteger()).incrementAndGet() > LIMIT) {
            tooMany.incrementAndGet();
            return new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build();
          }
          return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build();
        }
      });
      server.setServerSocketFactory(new NoDelayServerSockets());
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      Endpoint ping = Endpoint.builder("ping", HttpMethod.GET, "/ping").limits("REQUEST_WEIGHT").build();
      Throttle throttle = InProcessThrottle.builder("hammer")
          .limit(RateLimit.fixedWindow("REQUEST_WEIGHT", CLIENT_LIMIT, Duration.ofMillis(WINDOW_MS)))
          .edgeGuard(Duration.ofMillis(50))
          .maxWait(Duration.ofSeconds(5))
          .build();
      ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
          .throttle(throttle).connectionPool(THREADS, Duration.ofMinutes(1)).build();
      try (ApiClient client = ApiClient.builder(config).build()) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        long start = System.nanoTime();
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          done.add(pool.submit(() -> {
            int ok = 0;
            for (int i = 0; i < CALLS; i++) {
              if (client.execute(ping.request().build(), r -> r.status()) == 200) {
                ok++;
              }
            }
            return ok;
          }));
        }
        int ok = 0;
        for (Future<Integer> f : done) {
          ok += f.get(60, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        long windows = lastWindow.get() - firstWindow.get() + 1;
        double budgetUsed = (double) ok / (windows * CLIENT_LIMIT);
        double rate = ok / seconds;
        double allowedRate = CLIENT_LIMIT * 1000.0 / WINDOW_MS;
        System.out.printf("hammer: %d calls in %.2f s = %.0f/s of %.0f/s allowed (%.3f); %d windows, budget used %.3f;"
            + " 429s %d%n", ok, seconds, rate, allowedRate, rate / allowedRate, windows, budgetUsed, tooMany.get());
        assertThat(tooMany).hasValue(0);
        assertThat(ok).isEqualTo(THREADS * CALLS);
        assertThat(budgetUsed).isGreaterThanOrEqualTo(0.9);
      }
    }
  }

  /**
   * MockWebServer writes headers and body separately; with Nagle's algorithm on, the body waits for
   * the client's delayed ACK (40 ms on Linux), capping 8 threads at about 180 calls/s whatever the
   * throttle does. Accepted sockets get TCP_NODELAY so the server is not the bottleneck measured.
   */
  static final class NoDelayServerSockets extends javax.net.ServerSocketFactory {
    @Override
    public java.net.ServerSocket createServerSocket() throws java.io.IOException {
      return new java.net.ServerSocket() {
        @Override
        public java.net.Socket accept() throws java.io.IOException {
          java.net.Socket socket = new java.net.Socket();
          implAccept(socket);
          socket.setTcpNoDelay(true);
          return socket;
        }
      };
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port) throws java.io.IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog) throws java.io.IOException {
      throw new UnsupportedOperationException();
    }

    @Override
    public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws java.io.IOException {
      throw new UnsupportedOperationException();
    }
  }
}
