package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The "provider clock, open, bind" sequence that signing provider clients share. */
class ProviderClockTest {
  private static final Instant LOCAL = Instant.parse("2026-01-05T10:00:00Z");
  private static final Instant SERVER = LOCAL.plusSeconds(2);
  private static final Endpoint TIME = Endpoint.builder("time", HttpMethod.GET, "/time").build();

  private final MutableClock clock = new MutableClock(LOCAL);
  private MockWebServer server;
  private ClientConfig config;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).clock(clock).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ProviderClock providerClock() {
    return new ProviderClock(clock, TIME, r -> Instant.ofEpochMilli(r.json().get("serverTime").asLong()));
  }

  private ClientCore open(ProviderClock providerClock, boolean signing) {
    return providerClock.open(signing, "example", config, Optional.of(Throttle.unlimited()),
        ClientCoreTest.preset("example"), Duration.ofSeconds(5), api -> api);
  }

  @Test
  void signingClientSamplesTheProviderTimeThroughItsOwnPipeline() throws Exception {
    ProviderClock providerClock = providerClock();
    ClientCore core = open(providerClock, true);
    try {
      for (int i = 0; i < ProviderClock.SAMPLES_PER_SYNC; i++) {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
            .body("{\"serverTime\":" + SERVER.toEpochMilli() + "}").build());
      }
      providerClock.clock().resyncNow();

      assertThat(server.getRequestCount()).isEqualTo(ProviderClock.SAMPLES_PER_SYNC);
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/time");
      assertThat(providerClock.clock().offset()).isEqualTo(Duration.ofSeconds(2));
    } finally {
      core.close();
    }
  }

  @Test
  void publicClientLeavesTheClockUnbound() {
    ProviderClock providerClock = providerClock();
    ClientCore core = open(providerClock, false);
    try {
      assertThatThrownBy(() -> providerClock.clock().resyncNow())
          .hasStackTraceContaining("sampled before its client was bound");
      assertThat(server.getRequestCount()).isZero();
    } finally {
      core.close();
    }
  }
}
