package io.tickguard.crypto.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.security.Egress;
import io.tickguard.core.security.KeyPermissionReport;
import io.tickguard.core.security.KeyRestrictedException;
import io.tickguard.core.security.OverPrivilegedKeyException;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.coinbase.CoinbaseClient;
import io.tickguard.crypto.coinbase.CoinbaseKeys;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedRequest;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.coinbase.CoinbaseRoutes;
import io.tickguard.testkit.providers.ProviderSandbox;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up key permission audit against the sandbox's Binance {@code apiRestrictions} and
 * Coinbase {@code key_permissions}: an over-privileged key is reported once, refused under STRICT
 * before any other call, and a least-privilege key passes silently; the sandbox's own demo keys are
 * least-privilege and its named over-privileged keys are reported.
 */
class KeyPermissionAuditSandboxTest {
  private static final String KEY = "audit-hmac-key-0001";
  private static final String SECRET = "audit-hmac-secret-do-not-print";
  private static final String CDP_KEY = "organizations/0f3c/apiKeys/audit";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private SandboxServer sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private void binanceSandbox(ApiKey key) {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new BinanceRoutes()).apiKey(key).start();
  }

  private static ApiKey key(Scope... scopes) {
    return new ApiKey(KEY, SECRET.getBytes(StandardCharsets.UTF_8), EnumSet.copyOf(List.of(scopes)));
  }

  private BinanceClient.Builder binance() {
    return BinanceClient.builder()
        .config(sandbox.clientConfigBuilder().clock(clock)
            .security(SecurityOptions.builder().listener(events::add).build()).build())
        .credentials(ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray())));
  }

  private List<String> routesServed() {
    return sandbox.servedRequests().stream().map(ServedRequest::routeKey).toList();
  }

  @Test
  void binanceKeyThatCanTradeAndWithdrawIsReportedOnceAsOverPrivileged() {
    binanceSandbox(key(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE, Scope.WITHDRAW).allowOnlyFrom("127.0.0.1"));
    try (BinanceClient client = binance().build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.OVER_PRIVILEGED);
      assertThat(report.granted()).contains(Scope.TRADE, Scope.WITHDRAW);
      assertThat(report.findings()).extracting(f -> f.scope().orElse(null)).containsExactly(Scope.TRADE, Scope.WITHDRAW);
      assertThat(report.ipRestricted()).contains(true);
      assertThat(events).extracting(SecurityEvent::kind).containsExactly(SecurityEventKind.OVER_PRIVILEGED_KEY);
      assertThat(events.get(0).code()).isEqualTo("OVER_PRIVILEGED_KEY");
      client.balances();
      assertThat(events).hasSize(1); // reported once, not per call
    }
  }

  @Test
  void binanceKeyWithoutAnIpRestrictionIsReported() {
    binanceSandbox(key(Scope.MARKET_DATA, Scope.ACCOUNT_READ));
    try (BinanceClient client = binance().build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.OVER_PRIVILEGED);
      assertThat(report.findings()).extracting(KeyPermissionReport.Finding::code).containsExactly("NO_IP_RESTRICTION");
    }
  }

  @Test
  void binanceStrictPolicyRefusesAnOverPrivilegedKeyBeforeAnyOtherCall() {
    binanceSandbox(key(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.WITHDRAW).allowOnlyFrom("127.0.0.1"));
    assertThatThrownBy(() -> binance().keyPermissionAudit(KeyAuditPolicy.STRICT).build())
        .isInstanceOfSatisfying(OverPrivilegedKeyException.class, e -> {
          assertThat(e.code()).isEqualTo("OVER_PRIVILEGED_KEY");
          assertThat(e.getMessage()).startsWith("OVER_PRIVILEGED_KEY").contains("WITHDRAW").doesNotContain(SECRET);
          assertThat(e.report().findings()).extracting(f -> f.scope().orElse(null)).containsExactly(Scope.WITHDRAW);
        });
    // Only the clock sync samples and the audit itself reached Binance, the audit last.
    assertThat(routesServed()).filteredOn(r -> !r.equals("GET /api/v3/time"))
        .containsExactly("GET /sapi/v1/account/apiRestrictions");
    assertThat(routesServed()).last().isEqualTo("GET /sapi/v1/account/apiRestrictions");
  }

  @Test
  void binanceLeastPrivilegeKeyPassesSilentlyEvenUnderStrict() {
    binanceSandbox(key(Scope.MARKET_DATA, Scope.ACCOUNT_READ).allowOnlyFrom("127.0.0.1"));
    try (BinanceClient client = binance().keyPermissionAudit(KeyAuditPolicy.STRICT).build()) {
      assertThat(client.security().keyPermissionReport().orElseThrow().status())
          .isEqualTo(KeyPermissionReport.Status.LEAST_PRIVILEGE);
      assertThat(client.balances()).isNotEmpty();
      assertThat(events).isEmpty();
    }
  }

  @Test
  void auditOffMakesNoPermissionCall() {
    binanceSandbox(key(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.WITHDRAW));
    try (BinanceClient client = binance().keyPermissionAudit(KeyAuditPolicy.OFF).build()) {
      assertThat(client.security().keyPermissionReport()).isEmpty();
      assertThat(routesServed()).doesNotContain("GET /sapi/v1/account/apiRestrictions");
    }
  }

  // ---- Coinbase -----------------------------------------------------------------------------

  static KeyPair p256() { // also used by StreamSecurityEventsSandboxTest
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private CoinbaseClient.Builder coinbase(Scope... granted) {
    KeyPair pair = p256();
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false)
        .routes(new CoinbaseRoutes().cdpKey(CDP_KEY, pair.getPublic(), granted)).start();
    return CoinbaseClient.builder()
        .config(sandbox.clientConfigBuilder().clock(clock)
            .security(SecurityOptions.builder().listener(events::add).build()).build())
        .credentials(CoinbaseKeys.cdp(CDP_KEY, Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded()))));
  }

  @Test
  void coinbaseKeyThatCanTradeIsReportedAsOverPrivileged() {
    try (CoinbaseClient client = coinbase(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.OVER_PRIVILEGED);
      assertThat(report.findings()).extracting(f -> f.scope().orElse(null)).containsExactly(Scope.TRADE);
      assertThat(report.ipRestricted()).isEmpty(); // Coinbase does not report one
      assertThat(report.rawPermissions()).contains("can_trade=true", "can_transfer=false");
      assertThat(events).extracting(SecurityEvent::kind).containsExactly(SecurityEventKind.OVER_PRIVILEGED_KEY);
    }
  }

  @Test
  void coinbaseStrictPolicyRefusesATransferKeyBeforeAnyOtherCall() {
    CoinbaseClient.Builder builder = coinbase(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.WITHDRAW)
        .keyPermissionAudit(KeyAuditPolicy.STRICT);
    assertThatThrownBy(builder::build).isInstanceOfSatisfying(OverPrivilegedKeyException.class,
        e -> assertThat(e.report().findings()).extracting(f -> f.scope().orElse(null)).containsExactly(Scope.WITHDRAW));
    assertThat(routesServed()).filteredOn(r -> !r.equals("GET /api/v3/brokerage/time"))
        .containsExactly("GET /api/v3/brokerage/key_permissions");
    assertThat(routesServed()).last().isEqualTo("GET /api/v3/brokerage/key_permissions");
  }

  @Test
  void coinbaseLeastPrivilegeKeyPassesSilently() {
    try (CoinbaseClient client = coinbase(Scope.MARKET_DATA, Scope.ACCOUNT_READ)
        .keyPermissionAudit(KeyAuditPolicy.STRICT).build()) {
      assertThat(client.security().keyPermissionReport().orElseThrow().status())
          .isEqualTo(KeyPermissionReport.Status.LEAST_PRIVILEGE);
      assertThat(events).isEmpty();
      assertThat(Set.copyOf(client.security().keyPermissionReport().orElseThrow().granted()))
          .containsExactlyInAnyOrder(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    }
  }

  // ---- the sandbox's own demo keys -----------------------------------------------------------

  private BinanceClient.Builder binanceDemo(ApiCredentials credentials, Egress egress) {
    sandbox = ProviderSandbox.BINANCE.install(SandboxServer.builder().clock(clock)).start();
    return BinanceClient.builder()
        .config(sandbox.clientConfigBuilder().clock(clock).egress(egress)
            .security(SecurityOptions.builder().listener(events::add).build()).build())
        .credentials(credentials);
  }

  private CoinbaseClient.Builder coinbaseDemo(ApiCredentials credentials) {
    sandbox = ProviderSandbox.COINBASE.install(SandboxServer.builder().clock(clock)).start();
    return CoinbaseClient.builder()
        .config(sandbox.clientConfigBuilder().clock(clock).security(SecurityOptions.builder().listener(events::add).build()).build())
        .credentials(credentials);
  }

  @Test
  void binanceDemoKeyOfTheDefaultSandboxIsLeastPrivilegeReadOnlyAndIpRestricted() {
    try (BinanceClient client = binanceDemo(ProviderSandbox.BINANCE.demoCredentials(), Egress.direct())
        .keyPermissionAudit(KeyAuditPolicy.STRICT).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.LEAST_PRIVILEGE);
      assertThat(report.ipRestricted()).contains(true);
      assertThat(report.granted()).containsExactlyInAnyOrder(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
      assertThat(client.balances()).isNotEmpty();
      assertThat(events).isEmpty();
    }
  }

  @Test
  void binanceDemoKeyIsRefusedFromAnotherAddressThan127_0_0_1() {
    try (BinanceClient client = binanceDemo(ProviderSandbox.BINANCE.demoCredentials(), Egress.direct().bindTo("127.0.0.2"))
        .keyPermissionAudit(KeyAuditPolicy.OFF).build()) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(KeyRestrictedException.class,
          e -> assertThat(e.providerCode()).contains("-2015"));
    }
  }

  @Test
  void coinbaseDemoKeyOfTheDefaultSandboxIsLeastPrivilege() {
    try (CoinbaseClient client = coinbaseDemo(ProviderSandbox.COINBASE.demoCredentials())
        .keyPermissionAudit(KeyAuditPolicy.STRICT).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.LEAST_PRIVILEGE);
      assertThat(report.rawPermissions()).containsExactly("can_view=true", "can_trade=false", "can_transfer=false");
      assertThat(client.balances()).isNotEmpty();
      assertThat(events).isEmpty();
    }
  }

  @Test
  void sandboxsNamedOverPrivilegedKeysAreReportedForBinanceAndCoinbase() {
    ApiCredentials binanceKey = ApiCredentials.hmac(ProviderSandbox.BINANCE_OVER_PRIVILEGED_API_KEY,
        Secret.of(ProviderSandbox.BINANCE_OVER_PRIVILEGED_API_SECRET.toCharArray()));
    try (BinanceClient client = binanceDemo(binanceKey, Egress.direct()).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.findings()).extracting(KeyPermissionReport.Finding::code)
          .containsExactly("SCOPE_NOT_DECLARED", "SCOPE_NOT_DECLARED", "NO_IP_RESTRICTION");
      assertThat(report.findings()).extracting(f -> f.scope().orElse(null)).containsExactly(Scope.TRADE, Scope.WITHDRAW, null);
    }
    sandbox.close();
    events.clear();
    ApiCredentials coinbaseKey = CoinbaseKeys.cdp(ProviderSandbox.COINBASE_OVER_PRIVILEGED_KEY_NAME,
        Secret.of(ProviderSandbox.coinbasePrivateKeyPem()));
    assertThatThrownBy(() -> coinbaseDemo(coinbaseKey).keyPermissionAudit(KeyAuditPolicy.STRICT).build())
        .isInstanceOfSatisfying(OverPrivilegedKeyException.class, e -> assertThat(e.report().findings())
            .extracting(f -> f.scope().orElse(null)).containsExactly(Scope.TRADE, Scope.WITHDRAW));
    assertThat(events).extracting(SecurityEvent::kind).containsExactly(SecurityEventKind.OVER_PRIVILEGED_KEY);
  }
}
