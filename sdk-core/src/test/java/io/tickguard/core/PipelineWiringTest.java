package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stages built separately are wired into ApiClient: breaker per host, deprecation, observers. */
class PipelineWiringTest {
  private static final Endpoint TIME = Endpoint.builder("time", HttpMethod.GET, "/api/v3/time").build();

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final MetricsListener metrics = new MetricsListener() {
    @Override
    public void onCircuitStateChange(String host, String state) {
      events.add("circuit " + host + " " + state);
    }

    @Override
    public void onDeprecation(String endpoint, String deprecation, String sunset, String link) {
      events.add("deprecated " + endpoint + " sunset=" + sunset);
    }
  };
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ClientConfig.Builder config() {
    return ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).metrics(metrics);
  }

  private static MockResponse ok() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("{}").build();
  }

  @Test
  void breakerIsBoundToTheClientsHostAndReportsToItsListener() {
    StandardResiliencePolicy policy = StandardResiliencePolicy.builder().maxAttempts(1)
        .failureRateThreshold(50).slidingWindow(2, 2).openState(Duration.ofMinutes(1), 1).build();
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(503).build());
    }
    try (ApiClient api = ApiClient.builder(config().resilience(policy).build()).build()) {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> api.execute(TIME.request().build(), ApiResponse::json)).isInstanceOf(ProviderException.class);
      }
      assertThatThrownBy(() -> api.execute(TIME.request().build(), ApiResponse::json))
          .isInstanceOfSatisfying(CircuitOpenException.class, e -> assertThat(e.host()).isEqualTo("localhost"));
    }
    assertThat(events).containsExactly("circuit localhost OPEN");
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void deprecationHeadersWarnOncePerEndpointThroughTheClient() {
    for (int i = 0; i < 2; i++) {
      server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .addHeader("Deprecation", "@1735689600").addHeader("Sunset", "Wed, 01 Jul 2026 00:00:00 GMT").body("{}").build());
    }
    try (ApiClient api = ApiClient.builder(config().build()).build()) {
      api.execute(TIME.request().build(), ApiResponse::json);
      api.execute(TIME.request().build(), ApiResponse::json);
    }
    assertThat(events).hasSize(1);
    assertThat(events.get(0)).startsWith("deprecated time sunset=2026-07-01");
  }

  @Test
  void customResponseObserverSeesEveryResponseAlongsideDeprecation() {
    server.enqueue(ok());
    server.enqueue(ok());
    List<String> dates = new CopyOnWriteArrayList<>();
    try (ApiClient api = ApiClient.builder(config().build())
        .responseObserver((request, response) -> dates.add(request.endpoint().name() + " " + response.code()))
        .build()) {
      api.execute(TIME.request().build(), ApiResponse::json);
      api.execute(TIME.request().build(), ApiResponse::json);
    }
    assertThat(dates).containsExactly("time 200", "time 200");
  }
}
