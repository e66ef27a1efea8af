package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.time.MutableClock;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

class BearerAuthenticatorTest {

  @Test
  void unauthorizedLeadsToOneRefreshAndOneReplayWithTheNewToken() throws Exception {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
      for (String at : new String[] {"at-1", "at-2"}) {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body("{\"access_token\":\"" + at + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}").build());
      }
      MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
      TokenEndpointClient endpoint = TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "c")
          .clientSecret(TokenManagerTest.secret("s")).clock(clock).allowPlaintextLoopback(true).build();
      TokenManager manager = TokenManager.builder(endpoint).clock(clock).jitter(m -> 0).maxWait(Duration.ofSeconds(5)).build();
      BearerAuthenticator auth = new BearerAuthenticator(manager, Set.of(Scope.ACCOUNT_READ));
      Endpoint accounts = Endpoint.builder("accounts", HttpMethod.GET, "/accounts").auth(AuthMode.BEARER).scope(Scope.ACCOUNT_READ).build();
      ApiRequest call = accounts.request().build();
      Request plain = new Request.Builder().url("https://api.example.com/accounts").build();

      Request first = auth.authenticate(plain, call);
      assertThat(first.header("Authorization")).isEqualTo("Bearer at-1");
      assertThat(auth.refreshAfterUnauthorized(first)).isTrue();
      Request replay = auth.authenticate(plain, call);

      assertThat(replay.header("Authorization")).isEqualTo("Bearer at-2");
      assertThat(auth.refreshAfterUnauthorized(first)).isTrue(); // stale: no new token request
      assertThat(server.getRequestCount()).isEqualTo(2);
      assertThat(auth.grantedScopes()).containsExactlyInAnyOrder(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    }
  }
}
