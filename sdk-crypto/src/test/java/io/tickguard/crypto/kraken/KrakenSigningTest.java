package io.tickguard.crypto.kraken;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.ConfigurationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.RotatingCredentialsProvider;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.MockApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code KrakenClient.Builder.credentials(...)}: Kraken's signing rule against its published example
 * and on the wire.
 */
class KrakenSigningTest {
  /**
   * The worked example of docs.kraken.com "Spot REST Authentication"
   * (https://docs.kraken.com/api/docs/guides/spot-rest-auth): a limit buy of 1.25 XBTUSD at 37,500.
   */
  static final String DOCS_PRIVATE_KEY =
      "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
  static final long DOCS_NONCE = 1616492376594L;
  static final String DOCS_PAYLOAD = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
  static final String DOCS_API_SIGN =
      "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

  static final String KEY = "kraken-unit-key";
  static final String SECRET = Base64.getEncoder().encodeToString(
      "a sixty-four byte private key for the Kraken signing unit tests!".getBytes(StandardCharsets.US_ASCII));

  private MockApi server;

  @BeforeEach
  void start() {
    server = new MockApi();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static ApiCredentials credentials(String key, String base64Secret) {
    return ApiCredentials.hmac(key, Secret.of(base64Secret.toCharArray()));
  }

  /** Kraken's algorithm, written out here independently of core's signer. */
  static String expectedApiSign(String base64Secret, String path, String nonce, String body) throws Exception {
    byte[] digest = MessageDigest.getInstance("SHA-256").digest((nonce + body).getBytes(StandardCharsets.UTF_8));
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(Base64.getDecoder().decode(base64Secret), "HmacSHA512"));
    mac.update(path.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(mac.doFinal(digest));
  }

  @Test
  void independentAlgorithmReproducesTheDocsExample() throws Exception {
    assertThat(expectedApiSign(DOCS_PRIVATE_KEY, "/0/private/AddOrder", Long.toString(DOCS_NONCE),
        DOCS_PAYLOAD)).isEqualTo(DOCS_API_SIGN);
  }

  @Test
  void clientSigningRuleReproducesTheDocsAddOrderExample() throws Exception {
    Clock atDocsNonce = Clock.fixed(Instant.ofEpochMilli(DOCS_NONCE), ZoneOffset.UTC);
    Request order = new Request.Builder().url("https://api.kraken.com/0/private/AddOrder")
        .post(RequestBody.create("ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25",
            MediaType.get("application/x-www-form-urlencoded")))
        .build();

    Request signed = KrakenClient.signingAuthenticator(
        CredentialsProvider.of(credentials("docs-public-key", DOCS_PRIVATE_KEY)), atDocsNonce, null).sign(order);

    Buffer body = new Buffer();
    signed.body().writeTo(body);
    assertThat(body.readUtf8()).isEqualTo(DOCS_PAYLOAD);
    assertThat(signed.header("API-Key")).isEqualTo("docs-public-key");
    assertThat(signed.header("API-Sign")).isEqualTo(DOCS_API_SIGN);
  }

  @Test
  void publicAuthenticatorWithAnInjectedNonceSourceReproducesTheDocsExampleWithoutTouchingTheClock() throws Exception {
    Request order = new Request.Builder().url("https://api.kraken.com/0/private/AddOrder")
        .post(RequestBody.create("ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25",
            MediaType.get("application/x-www-form-urlencoded")))
        .build();

    Request signed = KrakenAuth.apiSign(credentials("docs-public-key", DOCS_PRIVATE_KEY), key -> DOCS_NONCE).sign(order);

    Buffer body = new Buffer();
    signed.body().writeTo(body);
    assertThat(body.readUtf8()).isEqualTo(DOCS_PAYLOAD);
    assertThat(signed.header("API-Sign")).isEqualTo(DOCS_API_SIGN);
  }

  @Test
  void clientBuilderNonceSourceSuppliesTheNonceOfSignedCalls() throws Exception {
    java.util.concurrent.atomic.AtomicLong next = new java.util.concurrent.atomic.AtomicLong(7_000_000_000_000_000L);
    try (KrakenClient client = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(credentials(KEY, SECRET)).nonceSource(key -> next.incrementAndGet()).build()) {
      server.json(200, "{\"error\":[],\"result\":{\"XXBT\":\"1.0000000000\"}}");
      assertThat(client.balances()).hasSize(1);
    }
    RecordedRequest r = server.take();
    assertThat(r.getBody().utf8()).startsWith("nonce=7000000000000001");
  }

  @Test
  void balancesAreSignedWithTheNonceFirstAndStrictlyIncreasingNonces() throws Exception {
    try (KrakenClient client = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(credentials(KEY, SECRET)).build()) {
      for (int i = 0; i < 2; i++) {
        server.json(200, "{\"error\":[],\"result\":{\"XXBT\":\"1.0000000000\"}}");
        assertThat(client.balances()).hasSize(1);
      }
    }
    long frozen = MockApi.NOW.toEpochMilli();
    for (long nonce : new long[] {frozen, frozen + 1}) { // the clock is frozen: nonces still increase
      RecordedRequest r = server.take();
      String body = r.getBody().utf8();
      assertThat(body).isEqualTo("nonce=" + nonce);
      assertThat(r.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
      assertThat(r.getHeaders().get("API-Key")).isEqualTo(KEY);
      assertThat(r.getHeaders().get("API-Sign"))
          .isEqualTo(expectedApiSign(SECRET, "/0/private/Balance", Long.toString(nonce), body));
    }
  }

  @Test
  void publicCallsCarryNoKeyOrSignature() {
    try (KrakenClient client = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(credentials(KEY, SECRET)).build()) {
      server.json(200, "{\"error\":[],\"result\":{\"unixtime\":1704067200}}");
      client.serverTime();
    }
    RecordedRequest r = server.take();
    assertThat(r.getHeaders().get("API-Key")).isNull();
    assertThat(r.getHeaders().get("API-Sign")).isNull();
  }

  @Test
  void keysThatAreNotHmacAreRefusedByTheBuilder() {
    assertThatThrownBy(() -> KrakenClient.builder().credentials(ApiCredentials.apiKeyOnly("abcdefgh")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.field()).isEqualTo("credentials"));
  }

  @Test
  void credentialsAndAnAuthenticatorTogetherAreRefused() {
    assertThatThrownBy(() -> KrakenClient.builder().config(server.config())
        .credentials(ApiCredentials.hmac("key", io.tickguard.core.auth.Secret.of("a2V5".toCharArray())))
        .authenticator(new io.tickguard.crypto.FakeAuthenticator()).build())
        .isInstanceOf(io.tickguard.core.InvalidRequestException.class).hasMessageContaining("not both");
  }

  @Test
  void rejectedSignatureIsAnAuthenticationFailureThatNeverQuotesTheSecret() {
    try (KrakenClient client = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(credentials(KEY, SECRET)).build()) {
      server.json(200, "{\"error\":[\"EAPI:Invalid signature\"],\"result\":{}}");
      assertThatThrownBy(client::balances)
          .isInstanceOfSatisfying(AuthenticationException.class, e -> {
            assertThat(e.providerCode()).contains("EAPI:Invalid signature");
            assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(KEY);
          });
    }
  }

  /** A private key copied with quotes or a word of the wrong variable: not base64, and unusable. */
  static final String NOT_BASE64 = "\"kraken-private-key-1234\"";

  @Test
  void aPrivateKeyThatIsNotBase64IsAConfigurationExceptionThatNeverShowsIt() {
    ConfigurationException e = catchThrowableOfType(ConfigurationException.class,
        () -> KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
            .credentials(credentials(KEY, NOT_BASE64)).build());

    assertThat(e).isNotNull().isInstanceOf(io.tickguard.core.TickGuardException.class)
        .hasMessageContaining("base64").hasMessageContaining("exactly as issued")
        .hasMessageNotContaining("kraken-private-key").hasNoCause(); // base64's own error quotes a character
    assertThat(e.setting()).isEqualTo("credentials");
    assertThat(server.requestCount()).isZero(); // refused at build(), before any I/O
  }

  @Test
  void aRotatedPrivateKeyThatIsNotBase64FailsTheCallTypedBeforeSendingIt() {
    RotatingCredentialsProvider keys = new RotatingCredentialsProvider(credentials(KEY, SECRET));
    try (KrakenClient client = KrakenClient.builder().config(server.config()).throttle(Throttle.unlimited())
        .credentials(keys).build()) {
      keys.rotate(credentials("kraken-next-key", NOT_BASE64));

      assertThatThrownBy(client::balances).isInstanceOfSatisfying(ConfigurationException.class, e -> {
        assertThat(e.setting()).isEqualTo("credentials");
        assertThat(e.getMessage()).doesNotContain("kraken-private-key");
      });
    }
    assertThat(server.requestCount()).isZero();
  }
}
