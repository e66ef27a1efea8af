package io.tickguard.testkit.saxo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.OAuthSettings;
import io.tickguard.testkit.SandboxJson;
import io.tickguard.testkit.SandboxServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The sandbox's Saxo login and REST answers, read with plain OkHttp (independently of the client). */
class SaxoRoutesTest {
  private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"; // RFC 7636 appendix B
  private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
  private static final String REDIRECT = "http://127.0.0.1:53682/callback";

  private final MutableClock clock = new MutableClock(Instant.parse("2024-03-04T10:00:00Z"));
  private final SandboxServer sandbox = SandboxServer.builder().clock(clock)
      .oauth(new OAuthSettings(Duration.ofMinutes(20), Duration.ofHours(1), false)).routes(new SaxoRoutes()).start();
  private final OkHttpClient http;

  SaxoRoutesTest() {
    OkHttpClient.Builder b = new OkHttpClient.Builder().followRedirects(false);
    sandbox.tlsConfig().applyTo(b);
    http = b.build();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Response get(HttpUrl url, String bearer) throws IOException {
    Request.Builder r = new Request.Builder().url(url);
    if (bearer != null) {
      r.header("Authorization", "Bearer " + bearer);
    }
    return http.newCall(r.build()).execute();
  }

  private String code(String challenge, String method) throws IOException {
    HttpUrl authorize = sandbox.url(SaxoRoutes.AUTHORIZE_PATH).newBuilder()
        .addQueryParameter("response_type", "code").addQueryParameter("client_id", SaxoRoutes.CLIENT_ID)
        .addQueryParameter("redirect_uri", REDIRECT).addQueryParameter("state", "s1")
        .addQueryParameter("code_challenge", challenge).addQueryParameter("code_challenge_method", method).build();
    try (Response r = get(authorize, null)) {
      assertThat(r.code()).isEqualTo(302);
      HttpUrl location = HttpUrl.get(r.header("Location"));
      assertThat(location.port()).as("any loopback port is accepted").isEqualTo(53682);
      assertThat(location.queryParameter("state")).isEqualTo("s1");
      return location.queryParameter("code") == null ? "error:" + location.queryParameter("error") : location.queryParameter("code");
    }
  }

  private JsonNode token(FormBody form, int expectedStatus) throws IOException {
    try (Response r = http.newCall(new Request.Builder().url(sandbox.url(SaxoRoutes.TOKEN_PATH)).post(form).build()).execute()) {
      assertThat(r.code()).isEqualTo(expectedStatus);
      return SandboxJson.read(r.body().string());
    }
  }

  private FormBody exchange(String code, String verifier, String redirect) {
    return new FormBody.Builder().add("grant_type", "authorization_code").add("client_id", SaxoRoutes.CLIENT_ID)
        .add("code", code).add("code_verifier", verifier).add("redirect_uri", redirect).build();
  }

  @Test
  void codeIsExchangedOnlyWithTheMatchingVerifierAndRedirectUri() throws Exception {
    assertThat(token(exchange(code(CHALLENGE, "S256"), "x".repeat(43), REDIRECT), 400).get("error").stringValue())
        .isEqualTo("invalid_grant");
    assertThat(token(exchange(code(CHALLENGE, "S256"), VERIFIER, "http://127.0.0.1:1/other"), 400).get("error").stringValue())
        .isEqualTo("invalid_grant");
    JsonNode ok = token(exchange(code(CHALLENGE, "S256"), VERIFIER, REDIRECT), 200);
    assertThat(ok.get("expires_in").intValue()).isEqualTo(1200);
    assertThat(ok.get("refresh_token_expires_in").intValue()).isEqualTo(3600);
  }

  @Test
  void plainChallengeMethodIsRefusedAtTheAuthorizationEndpoint() throws Exception {
    assertThat(code(VERIFIER, "plain")).isEqualTo("error:invalid_request");
  }

  @Test
  void replayedCodeRevokesTheSessionItIssued() throws Exception {
    String code = code(CHALLENGE, "S256");
    JsonNode first = token(exchange(code, VERIFIER, REDIRECT), 200);
    token(exchange(code, VERIFIER, REDIRECT), 400);
    try (Response r = get(sandbox.url(SaxoRoutes.OPENAPI + "/ref/v1/instruments/details?AssetTypes=FxSpot"),
        first.get("access_token").stringValue())) {
      assertThat(r.code()).isEqualTo(401);
      assertThat(r.body().string()).as("Saxo's 401 has no body").isEmpty();
    }
  }

  @Test
  void rotatedRefreshTokenPresentedAgainRevokesTheWholeSession() throws Exception {
    JsonNode login = token(exchange(code(CHALLENGE, "S256"), VERIFIER, REDIRECT), 200);
    String firstRefresh = login.get("refresh_token").stringValue();
    FormBody refresh = new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", SaxoRoutes.CLIENT_ID)
        .add("refresh_token", firstRefresh).build();
    JsonNode rotated = token(refresh, 200);
    assertThat(rotated.get("refresh_token").stringValue()).isNotEqualTo(firstRefresh);

    token(refresh, 400);
    FormBody next = new FormBody.Builder().add("grant_type", "refresh_token").add("client_id", SaxoRoutes.CLIENT_ID)
        .add("refresh_token", rotated.get("refresh_token").stringValue()).build();
    assertThat(token(next, 400).get("error").stringValue()).isEqualTo("invalid_grant");
  }

  @Test
  void restAnswersCarrySaxoRateLimitHeadersAndErrorsCarryModelState() throws Exception {
    String access = token(exchange(code(CHALLENGE, "S256"), VERIFIER, REDIRECT), 200).get("access_token").stringValue();
    try (Response r = get(sandbox.url(SaxoRoutes.OPENAPI + "/trade/v1/infoprices/list?AssetType=FxSpot&Uics=21"), access)) {
      assertThat(r.code()).isEqualTo(200);
      assertThat(r.header("X-RateLimit-Session-Limit")).isEqualTo("120");
      assertThat(r.header("X-RateLimit-Session-Remaining")).isEqualTo("119");
      assertThat(r.header("X-RateLimit-AppDay-Limit")).isEqualTo("10000000");
      JsonNode quote = SandboxJson.read(r.body().string()).get("Data").get(0).get("Quote");
      assertThat(quote.get("Bid").isNumber()).as("Saxo sends JSON numbers").isTrue();
    }
    try (Response r = get(sandbox.url(SaxoRoutes.OPENAPI + "/trade/v1/infoprices/list?AssetType=FxSpot&Uics=999999"), access)) {
      assertThat(r.code()).isEqualTo(400);
      JsonNode error = SandboxJson.read(r.body().string());
      assertThat(error.get("ErrorCode").stringValue()).isEqualTo("InvalidModelState");
      assertThat(error.get("ModelState").get("Uics").get(0).stringValue()).contains("999999");
    }
  }

  @Test
  void framesFollowSaxosLayout() throws Exception {
    byte[] frame = SaxoStreaming.frame(258, "q1", "[]".getBytes(StandardCharsets.US_ASCII));
    assertThat(frame).startsWith(2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 2, 'q', '1', 0, 2, 0, 0, 0, '[', ']');
    assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(VERIFIER.getBytes(StandardCharsets.US_ASCII)))).isEqualTo(CHALLENGE);
  }
}
