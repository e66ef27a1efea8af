package io.tickguard.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.testutil.LoopbackTls;
import io.tickguard.core.time.MutableClock;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scripted faults raise exactly the expected security events and alerts, on virtual time against a
 * loopback server: a burst of rejected signatures (and the kill switch it engages, which then sends
 * nothing), an impostor certificate, a reused refresh token, 429 and 418; and the key-restriction codes a
 * provider client registers (core knows none).
 */
class SecurityMonitoringTest {
  static final Endpoint PRICE = Endpoint.builder("price", HttpMethod.GET, "/api/v3/price")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).weight(2).limits("REQUEST_WEIGHT").build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private final List<SecurityEvent> events = new CopyOnWriteArrayList<>();
  private MockWebServer server;
  private ApiClient client;

  @AfterEach
  void stop() {
    if (client != null) {
      client.close();
    }
    if (server != null) {
      server.close();
    }
  }

  private ApiClient plainClient(AnomalyPolicy policy) throws Exception {
    return client(policy, b -> b);
  }

  private ApiClient client(AnomalyPolicy policy, UnaryOperator<ApiClient.Builder> wiring) throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    client = wiring.apply(ApiClient.builder(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .clock(clock).resilience(ResiliencePolicy.none()) // each scripted answer is one attempt: no default retries
        .security(SecurityOptions.builder().listener(events::add).anomalyPolicy(policy).build()).build())).build();
    return client;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private String call() {
    ApiRequest request = PRICE.request().query("symbol", "BTCUSDT").build();
    return client.execute(request, r -> r.bodyText());
  }

  private List<SecurityEventKind> kinds() {
    return events.stream().map(SecurityEvent::kind).toList();
  }

  @Test
  void aBurstOfRejectedSignaturesRaisesOneAlertAndTheKillSwitchThenSendsNothing() throws Exception {
    plainClient(AnomalyPolicy.builder().killSwitchOn(SecurityEventKind.CREDENTIAL_REJECTED).build());
    for (int i = 0; i < 3; i++) {
      server.enqueue(json(401, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}"));
      assertThatThrownBy(this::call).isInstanceOf(AuthenticationException.class);
      clock.advance(Duration.ofSeconds(10));
    }
    assertThat(kinds()).containsExactly(SecurityEventKind.CREDENTIAL_REJECTED, SecurityEventKind.CREDENTIAL_REJECTED,
        SecurityEventKind.CREDENTIAL_REJECTED, SecurityEventKind.ANOMALY, SecurityEventKind.KILL_SWITCH_ENGAGED);
    assertThat(events.get(3).cause()).isEqualTo(SecurityEventKind.CREDENTIAL_REJECTED);
    assertThat(client.killSwitch().engaged()).isTrue();

    server.enqueue(json(200, "{}"));
    assertThatThrownBy(this::call).isInstanceOfSatisfying(KillSwitchEngagedException.class,
        e -> assertThat(e.engagement().cause()).isEqualTo(SecurityEventKind.CREDENTIAL_REJECTED));
    assertThat(server.getRequestCount()).isEqualTo(3); // the fourth call sent nothing

    client.killSwitch().reset();
    assertThat(call()).isEqualTo("{}");
    assertThat(server.getRequestCount()).isEqualTo(4);
  }

  @Test
  void rejectionsSpreadBeyondTheWindowRaiseNoAlertAndDefaultsNeverEngageTheKillSwitch() throws Exception {
    plainClient(AnomalyPolicy.defaults());
    for (int i = 0; i < 4; i++) {
      server.enqueue(json(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}"));
      assertThatThrownBy(this::call).isInstanceOf(AuthenticationException.class);
      clock.advance(Duration.ofSeconds(31)); // at most two within any minute
    }
    assertThat(kinds()).containsOnly(SecurityEventKind.CREDENTIAL_REJECTED).hasSize(4);
    assertThat(client.killSwitch().engaged()).isFalse();
  }

  @Test
  void status429And418AreRateLimitAndBanEvents() throws Exception {
    plainClient(AnomalyPolicy.defaults());
    server.enqueue(json(429, "{}").newBuilder().addHeader("Retry-After", "1").build());
    assertThatThrownBy(this::call).isInstanceOf(RateLimitedException.class);
    server.enqueue(json(418, "{}").newBuilder().addHeader("Retry-After", "120").build());
    assertThatThrownBy(this::call).isInstanceOf(RateLimitedException.class);
    assertThat(kinds()).containsExactly(SecurityEventKind.RATE_LIMITED, SecurityEventKind.IP_BANNED);
  }

  @Test
  void anImpostorCertificateRaisesAPinMismatchAlertAtOnce() throws Exception {
    LoopbackTls tls = new LoopbackTls();
    LoopbackTls impostor = new LoopbackTls(); // another root and server key: what a MITM would present
    server = impostor.startServer();
    String url = server.url("/").toString().replace("localhost", "127.0.0.1");
    client = ApiClient.builder(ClientConfig.builder(url).clock(clock)
        .tls(impostor.trustingRoot().pin("127.0.0.1", tls.serverPin()).build())
        .security(SecurityOptions.builder().listener(events::add)
            .anomalyPolicy(AnomalyPolicy.builder().killSwitchOn(SecurityEventKind.PIN_MISMATCH).build()).build())
        .build()).build();
    assertThatThrownBy(this::call).isInstanceOf(CertificatePinningException.class);
    assertThat(kinds()).containsExactly(SecurityEventKind.PIN_MISMATCH, SecurityEventKind.ANOMALY,
        SecurityEventKind.KILL_SWITCH_ENGAGED);
    assertThat(server.getRequestCount()).isZero();
    assertThatThrownBy(this::call).isInstanceOf(KillSwitchEngagedException.class);
  }

  @Test
  void aReusedRefreshTokenRaisesAnAlert() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    SecurityMonitor monitor = SecurityMonitor.create(SecurityOptions.builder().listener(events::add).build(), clock);
    TokenEndpointClient endpoint = TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "bot")
        .clientSecret(Secret.ofBytes("client-secret".getBytes(StandardCharsets.UTF_8))).clock(clock)
        .allowPlaintextLoopback(true).build();
    TokenManager tokens = TokenManager.builder(endpoint)
        .store(new InMemoryTokenStore(Secret.ofBytes("rt-1".getBytes(StandardCharsets.UTF_8))))
        .clock(clock).refreshMargin(Duration.ofSeconds(30)).jitter(m -> 0).maxWait(Duration.ofSeconds(10))
        .securityEvents(monitor).build();
    server.enqueue(json(200, "{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"rt-2\"}"));
    tokens.token();
    clock.advance(Duration.ofSeconds(300));
    // Someone else already spent rt-2: the server revoked the session.
    server.enqueue(json(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token reused\"}"));
    assertThatThrownBy(tokens::token).isInstanceOf(AuthenticationException.class);
    assertThat(kinds()).containsExactly(SecurityEventKind.REFRESH_TOKEN_REUSE, SecurityEventKind.ANOMALY);
    assertThat(events.get(0).code()).isEqualTo("invalid_grant");
    assertThat(events).allSatisfy(e -> assertThat(e.toString()).doesNotContain("rt-1", "rt-2", "at-1", "client-secret"));
  }

  @Test
  void aFirstRefreshFailureIsARefreshFailureNotAReuse() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    TokenEndpointClient endpoint = TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "bot")
        .clientSecret(Secret.ofBytes("client-secret".getBytes(StandardCharsets.UTF_8))).clock(clock)
        .allowPlaintextLoopback(true).build();
    TokenManager tokens = TokenManager.builder(endpoint)
        .store(new InMemoryTokenStore(Secret.ofBytes("rt-1".getBytes(StandardCharsets.UTF_8))))
        .clock(clock).securityEvents(events::add).build();
    server.enqueue(json(400, "{\"error\":\"invalid_grant\"}"));
    assertThatThrownBy(tokens::token).isInstanceOf(AuthenticationException.class);
    assertThat(kinds()).containsExactly(SecurityEventKind.TOKEN_REFRESH_FAILED);
  }

  @Test
  void usageCountsCallsAndWeightPerEndpointAndLimitWindow() throws Exception {
    plainClient(AnomalyPolicy.defaults());
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    server.enqueue(json(500, "{}"));
    call();
    call();
    assertThatThrownBy(this::call).isInstanceOf(io.tickguard.core.TickGuardException.class);
    UsageSnapshot usage = client.usage();
    assertThat(usage.endpoints()).containsEntry("price", new UsageSnapshot.EndpointUsage(3, 6, 1));
    assertThat(usage.windowWeights()).containsEntry("REQUEST_WEIGHT", 6L);
    assertThat(usage.credentials()).isEmpty(); // anonymous calls
    assertThat(usage.totalCalls()).isEqualTo(3);
  }

  @Test
  void aJumpOfTheProviderClockOffsetIsAClockSkewEvent() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    io.tickguard.core.time.ServerClock providerClock = io.tickguard.core.time.ServerClock.builder(clock).build();
    client = ApiClient.builder(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).clock(clock)
        .resilience(ResiliencePolicy.none()) // each scripted answer is one attempt: no default retries
        .security(SecurityOptions.builder().listener(events::add).build()).build())
        .serverClock(providerClock).build();
    java.time.format.DateTimeFormatter http = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME;
    server.enqueue(json(200, "{}").newBuilder().setHeader("Date", http.format(clock.instant().atOffset(java.time.ZoneOffset.UTC))).build());
    server.enqueue(json(200, "{}").newBuilder().setHeader("Date", http.format(clock.instant().plusSeconds(1).atOffset(java.time.ZoneOffset.UTC))).build());
    server.enqueue(json(200, "{}").newBuilder().setHeader("Date", http.format(clock.instant().plusSeconds(30).atOffset(java.time.ZoneOffset.UTC))).build());
    call();
    call(); // within the 2 s a one-second Date header can wobble: no event
    assertThat(events).isEmpty();
    call();
    assertThat(kinds()).containsExactly(SecurityEventKind.CLOCK_SKEW);
    assertThat(events.get(0).detail()).contains("jumped");
  }

  @Test
  void usagePerTokenNamesAHashOfTheTokenNeverTheToken() throws Exception {
    server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    TokenEndpointClient endpoint = TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "bot")
        .clientSecret(Secret.ofBytes("client-secret".getBytes(StandardCharsets.UTF_8))).clock(clock)
        .allowPlaintextLoopback(true).build();
    TokenManager tokens = TokenManager.builder(endpoint).clock(clock).build();
    io.tickguard.core.token.BearerAuthenticator bearer =
        new io.tickguard.core.token.BearerAuthenticator(tokens, java.util.Set.of(io.tickguard.core.auth.Scope.ACCOUNT_READ));
    client = ApiClient.builder(ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).clock(clock)
        .resilience(ResiliencePolicy.none()) // each scripted answer is one attempt: no default retries
        .security(SecurityOptions.builder().listener(events::add).build()).build()).authenticator(bearer).build();
    Endpoint balances = Endpoint.builder("balances", HttpMethod.GET, "/v1/balances")
        .scope(io.tickguard.core.auth.Scope.ACCOUNT_READ).auth(io.tickguard.core.auth.AuthMode.BEARER).build();
    server.enqueue(json(200, "{\"access_token\":\"secret-access-token-1\",\"token_type\":\"Bearer\",\"expires_in\":300}"));
    server.enqueue(json(200, "{}"));
    server.enqueue(json(200, "{}"));
    client.execute(balances.request().build(), r -> r.bodyText());
    client.execute(balances.request().build(), r -> r.bodyText());
    assertThat(client.usage().credentials()).hasSize(1).allSatisfy((id, calls) -> {
      assertThat(id).matches("token:sha256:[0-9a-f]{12}").doesNotContain("secret-access-token-1");
      assertThat(calls).isEqualTo(2L);
    });
  }

  /** A 400 refusal carrying provider code {@code code}. */
  private static MockResponse refusal(String code) {
    return json(400, "{\"code\":" + code + ",\"msg\":\"Key not allowed from this address.\"}");
  }

  @Test
  void aCodeTheProviderClientRegisteredIsAKeyRestrictionNamingTheEgressAndACredentialEvent() throws Exception {
    client(AnomalyPolicy.defaults(), b -> b.keyRestrictionCodes("-4242"::equals));
    server.enqueue(refusal("-4242"));

    assertThatThrownBy(this::call).isInstanceOfSatisfying(KeyRestrictedException.class, e -> {
      assertThat(e.providerCode()).contains("-4242");
      assertThat(e.egress()).isNotBlank();
      assertThat(e).hasMessageContaining("allow-list");
    });
    assertThat(kinds()).containsExactly(SecurityEventKind.CREDENTIAL_REJECTED);
  }

  @Test
  void registeredKeyRestrictionCodesAddUp() throws Exception {
    client(AnomalyPolicy.defaults(), b -> b.keyRestrictionCodes("-1"::equals).keyRestrictionCodes("-2"::equals));
    server.enqueue(refusal("-2"));

    assertThatThrownBy(this::call).isInstanceOf(KeyRestrictedException.class);
  }

  @Test
  void coreKnowsNoProvidersCodesSoBinancesMinus2015IsAnOrdinaryRefusalForAPlainClient() throws Exception {
    plainClient(AnomalyPolicy.defaults());
    server.enqueue(refusal("-2015"));

    assertThatThrownBy(this::call).isInstanceOf(InvalidRequestException.class)
        .isNotInstanceOf(KeyRestrictedException.class);
    assertThat(events).isEmpty();
  }
}
