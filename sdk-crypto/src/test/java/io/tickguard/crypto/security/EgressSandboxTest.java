package io.tickguard.crypto.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.security.Egress;
import io.tickguard.core.security.EgressException;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.security.KeyRestrictedException;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.crypto.kraken.KrakenClient;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.ConnectProxy;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedRequest;
import io.tickguard.testkit.binance.BinanceRoutes;
import io.tickguard.testkit.kraken.KrakenRoutes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fixed egress for IP allow-listed keys, on loopback: the sandbox key allows only 127.0.0.1; a client
 * bound to 127.0.0.2 is refused with the provider's own error as a {@link KeyRestrictedException};
 * through a CONNECT proxy whose upstream address is 127.0.0.1 the same call succeeds and the proxy
 * saw it; a failing proxy is an {@link EgressException}, never a direct connection.
 */
class EgressSandboxTest {
  private static final String KEY = "egress-hmac-key-0001";
  private static final String SECRET = "egress-hmac-secret-do-not-print";
  private static final String PROXY_USER = "bot";
  private static final String PROXY_PASSWORD = "proxy-password-do-not-print";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private SandboxServer sandbox;
  private ConnectProxy proxy;

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private void binanceSandbox() {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new BinanceRoutes())
        .apiKey(new ApiKey(KEY, SECRET.getBytes(StandardCharsets.UTF_8), Set.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ))
            .allowOnlyFrom("127.0.0.1"))
        .start();
  }

  private BinanceClient binance(Egress egress) {
    return BinanceClient.builder()
        .config(sandbox.clientConfigBuilder().clock(clock).egress(egress)
            .security(SecurityOptions.builder().listener(events::add).build()).build())
        .keyPermissionAudit(KeyAuditPolicy.OFF)
        .credentials(ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray())))
        .build();
  }

  private long accountCallsServed() {
    return sandbox.servedRequests().stream().filter(r -> r.routeKey().equals("GET /api/v3/account")).count();
  }

  @Test
  void clientBoundTo127_0_0_2IsRefusedByAKeyAllowingOnly127_0_0_1() {
    binanceSandbox();
    try (BinanceClient client = binance(Egress.direct().bindTo("127.0.0.2"))) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(KeyRestrictedException.class, e -> {
        assertThat(e.providerCode()).contains("-2015");
        assertThat(e.getMessage()).contains("IP allow-list").contains("local address 127.0.0.2")
            .doesNotContain(SECRET);
      });
      assertThat(sandbox.servedRequests()).extracting(ServedRequest::clientAddress).containsOnly("127.0.0.2");
      assertThat(events).extracting(SecurityEvent::kind).containsExactly(SecurityEventKind.CREDENTIAL_REJECTED);
      assertThat(events.get(0).code()).isEqualTo("-2015");
    }
  }

  @Test
  void theSameCallThroughAConnectProxySucceedsAndTheProxySawIt() throws Exception {
    binanceSandbox();
    proxy = ConnectProxy.startWithCredentials(PROXY_USER, PROXY_PASSWORD, "127.0.0.1");
    Egress egress = Egress.httpProxy("127.0.0.1", proxy.port())
        .withProxyCredentials(PROXY_USER, Secret.of(PROXY_PASSWORD.toCharArray()))
        .bindTo("127.0.0.2");
    try (BinanceClient client = binance(egress)) {
      assertThat(client.balances()).isNotEmpty();
    }
    String target = "127.0.0.1:" + sandbox.port();
    // OkHttp answers the proxy's Basic challenge preemptively: one accepted tunnel, from the bound address.
    assertThat(proxy.tunnels()).containsExactly(new ConnectProxy.Tunnel(target, "127.0.0.2", 200));
    assertThat(sandbox.servedRequests()).extracting(ServedRequest::clientAddress).containsOnly("127.0.0.1");
    assertThat(accountCallsServed()).isEqualTo(1);
    assertThat(egress.describe()).doesNotContain(PROXY_PASSWORD).contains("password ***");
  }

  @Test
  void aProxyThatIsDownIsAnEgressErrorNeverADirectConnection() throws Exception {
    binanceSandbox();
    ConnectProxy dead = ConnectProxy.start();
    int port = dead.port();
    dead.close();
    try (BinanceClient client = binance(Egress.httpProxy("127.0.0.1", port))) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(EgressException.class, e -> {
        assertThat(e.getMessage()).contains("HTTP CONNECT proxy 127.0.0.1:" + port).contains("Nothing was sent by another route");
        assertThat(e.outcomeUnknown()).isFalse();
      });
    }
    assertThat(sandbox.servedRequests()).isEmpty();
    assertThat(events).extracting(SecurityEvent::kind).contains(SecurityEventKind.EGRESS_FAILURE);
  }

  @Test
  void aProxyRefusingTheCredentialsIsAnEgressErrorAndNothingReachesTheProvider() throws Exception {
    binanceSandbox();
    proxy = ConnectProxy.startWithCredentials(PROXY_USER, "the-real-password", "127.0.0.1");
    Egress egress = Egress.httpProxy("127.0.0.1", proxy.port())
        .withProxyCredentials(PROXY_USER, Secret.of(PROXY_PASSWORD.toCharArray()));
    try (BinanceClient client = binance(egress)) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(EgressException.class,
          e -> assertThat(e.getMessage()).doesNotContain(PROXY_PASSWORD).doesNotContain("the-real-password"));
    }
    assertThat(sandbox.servedRequests()).isEmpty();
    assertThat(proxy.tunnels()).extracting(ConnectProxy.Tunnel::status).containsOnly(407);
  }

  @Test
  void krakenKeyAllowListRefusesAnotherSourceWithPermissionDenied() {
    String secret = Base64.getEncoder().encodeToString(
        "kraken egress test key material, sixty-four bytes of test data!".getBytes(StandardCharsets.US_ASCII));
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new KrakenRoutes())
        .apiKey(new ApiKey("kraken-egress-key", secret.getBytes(StandardCharsets.UTF_8),
            Set.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ)).allowOnlyFrom("127.0.0.1"))
        .start();
    try (KrakenClient kraken = KrakenClient.builder()
        .config(sandbox.clientConfigBuilder().clock(clock).egress(Egress.direct().bindTo("127.0.0.2")).build())
        .throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac("kraken-egress-key", Secret.of(secret.toCharArray()))).build()) {
      assertThatThrownBy(kraken::balances).isInstanceOfSatisfying(KeyRestrictedException.class, e -> {
        assertThat(e.providerCode()).contains("EGeneral:Permission denied");
        assertThat(e.getMessage()).contains("local address 127.0.0.2");
      });
    }
    try (KrakenClient kraken = KrakenClient.builder()
        .config(sandbox.clientConfigBuilder().clock(clock).egress(Egress.direct().bindTo("127.0.0.1")).build())
        .throttle(Throttle.unlimited())
        .credentials(ApiCredentials.hmac("kraken-egress-key", Secret.of(secret.toCharArray()))).build()) {
      assertThat(kraken.balances()).isNotEmpty();
    }
  }
}
