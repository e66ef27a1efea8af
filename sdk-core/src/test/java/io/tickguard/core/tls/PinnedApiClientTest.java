package io.tickguard.core.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.observe.MetricsListener;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The whole pipeline over real TLS handshakes: pins, trust roots and their typed failures. */
class PinnedApiClientTest {
  private static final Endpoint TIME = Endpoint.builder("time", HttpMethod.GET, "/api/v3/time").build();

  private final TlsFixture pki = new TlsFixture();
  private final List<String> pinFailures = new CopyOnWriteArrayList<>();
  private MockWebServer server;

  @BeforeEach
  void start() throws IOException {
    server = new MockWebServer();
    server.useHttps(pki.serverSocketFactory());
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body("{\"serverTime\":1499827319559}").build());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private ApiClient client(TlsConfig tls) {
    MetricsListener metrics = new MetricsListener() {
      @Override
      public void onPinFailure(String host) {
        pinFailures.add(host);
      }
    };
    return ApiClient.builder(ClientConfig.builder(server.url("/").toString()).tls(tls).metrics(metrics).build()).build();
  }

  @Test
  void pinnedCallSucceedsOverTls() {
    String host = server.url("/").host();
    try (ApiClient api = client(pki.trustingRoot().pin(host, CertificatePinner.pin(pki.server.certificate())).build())) {
      assertThat(api.execute(TIME.request().build(), ApiResponse::json).get("serverTime").asLong()).isEqualTo(1499827319559L);
    }
  }

  @Test
  void wrongPinFailsTypedBeforeAnyRequestAndIsCounted() {
    String host = server.url("/").host();
    String attackerPin = CertificatePinner.pin(new HeldCertificate.Builder().commonName("attacker").build().certificate());
    try (ApiClient api = client(pki.trustingRoot().pin(host, attackerPin).build())) {
      assertThatThrownBy(() -> api.execute(TIME.request().build(), ApiResponse::json))
          .isInstanceOfSatisfying(CertificatePinningException.class, e -> {
            assertThat(e.presentedPins()).contains(CertificatePinner.pin(pki.server.certificate()));
            assertThat(e.host()).isEqualTo(host);
          });
    }
    assertThat(server.getRequestCount()).isZero();
    assertThat(pinFailures).containsExactly(host);
  }

  @Test
  void untrustedServerFailsWithTypedHandshakeException() {
    try (ApiClient api = client(TlsConfig.defaults())) {
      assertThatThrownBy(() -> api.execute(TIME.request().build(), ApiResponse::json))
          .isInstanceOfSatisfying(TlsHandshakeException.class,
              e -> assertThat(e.reason()).isEqualTo(TlsHandshakeException.Reason.CERTIFICATE_NOT_TRUSTED));
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
