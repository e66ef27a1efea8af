package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.testing.LogCapture;
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
