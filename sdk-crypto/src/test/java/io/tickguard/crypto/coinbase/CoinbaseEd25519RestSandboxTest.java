package io.tickguard.crypto.coinbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ConfigurationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.Signers;
import io.tickguard.core.auth.SigningInput;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.security.KeyPermissionReport;
import io.tickguard.crypto.Balance;
import io.tickguard.crypto.SigningVectors;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.coinbase.CoinbaseRoutes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coinbase REST with an Ed25519 CDP key (EdDSA JWTs) against the sandbox over pinned TLS: balances
 * and the start-up key permission audit pass, and the sandbox refuses a token for another uri, an
 * expired token and a token from another key with Coinbase's 401 {@code UNAUTHENTICATED}. Coinbase
 * publishes no Ed25519 JWT test vector (its SDKs' tests generate keys at run time); the key's
 * decoding from the CDP portal's 64-byte form is checked against RFC 8032's TEST 1 instead.
 */
class CoinbaseEd25519RestSandboxTest {
  private static final String KEY_NAME = "organizations/0f3c/apiKeys/ed25519-rest";
  private static final String ACCOUNTS = "/api/v3/brokerage/accounts";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00.400Z"));
  private final KeyPair key = ed25519();
  private SandboxServer sandbox;

  @AfterEach
  void stop() {
    if (sandbox != null) {
      sandbox.close();
    }
  }

  private static KeyPair ed25519() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The key as the CDP portal shows it: base64 of the 32-byte seed followed by the 32-byte public key. */
  private static Secret cdpSecret(KeyPair pair) {
    byte[] pkcs8 = pair.getPrivate().getEncoded();
    byte[] x509 = pair.getPublic().getEncoded();
    byte[] raw = new byte[64];
    System.arraycopy(pkcs8, pkcs8.length - 32, raw, 0, 32);
    System.arraycopy(x509, x509.length - 32, raw, 32, 32);
    return Secret.ofBytes(Base64.getEncoder().encode(raw));
  }

  private void start(Scope... granted) {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false)
        .routes(new CoinbaseRoutes().maxAccountsPage(3).cdpKey(KEY_NAME, key.getPublic(), granted)).start();
  }

  private CoinbaseClient.Builder client(KeyPair signingKey) {
    return CoinbaseClient.builder().config(sandbox.clientConfigBuilder().clock(clock).build())
        .credentials(CoinbaseKeys.cdpEd25519(KEY_NAME, cdpSecret(signingKey)));
  }

  @Test
  void balancesWithAnEd25519KeyReadEveryPageOverPinnedTls() {
    start(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    assertThat(sandbox.clientConfig().baseUrl().isHttps()).isTrue();
    try (CoinbaseClient client = client(key).keyPermissionAudit(KeyAuditPolicy.OFF).build()) {
      List<Balance> balances = client.balances();
      assertThat(balances).extracting(Balance::asset)
          .containsExactlyElementsOf(CoinbaseRoutes.accountCurrencies(sandbox.market()));
      assertThat(balances).allSatisfy(b -> assertThat(b.free())
          .isEqualByComparingTo(CoinbaseRoutes.availableBalance(sandbox.market(), b.asset())));
      assertThat(sandbox.servedRequests()).filteredOn(r -> r.routeKey().equals("GET " + ACCOUNTS)).hasSizeGreaterThan(2);
    }
  }

  @Test
  void keyPermissionAuditWithAnEd25519KeyPassesStrictForALeastPrivilegeKey() {
    start(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    try (CoinbaseClient client = client(key).keyPermissionAudit(KeyAuditPolicy.STRICT).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.LEAST_PRIVILEGE);
      assertThat(report.rawPermissions()).contains("can_view=true", "can_trade=false", "can_transfer=false");
    }
    assertThat(sandbox.servedRequests()).extracting(r -> r.routeKey()).contains("GET /api/v3/brokerage/key_permissions");
  }

  @Test
  void keyPermissionAuditWithAnEd25519TradeKeyReportsItOverPrivileged() {
    start(Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE);
    try (CoinbaseClient client = client(key).build()) {
      KeyPermissionReport report = client.security().keyPermissionReport().orElseThrow();
      assertThat(report.status()).isEqualTo(KeyPermissionReport.Status.OVER_PRIVILEGED);
      assertThat(report.findings()).extracting(f -> f.scope().orElse(null)).containsExactly(Scope.TRADE);
    }
  }

  /** A REST JWT for {@code method path} at {@code time}, signed with the client's own signer. */
  private String jwt(ApiCredentials credentials, String method, String path, Instant time) {
    SigningInput in = new SigningInput(method, "127.0.0.1", path, "", "", time, Long.toString(time.getEpochSecond()), 0);
    return CoinbaseSigners.cdpJwt().sign(in, credentials).value();
  }

  private record Answer(int status, JsonNode body) {}

  private Answer getAccounts(String jwt) throws Exception {
    try (ApiClient api = ApiClient.builder(sandbox.clientConfig()).build();
         Response r = api.httpClient().newCall(new Request.Builder().url(sandbox.url(ACCOUNTS))
             .header("Authorization", "Bearer " + jwt).build()).execute()) {
      return new Answer(r.code(), JSON.readTree(r.body().string()));
    }
  }

  private static JsonNode part(String jwt, int index) {
    return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
  }

  @Test
  void restJwtOfAnEd25519KeyIsEdDsaWithTheUriClaimAndVerifiesWithThePublicKey() throws Exception {
    ApiCredentials credentials = CoinbaseKeys.cdpEd25519(KEY_NAME, cdpSecret(key));
    Instant now = clock.instant();
    String jwt = jwt(credentials, "GET", ACCOUNTS, now);
    JsonNode header = part(jwt, 0);
    JsonNode claims = part(jwt, 1);
    assertThat(header.get("alg").asString()).isEqualTo("EdDSA");
    assertThat(header.get("kid").asString()).isEqualTo(KEY_NAME);
    assertThat(header.get("nonce").asString()).matches("[0-9a-f]{32}");
    assertThat(claims.get("uri").asString()).isEqualTo("GET 127.0.0.1" + ACCOUNTS);
    assertThat(claims.get("iss").asString()).isEqualTo("cdp");
    assertThat(claims.get("sub").asString()).isEqualTo(KEY_NAME);
    assertThat(claims.get("nbf").asLong()).isEqualTo(now.getEpochSecond());
    assertThat(claims.get("exp").asLong()).isEqualTo(now.getEpochSecond() + 120);
    String[] parts = jwt.split("\\.");
    byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
    assertThat(signature).hasSize(64);
    assertThat(SigningVectors.verify("Ed25519", key.getPublic(), parts[0] + "." + parts[1], signature)).isTrue();
  }

  @Test
  void sandboxAcceptsTheEd25519JwtForItsUriAndRefusesOneForAnotherUri() throws Exception {
    start(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    ApiCredentials credentials = CoinbaseKeys.cdpEd25519(KEY_NAME, cdpSecret(key));
    assertThat(getAccounts(jwt(credentials, "GET", ACCOUNTS, clock.instant())).status()).isEqualTo(200);
    Answer other = getAccounts(jwt(credentials, "GET", "/api/v3/brokerage/orders/historical/batch", clock.instant()));
    assertUnauthenticated(other, "uri claim does not match");
    assertUnauthenticated(getAccounts(jwt(credentials, "POST", ACCOUNTS, clock.instant())), "uri claim does not match");
  }

  @Test
  void expiredEd25519JwtIsRefused() throws Exception {
    start(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    ApiCredentials credentials = CoinbaseKeys.cdpEd25519(KEY_NAME, cdpSecret(key));
    assertUnauthenticated(getAccounts(jwt(credentials, "GET", ACCOUNTS, clock.instant().minusSeconds(121))), "token expired");
    assertUnauthenticated(getAccounts(jwt(credentials, "GET", ACCOUNTS, clock.instant().plusSeconds(30))), "not valid yet");
  }

  private static void assertUnauthenticated(Answer answer, String reason) {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("error").asString()).isEqualTo("UNAUTHENTICATED");
    assertThat(answer.body().get("error_details").asString()).contains(reason);
  }

  @Test
  void jwtOfAnotherEd25519KeyUnderTheSameNameIsAnAuthenticationFailure() {
    start(Scope.MARKET_DATA, Scope.ACCOUNT_READ);
    try (CoinbaseClient client = client(ed25519()).keyPermissionAudit(KeyAuditPolicy.OFF).build()) {
      assertThatThrownBy(client::balances).isInstanceOfSatisfying(AuthenticationException.class, e -> {
        assertThat(e.httpStatus()).contains(401);
        assertThat(e.providerCode()).contains("UNAUTHENTICATED");
        assertThat(e.getMessage()).contains("invalid signature").doesNotContain("eyJ");
      });
    }
  }

  @Test
  void wrongKindOfKeyIsAnInvalidRequestOnCredentials() {
    ApiCredentials hmac = ApiCredentials.hmac(KEY_NAME, Secret.ofBytes("not-a-cdp-key".getBytes(StandardCharsets.UTF_8)));
    assertThatThrownBy(() -> CoinbaseClient.builder().credentials(hmac))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
    assertThatThrownBy(() -> CoinbaseAuth.cdpJwt(hmac, Clock.systemUTC()))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("credentials");
          assertThat(e.getMessage()).contains("Ed25519").contains("EC P-256");
        });
    ApiCredentials ed = CoinbaseKeys.cdpEd25519(KEY_NAME, cdpSecret(key));
    assertThat(ed.keyType()).isEqualTo(KeyType.ED25519);
    assertThat(CoinbaseAuth.cdpJwt(ed, Clock.systemUTC())).isNotNull();
  }

  @Test
  void cdpPortalSecretOfRfc8032Test1SignsAsTheRfcSays() {
    Properties v = SigningVectors.load("coinbase/rfc8032-ed25519-test1.properties");
    byte[] raw = HexFormat.of().parseHex(v.getProperty("secretKey") + v.getProperty("publicKey"));
    ApiCredentials credentials = CoinbaseKeys.cdpEd25519(KEY_NAME, Secret.ofBytes(Base64.getEncoder().encode(raw)));
    SigningInput in = SigningVectors.input("GET", "/", "", "", "0", 0);
    String signature = Signers.ed25519(i -> v.getProperty("message")).sign(in, credentials).value();
    assertThat(HexFormat.of().formatHex(Base64.getDecoder().decode(signature))).isEqualTo(v.getProperty("signature"));
  }

  @Test
  void mangledCdpSecretsAreRefusedOnSecret() {
    byte[] good = Base64.getDecoder().decode(cdpSecret(key).bytes());
    byte[] otherPublic = Arrays.copyOf(good, 64);
    byte[] foreign = Base64.getDecoder().decode(cdpSecret(ed25519()).bytes());
    System.arraycopy(foreign, 32, otherPublic, 32, 32);
    for (byte[] bad : List.of(
        "not base64 at all!".getBytes(StandardCharsets.US_ASCII),
        Base64.getEncoder().encode(Arrays.copyOf(good, 32)),
        Base64.getEncoder().encode(otherPublic))) {
      assertThatThrownBy(() -> CoinbaseKeys.cdpEd25519(KEY_NAME, Secret.ofBytes(bad)))
          .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.setting()).isEqualTo("secret"));
    }
  }
}
