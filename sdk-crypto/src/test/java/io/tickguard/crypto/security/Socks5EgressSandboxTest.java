package io.tickguard.crypto.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.security.Egress;
import io.tickguard.core.security.EgressException;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventKind;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.crypto.binance.BinanceClient;
import io.tickguard.testkit.ApiKey;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.ServedRequest;
import io.tickguard.testkit.Socks5Proxy;
import io.tickguard.testkit.binance.BinanceRoutes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SOCKS5 egress against the sandbox, through the testkit's loopback {@link Socks5Proxy}: per-client
 * username/password, the host name resolved by the proxy, the local bind address honoured, and
 * every proxy failure an {@link EgressException} with zero requests at the sandbox.
 */
class Socks5EgressSandboxTest {
  private static final String KEY = "socks-hmac-key-0001";
  private static final String SECRET = "socks-hmac-secret-do-not-print";
  private static final String PROXY_USER = "bot";
  private static final String PROXY_PASSWORD = "socks-password-do-not-print";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private SandboxServer sandbox;
  private Socks5Proxy proxy;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(new BinanceRoutes())
        .apiKey(new ApiKey(KEY, SECRET.getBytes(StandardCharsets.UTF_8), Set.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ))
            .allowOnlyFrom("127.0.0.1"))
        .start();
  }

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.close();
    }
    sandbox.close();
  }

  private BinanceClient binance(Egress egress, String baseUrl) {
    return BinanceClient.builder()
        .config(sandbox.clientConfigBuilder().baseUrl(baseUrl).clock(clock).egress(egress)
            .security(SecurityOptions.builder().listener(events::add).build()).build())
        .keyPermissionAudit(KeyAuditPolicy.OFF)
        .credentials(ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray())))
        .build();
  }

  private Egress socks(String password) {
    return Egress.socks5("127.0.0.1", proxy.port()).withProxyCredentials(PROXY_USER, Secret.of(password.toCharArray()));
  }

  @Test
  void throughSocks5TheCallSucceedsAndTheProxyResolvedTheHostName() throws Exception {
    proxy = Socks5Proxy.startWithCredentials(PROXY_USER, PROXY_PASSWORD, "127.0.0.1");
    // "localhost", not the literal: the name must reach the proxy (address type 3), unresolved.
    try (BinanceClient client = binance(socks(PROXY_PASSWORD), "https://localhost:" + sandbox.port() + "/")) {
      assertThat(client.balances()).isNotEmpty();
    }
    assertThat(proxy.requests()).containsExactly(
        new Socks5Proxy.Request("localhost:" + sandbox.port(), 3, "127.0.0.1", PROXY_USER, "tunnel"));
    assertThat(sandbox.servedRequests()).extracting(ServedRequest::routeKey).contains("GET /api/v3/account");
    assertThat(events).isEmpty();
  }

  @Test
  void anIpLiteralTargetGoesToTheProxyAsAnIpv4Address() throws Exception {
    proxy = Socks5Proxy.start();
    try (BinanceClient client = binance(Egress.socks5("127.0.0.1", proxy.port()), sandbox.baseUrl())) {
      assertThat(client.balances()).isNotEmpty();
    }
    assertThat(proxy.requests()).containsExactly(
        new Socks5Proxy.Request("127.0.0.1:" + sandbox.port(), 1, "127.0.0.1", "", "tunnel"));
  }

  @Test
  void theBindAddressIsHonouredThroughSocks5AndTheProviderSeesTheProxysAddress() throws Exception {
    proxy = Socks5Proxy.startWithCredentials(PROXY_USER, PROXY_PASSWORD, "127.0.0.1");
    try (BinanceClient client = binance(socks(PROXY_PASSWORD).bindTo("127.0.0.2"), sandbox.baseUrl())) {
      assertThat(client.balances()).isNotEmpty();
    }
    // The key allows only 127.0.0.1: it passed because the proxy, not the bound client, reached it.
    assertThat(proxy.requests()).extracting(Socks5Proxy.Request::client).containsExactly("127.0.0.2");
    assertThat(sandbox.servedRequests()).extracting(ServedRequest::clientAddress).containsOnly("127.0.0.1");
  }

  @Test
  void wrongProxyCredentialsAreAnEgressErrorAndNothingReachesTheSandbox() throws Exception {
    proxy = Socks5Proxy.startWithCredentials(PROXY_USER, "the-real-password", "127.0.0.1");
    try (BinanceClient client = binance(socks(PROXY_PASSWORD), sandbox.baseUrl())) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(EgressException.class, e -> {
        assertThat(e.getMessage()).contains("SOCKS5 proxy 127.0.0.1:" + proxy.port())
            .contains("refused the credentials of proxy user 'bot'").contains("Nothing was sent by another route")
            .doesNotContain(PROXY_PASSWORD).doesNotContain("the-real-password");
        assertThat(e.outcomeUnknown()).isFalse();
      });
    }
    assertThat(sandbox.servedRequests()).isEmpty();
    assertThat(proxy.requests()).extracting(Socks5Proxy.Request::outcome).containsOnly("bad-credentials");
    assertThat(events).extracting(SecurityEvent::kind).contains(SecurityEventKind.EGRESS_FAILURE);
    assertThat(events.toString()).doesNotContain(PROXY_PASSWORD);
  }

  @Test
  void aProxyDemandingCredentialsRefusesAClientWithoutThem() throws Exception {
    proxy = Socks5Proxy.startWithCredentials(PROXY_USER, PROXY_PASSWORD, "127.0.0.1");
    try (BinanceClient client = binance(Egress.socks5("127.0.0.1", proxy.port()), sandbox.baseUrl())) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(EgressException.class,
          e -> assertThat(e.getMessage()).contains("accepts none of the offered authentication methods"));
    }
    assertThat(sandbox.servedRequests()).isEmpty();
    assertThat(proxy.requests()).extracting(Socks5Proxy.Request::outcome).containsOnly("no-acceptable-method");
  }

  @Test
  void aSocks5ProxyThatIsDownIsAnEgressErrorNeverADirectConnection() throws Exception {
    Socks5Proxy dead = Socks5Proxy.start();
    int port = dead.port();
    dead.close();
    try (BinanceClient client = binance(Egress.socks5("127.0.0.1", port), sandbox.baseUrl())) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(EgressException.class, e ->
          assertThat(e.getMessage()).contains("SOCKS5 proxy 127.0.0.1:" + port).contains("cannot be reached"));
    }
    assertThat(sandbox.servedRequests()).isEmpty();
    assertThat(events).extracting(SecurityEvent::kind).contains(SecurityEventKind.EGRESS_FAILURE);
  }
}
