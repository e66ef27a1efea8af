package io.tickguard.testkit;

import static io.tickguard.testkit.testing.DemoEndpoints.JSON;
import static io.tickguard.testkit.testing.DemoEndpoints.OAUTH_ACCOUNT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.PermissionDeniedException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.token.BearerAuthenticator;
import io.tickguard.core.token.ClientAuthentication;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenGrant;
import io.tickguard.core.token.TokenManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import okhttp3.FormBody;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox's OAuth 2.0 server driven by core's token client, over pinned TLS. */
class OAuthServerTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
  private SandboxServer sandbox;
  private ApiClient api;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock)
        .oauth(OAuthSettings.defaults().withAccessTokenTtl(Duration.ofSeconds(60)))
        .oauthClient("narrow-client", "narrow-secret", "market_data")
        .start();
    api = ApiClient.builder(sandbox.clientConfigBuilder().clock(clock).build()).build();
  }

  @AfterEach
  void stop() {
    api.close();
    sandbox.close();
  }

  private TokenEndpointClient tokenClient(String id, String secret, ClientAuthentication how) {
    return TokenEndpointClient.builder(api.httpClient(), sandbox.tokenUrl(), id)
        .clientSecret(secret(secret)).clientAuthentication(how).clock(clock).allowPlaintextLoopback(true).build();
  }

  private TokenEndpointClient demoClient() {
    return tokenClient(SandboxServer.DEMO_OAUTH_CLIENT_ID, SandboxServer.DEMO_OAUTH_CLIENT_SECRET, ClientAuthentication.BASIC);
  }

  private static Secret secret(String s) {
    return Secret.ofBytes(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String text(Secret s) {
    return new String(s.chars());
  }

  /** Sends one fixed access token, as a client holding a stolen or stale token would. */
  private static RequestAuthenticator bearer(Secret token) {
    return new RequestAuthenticator() {
      @Override
      public Set<Scope> grantedScopes() {
        return Set.of(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
      }

      @Override
      public Request authenticate(Request request, ApiRequest apiRequest) {
        return request.newBuilder().header("Authorization", "Bearer " + text(token)).build();
      }
    };
  }

  private JsonNode protectedCall(RequestAuthenticator auth) {
    try (ApiClient client = ApiClient.builder(sandbox.clientConfigBuilder().clock(clock).build()).authenticator(auth).build()) {
      return client.execute(OAUTH_ACCOUNT.request().build(), JSON);
    }
  }

  @Test
  void clientCredentialsIssuesShortLivedTokenAndRefreshToken() {
    TokenGrant grant = demoClient().clientCredentials();
    assertThat(grant.accessToken().expiresAt()).isEqualTo(clock.instant().plusSeconds(60));
    assertThat(grant.refreshToken()).isPresent();
    assertThat(protectedCall(bearer(grant.accessToken().value())).has("balances")).isTrue();
  }

  @Test
  void formBodyClientAuthenticationWorksToo() {
    TokenGrant grant = tokenClient(SandboxServer.DEMO_OAUTH_CLIENT_ID, SandboxServer.DEMO_OAUTH_CLIENT_SECRET,
        ClientAuthentication.FORM_BODY).clientCredentials();
    assertThat(grant.refreshToken()).isPresent();
  }

  @Test
  void wrongClientSecretIsInvalidClient() {
    assertThatThrownBy(() -> tokenClient(SandboxServer.DEMO_OAUTH_CLIENT_ID, "wrong", ClientAuthentication.BASIC).clientCredentials())
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.providerCode()).contains("invalid_client");
          assertThat(e.httpStatus()).contains(401);
        });
  }

  @Test
  void thirtyRotationsInARowPassAndOneReuseRevokesTheWholeFamily() {
    TokenEndpointClient client = demoClient();
    TokenGrant grant = client.clientCredentials();
    Set<String> seen = new HashSet<>();
    Secret first = grant.refreshToken().orElseThrow();
    Secret refresh = first;
    for (int i = 0; i < 30; i++) {
      grant = client.refresh(refresh);
      refresh = grant.refreshToken().orElseThrow();
      assertThat(seen.add(text(refresh))).as("rotation %d issues a new refresh token", i).isTrue();
    }
    Secret latestAccess = grant.accessToken().value();
    assertThat(protectedCall(bearer(latestAccess)).has("balances")).isTrue();

    Secret replayed = first;
    assertThatThrownBy(() -> client.refresh(replayed))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("invalid_grant"));
    Secret current = refresh;
    assertThatThrownBy(() -> client.refresh(current))
        .as("the legitimate holder's newest refresh token dies with its family")
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("invalid_grant"));
    assertThatThrownBy(() -> protectedCall(bearer(latestAccess)))
        .as("so do the family's access tokens")
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("invalid_token"));
    assertThat(sandbox.context().oauth().revokedFamilies()).isEqualTo(1);
  }

  @Test
  void expiredAccessTokenIsRefusedWithInvalidTokenChallenge() throws Exception {
    Secret token = demoClient().clientCredentials().accessToken().value();
    clock.advance(Duration.ofSeconds(60));
    assertThatThrownBy(() -> protectedCall(bearer(token)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> {
          assertThat(e.httpStatus()).contains(401);
          assertThat(e.providerCode()).contains("invalid_token");
        });
    Request raw = new Request.Builder().url(sandbox.url("/demo/v1/oauth/account"))
        .header("Authorization", "Bearer " + text(token)).build();
    try (Response r = api.httpClient().newCall(raw).execute()) {
      assertThat(r.header("WWW-Authenticate")).startsWith("Bearer ").contains("error=\"invalid_token\"");
    }
  }

  @Test
  void revokedAccessTokenIsRefused() {
    Secret token = demoClient().clientCredentials().accessToken().value();
    sandbox.context().oauth().revokeFamilyOf(text(token));
    assertThatThrownBy(() -> protectedCall(bearer(token)))
        .isInstanceOfSatisfying(AuthenticationException.class, e -> assertThat(e.providerCode()).contains("invalid_token"));
  }

  @Test
  void tokenWithoutTheScopeIsForbidden() {
    Secret token = tokenClient("narrow-client", "narrow-secret", ClientAuthentication.BASIC).clientCredentials().accessToken().value();
    assertThatThrownBy(() -> protectedCall(bearer(token)))
        .isInstanceOfSatisfying(PermissionDeniedException.class, e -> assertThat(e.providerCode()).contains("insufficient_scope"));
  }

  @Test
  void tokenManagerRefreshesOnItsOwnAndRecoversFromAnExpiredTokenFault() {
    TokenManager tokens = TokenManager.builder(demoClient()).store(new InMemoryTokenStore()).clock(clock).build();
    BearerAuthenticator auth = new BearerAuthenticator(tokens, Set.of(Scope.ACCOUNT_READ));
    try (ApiClient client = ApiClient.builder(sandbox.clientConfigBuilder().clock(clock).build()).authenticator(auth).build()) {
      assertThat(client.execute(OAUTH_ACCOUNT.request().build(), JSON).has("balances")).isTrue();
      clock.advance(Duration.ofMinutes(5));
      assertThat(client.execute(OAUTH_ACCOUNT.request().build(), JSON).has("balances")).isTrue();
      sandbox.faults().next(1, Fault.expiredToken());
      assertThat(client.execute(OAUTH_ACCOUNT.request().build(), JSON).has("balances"))
          .as("one 401 is refreshed and replayed once").isTrue();
      sandbox.faults().next(2, Fault.expiredToken());
      assertThatThrownBy(() -> client.execute(OAUTH_ACCOUNT.request().build(), JSON))
          .as("a second 401 is not replayed again").isInstanceOf(AuthenticationException.class);
    }
  }

  @Test
  void malformedTokenRequestsGetRfc6749Errors() throws Exception {
    String basic = okhttp3.Credentials.basic(SandboxServer.DEMO_OAUTH_CLIENT_ID, SandboxServer.DEMO_OAUTH_CLIENT_SECRET);
    assertThat(tokenError(basic, new FormBody.Builder().add("grant_type", "password").build()))
        .contains("\"error\":\"unsupported_grant_type\"");
    assertThat(tokenError(basic, new FormBody.Builder().add("grant_type", "refresh_token").build()))
        .contains("\"error\":\"invalid_request\"");
    assertThat(tokenError(basic, new FormBody.Builder().add("grant_type", "refresh_token").add("refresh_token", "forged").build()))
        .contains("\"error\":\"invalid_grant\"");
    assertThat(tokenError(basic, new FormBody.Builder().add("grant_type", "client_credentials").add("scope", "withdraw").build()))
        .contains("\"error\":\"invalid_scope\"");
    assertThat(tokenError(basic, new FormBody.Builder().add("grant_type", "client_credentials")
        .add("grant_type", "client_credentials").build())).contains("\"error\":\"invalid_request\"");
    assertThat(tokenError(basic, new FormBody.Builder().add("grant_type", "client_credentials")
        .add("client_secret", SandboxServer.DEMO_OAUTH_CLIENT_SECRET).build())).contains("\"error\":\"invalid_request\"");
  }

  private String tokenError(String basic, FormBody form) throws Exception {
    Request request = new Request.Builder().url(sandbox.tokenUrl()).header("Authorization", basic).post(form).build();
    try (Response r = api.httpClient().newCall(request).execute()) {
      assertThat(r.code()).isEqualTo(400);
      assertThat(r.header("Cache-Control")).isEqualTo("no-store");
      return r.body().string();
    }
  }
}
