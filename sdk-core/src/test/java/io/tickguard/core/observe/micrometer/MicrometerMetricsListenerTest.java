package io.tickguard.core.observe.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ProviderException;
import io.tickguard.core.observe.internal.DeprecationMonitor;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.core.testutil.Responses;
import io.tickguard.core.testutil.VirtualTime;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/** Metric values after a scripted run through the real pipeline. */
class MicrometerMetricsListenerTest {
  static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/api/v3/ticker/{symbol}")
      .path(io.tickguard.core.ParamSpec.required("symbol", io.tickguard.core.ParamSpec.SYMBOL, 20))
      .limits("REQUEST_WEIGHT").build();

  @Test
  void scriptedRunProducesAttemptsByTemplateAndStatusRetriesThrottleWaitAndCircuitState() throws Exception {
    VirtualTime time = VirtualTime.at("2024-05-01T12:00:59.500Z");
    MeterRegistry registry = new SimpleMeterRegistry();
    MicrometerMetricsListener metrics = new MicrometerMetricsListener(registry);
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      String host = server.url("/").host();
      StandardResiliencePolicy policy = StandardResiliencePolicy.builder().clock(time).sleeper(time)
          .slidingWindow(3, 3).failureRateThreshold(60).build();
      ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
          .clock(time).metrics(metrics).resilience(policy.bind(host, metrics))
          .throttle(InProcessThrottle.builder("t").clock(time).sleeper(time).edgeGuard(Duration.ZERO)
              .maxWait(Duration.ofSeconds(5)).limit(RateLimit.fixedWindow("REQUEST_WEIGHT", 2, Duration.ofMinutes(1)))
              .build())
          .build();
      server.enqueue(new MockResponse.Builder().code(503).addHeader("Content-Type", "application/json").body("{}").build());
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build());
      server.enqueue(new MockResponse.Builder().code(500).addHeader("Content-Type", "application/json").body("{}").build());
      try (ApiClient client = ApiClient.builder(config).build()) {
        client.execute(TICKER.request().path("symbol", "BTCUSDT").build(), r -> r.bodyText());
        assertThatThrownBy(() -> client.execute(TICKER.request().path("symbol", "ETHUSDT").build(), r -> r.bodyText()))
            .isInstanceOf(ProviderException.class);
      }

      assertThat(attempts(registry).tag("status", "503").tag("attempt", "first").timer().count()).isEqualTo(1);
      assertThat(attempts(registry).tag("status", "200").tag("attempt", "retry").tag("outcome", "SUCCESS").timer().count())
          .isEqualTo(1);
      // The third attempt waited for the next minute (limit 2 per minute).
      var wait = registry.find("tickguard.throttle.wait").tag("endpoint", "ticker").timer();
      assertThat(wait.count()).isEqualTo(3);
      assertThat(wait.max(TimeUnit.MILLISECONDS)).as("500 ms minus the first retry's backoff (<= 200 ms)")
          .isBetween(300.0, 500.0);
      // 503, 200, 500 in a window of 3 is 67% failures: the breaker opened, and the 500 was not retried.
      assertThat(registry.find("tickguard.circuit.state").tag("host", host).tag("state", "OPEN").gauge().value())
          .isEqualTo(1.0);
      assertThat(registry.find("tickguard.circuit.state").tag("host", host).tag("state", "CLOSED").gauge().value())
          .isEqualTo(0.0);
      assertThat(attempts(registry).tag("status", "500").timer().count()).isEqualTo(1);
    }

    DeprecationMonitor monitor = new DeprecationMonitor(metrics);
    for (int i = 0; i < 2; i++) {
      monitor.onResponse(TICKER.request().path("symbol", "BTCUSDT").build(),
          Responses.of(200, "Deprecation", "@1688169599", "Sunset", "Sun, 30 Jun 2024 23:59:59 GMT"));
    }
    metrics.onTokenRefresh(true);
    metrics.onTokenRefresh(false);
    metrics.onTokenRefresh(true);
    metrics.onPinFailure("api.example.com");
    assertThat(registry.find("tickguard.endpoint.deprecations").tag("sunset", "2024-06-30T23:59:59Z").counter().count())
        .isEqualTo(1);
    assertThat(registry.find("tickguard.token.refreshes").tag("result", "success").counter().count()).isEqualTo(2);
    assertThat(registry.find("tickguard.token.refreshes").tag("result", "failure").counter().count()).isEqualTo(1);
    assertThat(registry.find("tickguard.tls.pin.failures").tag("host", "api.example.com").counter().count()).isEqualTo(1);
  }

  /** A fresh search each time: Micrometer's Search accumulates tags. */
  private static io.micrometer.core.instrument.search.Search attempts(MeterRegistry registry) {
    return registry.find("tickguard.client.attempts").tag("uri", "/api/v3/ticker/{symbol}");
  }
}
