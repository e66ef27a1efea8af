package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.testing.LogCapture;
import io.tickguard.core.resilience.ResiliencePolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/**
 * Runs calls that carry known secrets in every place a provider puts them (header, query, bearer
 * token), through success and every kind of failure, and asserts that no secret appears in any log
 * line or in any exception's message, cause chain or stack trace text.
 */
class SecretsNeverLoggedTest {
  private static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String QUERY_KEY = "InsightKey0123456789abcdef";
  private static final String SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
  private static final String TOKEN = "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJvcmdhbml6YXRpb25zIn0.c2lnbmF0dXJlLXZhbHVl";
  private static final List<String> SECRETS = List.of(API_KEY, QUERY_KEY, SIGNATURE, TOKEN);

  private static final Endpoint ACCOUNT =
      Endpoint.builder("account", HttpMethod.GET, "/api/v3/account")
          .scope(Scope.ACCOUNT_READ)
          .auth(AuthMode.SIGNED)
          .build();

  /** Attaches the secrets the way Binance, Insightease and Coinbase do. */
  static final class LeakyPlacesAuthenticator implements RequestAuthenticator {
    @Override
    public Set<Scope> grantedScopes() {
      return EnumSet.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    }

    @Override
    public Request authenticate(Request request, ApiRequest apiRequest) {
      return request.newBuilder()
          .url(request.url().newBuilder().addQueryParameter("api_key", QUERY_KEY)
              .addQueryParameter("signature", SIGNATURE).build())
          .header("X-MBX-APIKEY", API_KEY)
          .header("Authorization", "Bearer " + TOKEN)
          .build();
    }

    @Override
    public String credentialId() {
      return "key:" + io.tickguard.core.auth.ApiCredentials.redact(API_KEY);
    }
  }

  private static final String PROXY_PASSWORD = "Pr0xyPassw0rd-never-printed";

  /**
   * The security paths (issue 19): the events of every failure kind, their WARN/ERROR log lines, the
   * alert and kill switch, the Micrometer counters and their tags, the usage snapshot, and an egress
   * proxy's password: none of them may carry a secret, token or proxy password.
   */
  @Test
  void noSecretReachesSecurityEventsTheirLogLinesMetricTagsOrUsage() throws IOException {
    List<io.tickguard.core.security.SecurityEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    io.tickguard.core.observe.micrometer.MicrometerSecurityMetrics metrics =
        new io.tickguard.core.observe.micrometer.MicrometerSecurityMetrics(registry);
    io.tickguard.core.security.SecurityOptions security = io.tickguard.core.security.SecurityOptions.builder()
        .listener(io.tickguard.core.security.SecurityEventListener.logging().andThen(events::add).andThen(metrics))
        .usageListener(metrics)
        .anomalyPolicy(io.tickguard.core.security.AnomalyPolicy.builder()
            .killSwitchOn(io.tickguard.core.security.SecurityEventKind.CREDENTIAL_REJECTED).build())
        .build();
    List<Throwable> failures = new ArrayList<>();
    String text;
    try (LogCapture logs = new LogCapture(); MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
          .resilience(ResiliencePolicy.none()) // one scripted answer per call: no default retries
          .security(security).build();
      try (ApiClient client = leakyClient(config)) {
        server.enqueue(json(200, "{\"balances\":[]}"));
        server.enqueue(json(401, "{\"code\":\"" + API_KEY + "\",\"msg\":\"Invalid API-key " + API_KEY + " token=" + TOKEN + "\"}"));
        server.enqueue(json(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP " + QUERY_KEY + "\"}"));
        server.enqueue(json(429, "{\"msg\":\"slow down " + SIGNATURE + "\"}"));
        server.enqueue(json(403, "{\"code\":\"" + TOKEN + "\"}"));
        client.execute(ACCOUNT.request().build(), ApiResponse::json);
        for (int i = 0; i < 5; i++) { // the fifth meets the engaged kill switch
          try {
            client.execute(ACCOUNT.request().build(), ApiResponse::json);
          } catch (TickGuardException e) {
            failures.add(e);
          }
        }
        text = client.usage().toString();
      }
      // An egress proxy that is down: its password must appear nowhere either.
      io.tickguard.core.security.Egress egress = io.tickguard.core.security.Egress.httpProxy("127.0.0.1", deadPort())
          .withProxyCredentials("bot", io.tickguard.core.auth.Secret.of(PROXY_PASSWORD.toCharArray()));
      try (ApiClient client = leakyClient(config.newBuilder().egress(egress).build())) {
        try {
          client.execute(ACCOUNT.request().build(), ApiResponse::json);
        } catch (TickGuardException e) {
          failures.add(e);
        }
      }
      // The same through SOCKS5 (RFC 1929 credentials): a proxy that is down.
      io.tickguard.core.security.Egress socks = io.tickguard.core.security.Egress.socks5("127.0.0.1", deadPort())
          .withProxyCredentials("bot", io.tickguard.core.auth.Secret.of(PROXY_PASSWORD.toCharArray())).bindTo("127.0.0.1");
      try (ApiClient client = leakyClient(config.newBuilder().egress(socks).build())) {
        try {
          client.execute(ACCOUNT.request().build(), ApiResponse::json);
        } catch (TickGuardException e) {
          failures.add(e);
        }
      }
      text += " " + logs.text() + " " + egress + " " + egress.describe() + " " + socks + " " + socks.describe();
    }
    assertThat(failures).hasSize(7);
    assertThat(events).extracting(io.tickguard.core.security.SecurityEvent::kind).contains(
        io.tickguard.core.security.SecurityEventKind.CREDENTIAL_REJECTED, io.tickguard.core.security.SecurityEventKind.RATE_LIMITED,
        io.tickguard.core.security.SecurityEventKind.ANOMALY, io.tickguard.core.security.SecurityEventKind.KILL_SWITCH_ENGAGED,
        io.tickguard.core.security.SecurityEventKind.EGRESS_FAILURE);
    StringBuilder all = new StringBuilder(text);
    events.forEach(e -> all.append(' ').append(e).append(' ').append(e.code()).append(' ').append(e.detail()));
    registry.getMeters().forEach(m -> all.append(' ').append(m.getId()));
    failures.forEach(t -> all.append(' ').append(fullText(t)));
    assertThat(all.toString()).contains("tickguard.security.events", "tickguard.usage.calls", "key:");
    for (String secret : List.of(API_KEY, QUERY_KEY, SIGNATURE, TOKEN, PROXY_PASSWORD)) {
      assertThat(all.toString()).doesNotContain(secret);
    }
  }

