package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.time.MutableClock;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** User sessions: a login handed over, never a silent client_credentials grant, listeners told of each new token. */
class TokenSessionTest {
  private final MockWebServer server = new MockWebServer();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
  private TokenEndpointClient endpoint;

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    endpoint = TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "app").clock(clock)
        .allowPlaintextLoopback(true).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Secret secret(String s) {
    return Secret.ofBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private TokenManager manager(TokenStore store) {
    return TokenManager.builder(endpoint).store(store).clock(clock).refreshMargin(Duration.ofSeconds(60))
        .jitter(m -> 0).refreshTokenRequired(true).build();
  }

  @Test
  void acceptedLoginIsUsedWithoutATokenRequestAndItsRefreshTokenStored() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    TokenManager tokens = manager(store);

    tokens.accept(new TokenGrant(new AccessToken(secret("at-login"), clock.instant().plusSeconds(1200), java.util.Set.of()), secret("rt-login")));

    assertThat(tokens.token().matches("at-login")).isTrue();
    assertThat(store.refreshToken()).hasValueSatisfying(rt -> assertThat(rt.contentEquals(secret("rt-login"))).isTrue());
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void emptyStoreWithoutLoginFailsInsteadOfRunningClientCredentials() {
    TokenManager tokens = manager(new InMemoryTokenStore());
    assertThatThrownBy(tokens::token).isInstanceOf(AuthenticationException.class).hasMessageContaining("log in again");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void listenersHearEveryNewTokenAfterTheRotatedRefreshTokenWasStored() throws Exception {
    InMemoryTokenStore store = new InMemoryTokenStore();
    TokenManager tokens = manager(store);
    List<String> heard = new CopyOnWriteArrayList<>();
    AutoCloseable registration = tokens.addListener(t -> heard.add(
        (t.matches("at-2") ? "at-2" : t.matches("at-login") ? "at-login" : "other")
            + " with stored " + (store.refreshToken().orElseThrow().contentEquals(secret("rt-2")) ? "rt-2" : "rt-login")));
    tokens.accept(new TokenGrant(new AccessToken(secret("at-login"), clock.instant().plusSeconds(1200), java.util.Set.of()), secret("rt-login")));
    server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"at-2\",\"token_type\":\"Bearer\",\"expires_in\":1200,\"refresh_token\":\"rt-2\"}").build());

    clock.advance(Duration.ofSeconds(1141));
    assertThat(tokens.token().matches("at-2")).isTrue();

    assertThat(heard).containsExactly("at-login with stored rt-login", "at-2 with stored rt-2");
    assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=rt-login");
    registration.close();
    tokens.accept(new TokenGrant(new AccessToken(secret("at-3"), clock.instant().plusSeconds(1200), java.util.Set.of()), null));
    assertThat(heard).hasSize(2);
  }

  @Test
  void aFailingListenerDoesNotFailTheRefresh() {
    TokenManager tokens = manager(new InMemoryTokenStore());
    tokens.addListener(t -> {
      throw new IllegalStateException("socket gone");
    });
    tokens.accept(new TokenGrant(new AccessToken(secret("at-1"), clock.instant().plusSeconds(1200), java.util.Set.of()), secret("rt-1")));
    assertThat(tokens.token().matches("at-1")).isTrue();
  }
}
