package io.tickguard.market.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  private static final Endpoint PERMISSIONS = Endpoint.builder("keyPermissions", HttpMethod.GET, "/permissions").build();

  private ClientCore openAudited(ProviderClock providerClock, Optional<CredentialsProvider> keys, KeyAuditPolicy policy) {
    return providerClock.open(keys, "example", config, Optional.of(Throttle.unlimited()),
        ClientCoreTest.preset("example"), Duration.ofSeconds(5), api -> api,
        new KeyPermissionAudit.Check("Example", policy, PERMISSIONS.request().build(),
            r -> new GrantedPermissions(Set.of(), Optional.of(true), List.of())));
  }

  private static Optional<CredentialsProvider> key() {
    return Optional.of(CredentialsProvider.of(ApiCredentials.hmac("audit-key", Secret.of("c2VjcmV0".toCharArray()))));
  }

  @Test
  void aClientWithCredentialsIsAuditedOnceThroughItsOwnPipelineAndItsClockIsBound() throws Exception {
    ProviderClock providerClock = providerClock();
    server.enqueue(new MockResponse.Builder().body("{}").build());
    ClientCore core = openAudited(providerClock, key(), KeyAuditPolicy.REPORT);
    try {
      assertThat(server.getRequestCount()).isEqualTo(1);
      assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/permissions");
      assertThat(core.api().security().keyPermissionReport()).isPresent();
      assertThat(providerClock.bound()).contains(providerClock.clock());
    } finally {
      core.close();
    }
  }

  @Test
  void aClientWithoutCredentialsIsNeitherAuditedNorBound() {
    ProviderClock providerClock = providerClock();
    ClientCore core = openAudited(providerClock, Optional.empty(), KeyAuditPolicy.STRICT);
    try {
      assertThat(server.getRequestCount()).isZero();
      assertThat(providerClock.bound()).isEmpty();
    } finally {
      core.close();
    }
  }

  @Test
  void aStrictAuditThatFailsIsThrownTyped() {
    server.enqueue(new MockResponse.Builder().code(401).body("{}").build());

    assertThatThrownBy(() -> openAudited(providerClock(), key(), KeyAuditPolicy.STRICT))
        .isInstanceOf(AuthenticationException.class);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }
}