  private static int deadPort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  @Test
  void noSecretReachesLogsOrExceptionsAcrossSuccessAndFailures() throws IOException {
    List<Throwable> failures = new ArrayList<>();
    try (LogCapture logs = new LogCapture(); MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).build();
      try (ApiClient client = leakyClient(config)) {
        server.enqueue(json(200, "{\"balances\":[]}"));
        // Providers sometimes echo what they received; the echo must not reach the caller's logs.
        server.enqueue(json(401, "{\"code\":-2015,\"msg\":\"Invalid API-key " + API_KEY + ", token=" + TOKEN + "\"}"));
        server.enqueue(json(400, "{\"code\":-1022,\"msg\":\"Signature for this request is not valid: signature=" + SIGNATURE + "\"}"));
        server.enqueue(json(500, "{\"message\":\"internal error for api_key=" + QUERY_KEY + "\"}"));
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"balances\":[]}").onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(json(200, "{\"balances\":"));
        client.execute(ACCOUNT.request().build(), ApiResponse::json);
        for (int i = 0; i < 5; i++) {
          try {
            client.execute(ACCOUNT.request().build(), ApiResponse::json);
          } catch (TickGuardException e) {
            failures.add(e);
          }
        }
      }
      assertThat(failures).hasSize(5);
      String logText = logs.text();
      assertThat(logText).contains("account"); // the audit log did record the calls
      for (String secret : SECRETS) {
        assertThat(logText).doesNotContain(secret);
        for (Throwable t : failures) {
          assertThat(fullText(t)).as("exception text of %s", t.getClass().getSimpleName()).doesNotContain(secret);
        }
      }
    }
  }

  @Test
  void transportFailureCauseIsRedacted() throws IOException {
    MockWebServer server = new MockWebServer();
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).build();
    server.close();
    try (ApiClient client = leakyClient(config)) {
      assertThatThrownBy(() -> client.execute(ACCOUNT.request().build(), ApiResponse::json))
          .isInstanceOf(TransportException.class)
          .satisfies(e -> SECRETS.forEach(s -> assertThat(fullText(e)).doesNotContain(s)));
    }
  }

  /** A client registering Binance's key header, as BinanceClient does: core alone knows only generic names. */
  private static ApiClient leakyClient(ClientConfig config) {
    return ApiClient.builder(config).authenticator(new LeakyPlacesAuthenticator()).secretHeaders("X-MBX-APIKEY").build();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String fullText(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out + " " + t;
  }
}
