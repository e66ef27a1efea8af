package io.tickguard.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.TickGuardException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The login's client side against a scripted token endpoint; the test plays the browser and the provider's login page. */
class PkceLoginTest {
  private static final HttpUrl AUTHORIZE = HttpUrl.get("https://login.example.test/authorize");

  private final MockWebServer tokenServer = new MockWebServer();
  private final OkHttpClient http = new OkHttpClient();

  @BeforeEach
  void start() throws Exception {
    tokenServer.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    tokenServer.close();
  }

  private PkceLogin login() {
    TokenEndpointClient endpoint = TokenEndpointClient.builder(http, tokenServer.url("/token"), "app-key")
        .allowPlaintextLoopback(true).build();
    return PkceLogin.builder(endpoint, AUTHORIZE).timeout(Duration.ofSeconds(30)).build();
  }

  /**
   * Follows the "login page" back to the loopback redirect with {@code code} and the given state,
   * on another thread as a real browser would: the login listens only once the browser was opened.
   */
  private CompletableFuture<String> redirect(URI authorize, String code, String state) {
    HttpUrl request = HttpUrl.get(authorize);
    HttpUrl back = HttpUrl.get(request.queryParameter("redirect_uri")).newBuilder()
        .addQueryParameter("code", code).addQueryParameter("state", state).build();
    return get(back);
  }

  private CompletableFuture<String> get(HttpUrl url) {
    return CompletableFuture.supplyAsync(() -> {
      try (Response r = http.newCall(new Request.Builder().url(url).build()).execute()) {
        return r.code() + " " + r.body().string();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
  }

  @Test
  void codeIsExchangedWithTheVerifierAndTheRedirectUriCarryingTheRuntimePort() throws Exception {
    tokenServer.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":1200,\"refresh_token\":\"rt-1\","
            + "\"refresh_token_expires_in\":3600}").build());
    AtomicReference<HttpUrl> seen = new AtomicReference<>();
    AtomicReference<CompletableFuture<String>> page = new AtomicReference<>();

    TokenGrant grant = login().login(uri -> {
      HttpUrl url = HttpUrl.get(uri);
      seen.set(url);
      page.set(redirect(uri, "the-code", url.queryParameter("state")));
    });

    HttpUrl asked = seen.get();
    assertThat(asked.host()).isEqualTo("login.example.test");
    assertThat(asked.queryParameter("response_type")).isEqualTo("code");
    assertThat(asked.queryParameter("client_id")).isEqualTo("app-key");
    assertThat(asked.queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(asked.queryParameter("state")).hasSize(22);
    assertThat(asked.queryParameter("redirect_uri")).matches("http://127\\.0\\.0\\.1:[0-9]{2,5}/callback");
    assertThat(page.get().get()).startsWith("200 ").contains("Login received");

    RecordedRequest exchange = tokenServer.takeRequest();
    HttpUrl form = HttpUrl.get("https://x.test/?" + exchange.getBody().utf8());
    assertThat(form.queryParameter("grant_type")).isEqualTo("authorization_code");
    assertThat(form.queryParameter("code")).isEqualTo("the-code");
    assertThat(form.queryParameter("redirect_uri")).isEqualTo(asked.queryParameter("redirect_uri"));
    assertThat(form.queryParameter("client_id")).isEqualTo("app-key");
    assertThat(Pkce.challengeOf(form.queryParameter("code_verifier"))).isEqualTo(asked.queryParameter("code_challenge"));
    assertThat(grant.refreshToken()).isPresent();
  }

  @Test
  void redirectWithAnotherStateIsRefusedAndItsCodeNeverExchanged() {
    assertThatThrownBy(() -> login().login(uri -> redirect(uri, "stolen-code", "forged-state")))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageContaining("state does not match")
        .hasMessageNotContaining("stolen-code");
    assertThat(tokenServer.getRequestCount()).isZero();
  }

  @Test
  void declinedLoginBecomesTheTypedOAuthError() {
    assertThatThrownBy(() -> login().login(uri -> {
      HttpUrl request = HttpUrl.get(uri);
      get(HttpUrl.get(request.queryParameter("redirect_uri")).newBuilder()
          .addQueryParameter("error", "access_denied").addQueryParameter("state", request.queryParameter("state")).build());
    })).isInstanceOfSatisfying(TickGuardException.class, e -> assertThat(e.providerCode()).contains("access_denied"));
    assertThat(tokenServer.getRequestCount()).isZero();
  }

  @Test
  void strayRequestsToOtherPathsDoNotEndTheWait() {
    tokenServer.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body("{\"access_token\":\"at-1\",\"token_type\":\"Bearer\",\"expires_in\":1200}").build());
    TokenGrant grant = login().login(uri -> {
      HttpUrl request = HttpUrl.get(uri);
      HttpUrl favicon = HttpUrl.get(request.queryParameter("redirect_uri")).resolve("/favicon.ico");
      get(favicon).thenCompose(page -> {
        assertThat(page).startsWith("404 ");
        return redirect(uri, "c", request.queryParameter("state"));
      });
    });
    assertThat(grant.accessToken().matches("at-1")).isTrue();
  }

  @Test
  void plainHttpAuthorizationEndpointIsRefused() {
    TokenEndpointClient endpoint = TokenEndpointClient.builder(http, tokenServer.url("/token"), "app-key")
        .allowPlaintextLoopback(true).build();
    assertThatThrownBy(() -> PkceLogin.builder(endpoint, HttpUrl.get("http://login.example.test/authorize")))
        .isInstanceOf(io.tickguard.core.InvalidRequestException.class)
        .hasMessageContaining("https");
  }
}
