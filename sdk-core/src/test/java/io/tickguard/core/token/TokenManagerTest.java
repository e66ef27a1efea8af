package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.testing.LogCapture;
import io.tickguard.core.time.MutableClock;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenManagerTest {
  private final MockWebServer server = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();
  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));

  @BeforeEach
  void start() throws Exception {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  private static String token(String access, long expiresIn, String refresh) {
    return "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn
        + (refresh == null ? "" : ",\"refresh_token\":\"" + refresh + "\"") + "}";
  }

  private TokenEndpointClient.Builder client() {
    return TokenEndpointClient.builder(http, server.url("/token"), "my client")
        .clientSecret(Secret.ofBytes("s3cr=t".getBytes(StandardCharsets.UTF_8)))
        .clock(clock).allowPlaintextLoopback(true);
  }

  private TokenManager manager(TokenEndpointClient endpoint, TokenStore store) {
    return TokenManager.builder(endpoint).store(store).clock(clock)
        .refreshMargin(Duration.ofSeconds(30)).jitter(m -> 0).maxWait(Duration.ofSeconds(10)).build();
  }

  @Test
  void clientCredentialsUseFormEncodedBasicAuthentication() throws Exception {
    server.enqueue(json(200, token("at-1", 3600, null)));

    AccessToken token = client().scopes("read").build().clientCredentials().accessToken();

    RecordedRequest request = server.takeRequest();
    // RFC 6749 2.3.1: "my client" -> my+client and "s3cr=t" -> s3cr%3Dt before base64.
    String expected = java.util.Base64.getEncoder().encodeToString("my+client:s3cr%3Dt".getBytes(StandardCharsets.UTF_8));
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic " + expected);
    assertThat(request.getBody().utf8()).isEqualTo("grant_type=client_credentials&scope=read");
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
    assertThat(token.toString()).doesNotContain("at-1");
  }

  @Test
  void clientSecretCanGoInTheFormBody() throws Exception {
    server.enqueue(json(200, token("at-1", 3600, null)));

    client().clientAuthentication(ClientAuthentication.FORM_BODY).build().clientCredentials();

    RecordedRequest request = server.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isNull();
    assertThat(request.getBody().utf8()).contains("client_id=my+client", "client_secret=s3cr%3Dt");
  }

  @Test
  void oauthErrorsMapToTypedExceptionsWithTheCodeAsProviderCode() {
    String[][] cases = {
        {"invalid_client", "401"}, {"invalid_grant", "400"}, {"unauthorized_client", "400"},
        {"invalid_scope", "400"}, {"invalid_request", "400"}, {"unsupported_grant_type", "400"}};
    Class<?>[] expected = {
        AuthenticationException.class, AuthenticationException.class, PermissionDeniedException.class,
        PermissionDeniedException.class, InvalidRequestException.class, InvalidRequestException.class};
    TokenEndpointClient endpoint = client().build();
    for (int i = 0; i < cases.length; i++) {
      server.enqueue(json(Integer.parseInt(cases[i][1]), "{\"error\":\"" + cases[i][0] + "\",\"error_description\":\"nope\"}"));
      String code = cases[i][0];
      assertThatThrownBy(endpoint::clientCredentials)
          .isInstanceOf(expected[i])
          .satisfies(e -> assertThat(((io.tickguard.core.TickGuardException) e).providerCode()).contains(code));
    }
  }

  @Test
  void malformedOrDuplicateKeyResponsesAreRefusedWithoutQuotingTheToken() {
    TokenEndpointClient endpoint = client().build();
    server.enqueue(json(200, "{\"access_token\":\"leak-me\",\"access_token\":\"x\",\"token_type\":\"Bearer\"}"));
    assertThatThrownBy(endpoint::clientCredentials).hasMessageNotContaining("leak-me");
    server.enqueue(json(200, "{\"access_token\":\"leak-me\",\"token_type\":\"mac\"}"));
    assertThatThrownBy(endpoint::clientCredentials).hasMessageContaining("Bearer").hasMessageNotContaining("leak-me");
    server.enqueue(json(200, "{\"access_token\":\"leak-me\",\"token_type\":\"Bearer\",\"expires_in\":-5}"));
    assertThatThrownBy(endpoint::clientCredentials).hasMessageContaining("expires_in");
  }

  @Test
  void tokenResponseFieldOfTheWrongJsonTypeIsAnInvalidResponseNamingTheField() {
    TokenEndpointClient endpoint = client().build();
    String[][] cases = {
        {"access_token", "{\"access_token\":12345,\"token_type\":\"Bearer\"}"},
        {"token_type", "{\"access_token\":\"leak-me\",\"token_type\":[\"Bearer\"]}"},
        {"scope", "{\"access_token\":\"leak-me\",\"token_type\":\"Bearer\",\"scope\":{\"a\":1}}"},
        {"refresh_token", "{\"access_token\":\"leak-me\",\"token_type\":\"Bearer\",\"refresh_token\":true}"}};
    for (String[] c : cases) {
      server.enqueue(json(200, c[1]));
      assertThatThrownBy(endpoint::clientCredentials)
          .isInstanceOf(InvalidResponseException.class)
          .isNotInstanceOf(AuthenticationException.class)
          .hasMessageContaining(c[0])
          .hasMessageNotContaining("leak-me")
          .satisfies(e -> assertThat(((InvalidResponseException) e).field()).isEqualTo(c[0]));
    }
  }

  @Test
  void errorResponseWithANonStringErrorCodeIsAnInvalidResponseNotAnAuthenticationFailure() {
    server.enqueue(json(400, "{\"error\":{\"code\":\"invalid_grant\"}}"));

    assertThatThrownBy(client().build()::clientCredentials)
        .isInstanceOf(InvalidResponseException.class)
        .satisfies(e -> assertThat(((InvalidResponseException) e).field()).isEqualTo("error"));
  }

  @Test
  void failedProactiveRefreshKeepsTheValidTokenLogsWarnCountsItAndRetriesAfterTheBackoff() {
    server.enqueue(json(200, token("at-1", 300, null)));
    server.enqueue(json(503, "{\"error\":\"temporarily_unavailable\"}"));
    server.enqueue(json(200, token("at-2", 300, null)));
    List<Boolean> refreshes = new java.util.concurrent.CopyOnWriteArrayList<>();
    MetricsListener metrics = new MetricsListener() {
      @Override
      public void onTokenRefresh(boolean success) {
        refreshes.add(success);
      }
    };
    TokenManager manager = TokenManager.builder(client().build()).clock(clock)
        .refreshMargin(Duration.ofSeconds(30)).jitter(m -> 0)
        .refreshRetryBackoff(Duration.ofSeconds(5)).metrics(metrics).build();
    manager.token();
    clock.advance(Duration.ofSeconds(275)); // 25 s before expiry: inside the 30 s margin

    try (LogCapture logs = new LogCapture()) {
      // The refreshing thread itself gets the still-valid token, not the 503.
      assertThat(manager.token().value().contentEquals(secret("at-1"))).isTrue();
      assertThat(logs.events()).anySatisfy(e -> {
        assertThat(e.getLevel().toString()).isEqualTo("WARN");
        assertThat(e.getFormattedMessage()).contains("refresh failed");
      });
      assertThat(logs.text()).doesNotContain("at-1");
    }
    assertThat(refreshes).containsExactly(true, false);

    clock.advance(Duration.ofSeconds(4)); // within the backoff: no new token request
    assertThat(manager.token().value().contentEquals(secret("at-1"))).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);

    clock.advance(Duration.ofSeconds(1)); // backoff over, token still valid: the refresh is retried
    assertThat(manager.token().value().contentEquals(secret("at-2"))).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(3);
    assertThat(refreshes).containsExactly(true, false, true);
  }

  @Test
  void failedRefreshPropagatesOnceTheTokenHasActuallyExpired() {
    server.enqueue(json(200, token("at-1", 300, null)));
    server.enqueue(json(503, "{\"error\":\"temporarily_unavailable\"}"));
    server.enqueue(json(503, "{\"error\":\"temporarily_unavailable\"}"));
    TokenManager manager = TokenManager.builder(client().build()).clock(clock)
        .refreshMargin(Duration.ofSeconds(30)).jitter(m -> 0).refreshRetryBackoff(Duration.ofSeconds(60)).build();
    manager.token();
    clock.advance(Duration.ofSeconds(290));
    assertThat(manager.token().value().contentEquals(secret("at-1"))).isTrue(); // failed, kept

    clock.advance(Duration.ofSeconds(10)); // the backoff is capped at the expiry: now expired
    assertThatThrownBy(manager::token)
        .isInstanceOf(io.tickguard.core.TickGuardException.class)
        .hasMessageNotContaining("at-1");
    assertThat(server.getRequestCount()).isEqualTo(3);
  }

  @Test
  void sixtyFourCallersWhileTheTokenExpiresCauseExactlyOneTokenRequest() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) throws InterruptedException {
        int n = requests.incrementAndGet();
        if (n > 1) {
          release.await(); // hold the refresh until every caller is waiting on it
        }
        return json(200, token("at-" + n, 300, null));
      }
    });
    TokenManager manager = manager(client().build(), new InMemoryTokenStore());
    assertThat(manager.token().value().contentEquals(secret("at-1"))).isTrue();
    clock.advance(Duration.ofSeconds(301)); // expired: every caller must wait for the new token

    int callers = 64;
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      CountDownLatch ready = new CountDownLatch(callers);
      List<Future<AccessToken>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          ready.countDown();
          return manager.token();
        }));
      }
      ready.await();
      while (requests.get() < 2) {
        Thread.onSpinWait();
      }
      release.countDown();
      for (Future<AccessToken> f : results) {
        assertThat(f.get().value().contentEquals(secret("at-2"))).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(requests.get()).isEqualTo(2);
  }

  @Test
  void tokenIsRefreshedProactivelyWithinTheMargin() {
    server.enqueue(json(200, token("at-1", 300, null)));
    server.enqueue(json(200, token("at-2", 300, null)));
    TokenManager manager = manager(client().build(), new InMemoryTokenStore());

    manager.token();
    clock.advance(Duration.ofSeconds(269));
    assertThat(manager.token().value().contentEquals(secret("at-1"))).isTrue();
    clock.advance(Duration.ofSeconds(2)); // 29 s before expiry: inside the 30 s margin
    assertThat(manager.token().value().contentEquals(secret("at-2"))).isTrue();
    assertThat(server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void rotatedRefreshTokenIsStoredBeforeTheAccessTokenIsUsedAndTheOldOneIsNeverSentAgain() throws Exception {
    server.enqueue(json(200, token("at-1", 300, "rt-2")));
    server.enqueue(json(200, token("at-2", 300, "rt-3")));
    List<String> events = new ArrayList<>();
    InMemoryTokenStore delegate = new InMemoryTokenStore(secret("rt-1"));
    TokenStore store = new TokenStore() {
      @Override
      public java.util.Optional<Secret> refreshToken() {
        return delegate.refreshToken();
      }

      @Override
      public void save(Secret refreshToken) {
        events.add("saved " + new String(refreshToken.chars()));
        delegate.save(refreshToken);
      }

      @Override
      public void clear() {
        delegate.clear();
      }
    };
    TokenManager manager = manager(client().build(), store);

    AccessToken first = manager.token();
    events.add("handed out " + new String(first.value().chars()));
    clock.advance(Duration.ofSeconds(300));
    manager.token();

    assertThat(events).containsExactly("saved rt-2", "handed out at-1", "saved rt-3");
    assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=rt-1");
    assertThat(server.takeRequest().getBody().utf8()).contains("refresh_token=rt-2").doesNotContain("rt-1");
  }

  @Test
  void unauthorizedRefreshesOnceOnlyForTheCachedToken() {
    server.enqueue(json(200, token("at-1", 3600, null)));
    server.enqueue(json(200, token("at-2", 3600, null)));
    TokenManager manager = manager(client().build(), new InMemoryTokenStore());
    manager.token();

    assertThat(manager.refreshAfterUnauthorized("at-1")).isTrue();   // refreshed: replay once
    assertThat(manager.refreshAfterUnauthorized("at-1")).isTrue();   // stale token: replay with at-2, no request
    assertThat(server.getRequestCount()).isEqualTo(2);
    assertThat(manager.token().value().contentEquals(secret("at-2"))).isTrue();
  }

  @Test
  void fileStoreWritesAtomicallyWithOwnerOnlyPermissions(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("refresh.token");
    FileTokenStore store = new FileTokenStore(file);

    store.save(secret("rt-1"));
    store.save(secret("rt-2"));

    assertThat(store.refreshToken().map(s -> new String(s.chars()))).contains("rt-2");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder("refresh.token", ".refresh.token.lock"); // no temp left
    }
    assertThat(store.toString()).doesNotContain("rt-2");
    store.clear();
    assertThat(store.refreshToken()).isEmpty();
    store.close();
  }

  static Secret secret(String text) {
    return Secret.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
