package io.tickguard.crypto.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.security.KeyPermissionReport;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.MockApi;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.coinbase.CoinbaseKeys;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The key permission decoders read the providers' documented bodies (fixtures/README.md): Binance's
 * published {@code apiRestrictions} sample (portfolio-margin trading on, no IP restriction) is an
 * over-privileged key for a client that declared the default scopes.
 */
class KeyPermissionFixturesTest {
  private static final long DOC_TIMESTAMP = 1499827319559L; // time.json's serverTime

  private MockApi server;

  @BeforeEach
  void start() {
    server = new MockApi();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void binanceDocumentedApiRestrictionsSampleIsAnOverPrivilegedKey() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.json(200, Fixtures.json("binance/time.json"));
    }
    server.json(200, Fixtures.json("binance/apiRestrictions.json"));
    Clock docTime = Clock.fixed(Instant.ofEpochMilli(DOC_TIMESTAMP), ZoneOffset.UTC);
    try (BinanceClient client = BinanceClient.builder().config(server.config().newBuilder().clock(docTime).build())
        .throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac("fixture-key-0001", Secret.of("fixture-secret".toCharArray()))).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.OVER_PRIVILEGED);
      assertThat(report.granted()).containsExactlyInAnyOrder(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE);
      assertThat(report.ipRestricted()).contains(false);
      assertThat(report.findings()).extracting(KeyPermissionReport.Finding::code)
          .containsExactly("SCOPE_NOT_DECLARED", "NO_IP_RESTRICTION");
      assertThat(report.rawPermissions()).contains("ipRestrict=false", "enablePortfolioMarginTrading=true", "enableReading=true");
      assertThat(report.describe()).contains("OVER_PRIVILEGED").doesNotContain("fixture-secret");
    }
    for (int i = 0; i < 3; i++) {
      server.take();
    }
    RecordedRequest audit = server.take();
    assertThat(audit.getUrl().encodedPath()).isEqualTo("/sapi/v1/account/apiRestrictions");
    assertThat(audit.getUrl().queryParameter("timestamp")).isEqualTo(Long.toString(DOC_TIMESTAMP));
    assertThat(audit.getUrl().queryParameter("signature")).hasSize(64);
    assertThat(audit.getHeaders().get("X-MBX-APIKEY")).isEqualTo("fixture-key-0001");
  }

  @Test
  void coinbaseKeyPermissionsBodyMapsViewTradeTransferToScopes() throws Exception {
    for (int i = 0; i < 3; i++) {
      server.json(200, Fixtures.json("coinbase/time.handmade.json"));
    }
    server.json(200, Fixtures.json("coinbase/key_permissions.handmade.json"));
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    Secret pem = Secret.ofBytes(Pem.encode("PRIVATE KEY", g.generateKeyPair().getPrivate().getEncoded()));
    try (CoinbaseClient client = CoinbaseClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(CoinbaseKeys.cdp("organizations/org/apiKeys/key", pem)).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.granted()).containsExactlyInAnyOrder(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE);
      assertThat(report.ipRestricted()).isEmpty();
      assertThat(report.findings()).extracting(f -> f.scope().orElse(null)).containsExactly(Scope.TRADE);
    }
    for (int i = 0; i < 3; i++) {
      server.take();
    }
    RecordedRequest audit = server.take();
    assertThat(audit.getUrl().encodedPath()).isEqualTo("/api/v3/brokerage/key_permissions");
    assertThat(audit.getHeaders().get("Authorization")).startsWith("Bearer ");
  }
}
