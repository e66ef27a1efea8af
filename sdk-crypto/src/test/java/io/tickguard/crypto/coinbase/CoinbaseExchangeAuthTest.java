package io.tickguard.crypto.coinbase;

import static io.tickguard.crypto.SigningVectors.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.resilience.ResiliencePolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link CoinbaseAuth#exchangeHmac} end to end through an {@code ApiClient} against a loopback
 * server that recomputes Coinbase Exchange's signature on its own (JDK {@code Mac}, not TickGuard's
 * signer) and refuses a mismatch; the secret headers are redacted from what an error echoes. Coinbase
 * Exchange publishes no example signature: the signer itself is checked against the independently
 * computed vectors of {@code CoinbaseSignersTest}, whose secret and timestamp this test reuses.
 */
class CoinbaseExchangeAuthTest {
  private static final String KEY = "cb-exchange-key-0001";
  private static final String PASSPHRASE = "exchange-passphrase-never-printed";
  private static final Properties VECTORS = load("coinbase/coinbase-exchange-hmac-independent.properties");
  private static final String SECRET = VECTORS.getProperty("secret");
  /** The vectors' GET timestamp, 1700000000: the client's clock reads it. */
  private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

  private static final Endpoint ORDERS = Endpoint.builder("orders", HttpMethod.GET, "/orders")
      .auth(AuthMode.SIGNED).scope(Scope.ACCOUNT_READ).query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4)).build();
  private static final Endpoint PLACE = Endpoint.builder("placeOrder", HttpMethod.POST, "/orders")
      .auth(AuthMode.SIGNED).scope(Scope.ACCOUNT_READ).idempotent(false).build();

  private final MockWebServer server = new MockWebServer();
  private final List<String> verdicts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest r) {
        String verdict = verify(r);
        verdicts.add(verdict);
        if (verdict.equals("ok")) {
          return json(200, "{\"ok\":true}");
        }
        // Like a careless gateway: the error echoes the headers it received.
        return json(400, "{\"message\":\"" + verdict + "; got key " + r.getHeaders().get("CB-ACCESS-KEY")
            + " passphrase " + r.getHeaders().get("CB-ACCESS-PASSPHRASE") + " sign " + r.getHeaders().get("CB-ACCESS-SIGN")
            + "\"}");
      }
    });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  /** Coinbase Exchange's check, written from its docs: every header present, the prehash recomputed. */
  private static String verify(RecordedRequest r) {
    String timestamp = r.getHeaders().get("CB-ACCESS-TIMESTAMP");
    String sign = r.getHeaders().get("CB-ACCESS-SIGN");
    if (!KEY.equals(r.getHeaders().get("CB-ACCESS-KEY")) || !PASSPHRASE.equals(r.getHeaders().get("CB-ACCESS-PASSPHRASE"))
        || timestamp == null || sign == null) {
      return "missing or wrong key headers";
    }
    String query = r.getUrl().encodedQuery();
    String requestPath = r.getUrl().encodedPath() + (query == null ? "" : "?" + query);
    String body = r.getBody() == null ? "" : r.getBody().utf8();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET), "HmacSHA256"));
      byte[] expected = mac.doFinal((timestamp + r.getMethod() + requestPath + body).getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(expected).equals(sign) ? "ok" : "invalid signature";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ApiCredentials credentials(String secret) {
    return ApiCredentials.hmac(KEY, Secret.of(secret.toCharArray())).withPassphrase(Secret.of(PASSPHRASE.toCharArray()));
  }

  private ApiClient client(ApiCredentials credentials) {
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
        .clock(CLOCK).resilience(ResiliencePolicy.none()).build();
    return ApiClient.builder(config).authenticator(CoinbaseAuth.exchangeHmac(credentials, CLOCK))
        .secretHeaders(CoinbaseAuth.EXCHANGE_SECRET_HEADERS.toArray(String[]::new)).build();
  }

  @Test
  void signedGetWithQueryAndPostWithBodyPassTheServersOwnCheck() throws Exception {
    try (ApiClient api = client(credentials(SECRET))) {
      assertThat(api.execute(ORDERS.request().query("limit", "10").build(), ApiResponse::json).get("ok").asBoolean()).isTrue();
      byte[] order = VECTORS.getProperty("post.body").getBytes(StandardCharsets.UTF_8);
      assertThat(api.execute(PLACE.request().jsonBody(order).build(), ApiResponse::json).get("ok").asBoolean()).isTrue();
    }
    assertThat(verdicts).containsExactly("ok", "ok");
    RecordedRequest get = server.takeRequest();
    assertThat(get.getHeaders().get("CB-ACCESS-TIMESTAMP")).isEqualTo(VECTORS.getProperty("get.timestamp"));
    // The GET is exactly the independent vector's request: same secret, timestamp, method and path.
    assertThat(get.getHeaders().get("CB-ACCESS-SIGN")).isEqualTo(VECTORS.getProperty("get.signature"));
  }

  @Test
  void wrongSecretIsRefusedByTheServerAndTheErrorCarriesNoSecretHeaderValue() {
    String otherSecret = Base64.getEncoder().encodeToString("another-32-byte-exchange-secret!".getBytes(StandardCharsets.US_ASCII));
    try (ApiClient api = client(credentials(otherSecret))) {
      assertThatThrownBy(() -> api.execute(ORDERS.request().build(), ApiResponse::json))
          .isInstanceOfSatisfying(TickGuardException.class, e -> assertThat(e.getMessage())
              .contains("invalid signature").doesNotContain(PASSPHRASE).doesNotContain(KEY));
    }
    assertThat(verdicts).containsExactly("invalid signature");
  }

  @Test
  void credentialsWithoutPassphraseOrOfAnotherKindOrNotBase64AreRefusedOnCredentials() {
    List<ApiCredentials> bad = List.of(
        ApiCredentials.hmac(KEY, Secret.of(SECRET.toCharArray())),
        ApiCredentials.apiKeyOnly(KEY),
        credentials("not base64!"));
    for (ApiCredentials c : bad) {
      assertThatThrownBy(() -> CoinbaseAuth.exchangeHmac(c, CLOCK))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
            assertThat(e.field()).isEqualTo("credentials");
            assertThat(e.getMessage()).doesNotContain(PASSPHRASE);
          });
    }
    assertThat(server.getRequestCount()).isZero();
  }
}
