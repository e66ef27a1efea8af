package io.tickguard.crypto.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ClockSkewException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Freshness;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.SignedPayload;
import io.tickguard.core.auth.SigningInput;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.security.KeyAuditPolicy;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.crypto.FakeAuthenticator;
import io.tickguard.crypto.Fixtures;
import io.tickguard.crypto.MockApi;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Binance signing as the client wires it, against the vectors Binance publishes in "SIGNED Endpoint
 * Examples for POST /api/v3/order" of
 * https://developers.binance.com/docs/binance-spot-api-docs/rest-api/request-security (also
 * {@code rest-api.md} of github.com/binance/binance-spot-api-docs, commit
 * 5edf082179565f6f7dd40536b3e51439fd3da98c). The HMAC examples publish key and secret; the RSA
 * example publishes its payload and signature but not the private key, so RSA and Ed25519 are checked
 * by verifying with the public key of a generated pair, and the RSA example's published signature is
 * used to check the percent-encoding step.
 */
class BinanceSigningTest {
  static final String DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  static final long DOC_TIMESTAMP = 1499827319559L;
  static final String DOC_PARAMS =
      "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

  private MockApi server;

  @BeforeEach
  void start() {
    server = new MockApi();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static ApiCredentials docCredentials() {
    return ApiCredentials.hmac(DOC_API_KEY, Secret.of(DOC_SECRET.toCharArray()));
  }

  private static SigningInput input(String query, String body) {
    Instant t = Instant.ofEpochMilli(DOC_TIMESTAMP);
    return new SigningInput("POST", "api.binance.com", "/api/v3/order", query, body, t, Long.toString(DOC_TIMESTAMP), 1);
  }

  @Test
  void hmacExampleAsQueryStringMatchesTheDocs() {
    RequestSignature s = BinanceClient.signer(KeyType.HMAC).sign(input(DOC_PARAMS, ""), docCredentials());
    assertThat(s.value()).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
  }

  @Test
  void hmacExampleAsRequestBodyMatchesTheDocs() {
    RequestSignature s = BinanceClient.signer(KeyType.HMAC).sign(input("", DOC_PARAMS), docCredentials());
    assertThat(s.value()).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
  }

  @Test
  void hmacExampleMixingQueryAndBodyJoinsThemWithoutAnAmpersand() {
    RequestSignature s = BinanceClient.signer(KeyType.HMAC).sign(
        input("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
            "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"),
        docCredentials());
    assertThat(s.value()).isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    assertThat(s.payload().canonical()).contains("timeInForce=GTCquantity=1");
  }

  @Test
  void rsaExampleSignatureIsPercentEncodedExactlyAsTheDocsShow() {
    String published = "HZ8HOjiJ1s/igS9JA+n7+7Ti/ihtkRF5BIWcPIEluJP6tlbFM/Bf44LfZka/iemtahZAZzcO9TnI5uaXh3++lrqtNonCwp6/"
        + "245UFWkiW1elpgtVAmJPbogcAv6rSlokztAfWk296ZJXzRDYAtzGH0gq7CgSJKfH+XxaCmR0WcvlKjNQnp12/eKXJYO4tDap8UCBL"
        + "uyxDnR7oJKLHQHJLP0r0EAVOOSIbrFang/1WOq+Jaq4Efc4XpnTgnwlBbWTmhWDR1pvS9iVEzcSYLHT/fNnMRxFc7u+j3qI//5yuGuu"
        + "14KR0MuQKKCSpViieD+fIti46sxPTsjSemoUKp0oXA==";
    String expected = "HZ8HOjiJ1s%2FigS9JA%2Bn7%2B7Ti%2FihtkRF5BIWcPIEluJP6tlbFM%2FBf44LfZka%2FiemtahZAZzcO9TnI5uaXh3%2B%2B"
        + "lrqtNonCwp6%2F245UFWkiW1elpgtVAmJPbogcAv6rSlokztAfWk296ZJXzRDYAtzGH0gq7CgSJKfH%2BXxaCmR0WcvlKjNQnp12%2F"
        + "eKXJYO4tDap8UCBLuyxDnR7oJKLHQHJLP0r0EAVOOSIbrFang%2F1WOq%2BJaq4Efc4XpnTgnwlBbWTmhWDR1pvS9iVEzcSYLHT%2F"
        + "fNnMRxFc7u%2Bj3qI%2F%2F5yuGuu14KR0MuQKKCSpViieD%2BfIti46sxPTsjSemoUKp0oXA%3D%3D";
    String docPayload = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000";
    Request prepared = new Request.Builder().url("https://api.binance.com/api/v3/order?" + docPayload).build();
    Freshness freshness = new Freshness(Instant.ofEpochMilli(1668481559918L), "1668481559918", 1);
    Request sent = BinanceClient.attachRule(null).attach(prepared,
        ApiCredentials.apiKeyOnly("CAvIjXy3F44yW6Pou5k8Dy1swsYDWJZLeoK2r8G4cFDnE9nosRppc2eKc1T8TRTQ"), freshness,
        new RequestSignature(published, new SignedPayload("RSA", docPayload)));
    assertThat(sent.url().encodedQuery()).isEqualTo(docPayload + "&signature=" + expected);
    assertThat(sent.header("X-MBX-APIKEY")).isEqualTo("CAvIjXy3F44yW6Pou5k8Dy1swsYDWJZLeoK2r8G4cFDnE9nosRppc2eKc1T8TRTQ");
  }

  @Test
  void rsaSignerSignsTheDocumentedPayloadVerifiablyWithSha256() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    ApiCredentials rsa = ApiCredentials.rsa("rsa-key", Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())));
    String docPayload = "symbol=BTCUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=1&price=0.2&timestamp=1668481559918&recvWindow=5000";
    RequestSignature s = BinanceClient.signer(KeyType.RSA).sign(input(docPayload, ""), rsa);
    assertThat(verifies("SHA256withRSA", pair.getPublic(), docPayload, s.value())).isTrue();
    assertThat(verifies("SHA256withRSA", pair.getPublic(), docPayload + "&x=1", s.value())).isFalse();
  }

  @Test
  void signedAccountCallCarriesKeyRecvWindowTimestampAndTheHmacOfTheQueryAsSent() throws Exception {
    Clock docTime = Clock.fixed(Instant.ofEpochMilli(DOC_TIMESTAMP), ZoneOffset.UTC);
    try (BinanceClient client = BinanceClient.builder()
        .config(server.config().newBuilder().clock(docTime).build())
        .throttle(Throttle.unlimited()).keyPermissionAudit(KeyAuditPolicy.OFF)
        .credentials(docCredentials())
        .recvWindow(Duration.ofMillis(5000))
        .build()) {
      for (int i = 0; i < 3; i++) {
        server.json(200, Fixtures.json("binance/time.json")); // serverTime 1499827319559: no offset
      }
      server.json(200, Fixtures.json("binance/account.json"));

      assertThat(client.balances()).hasSize(2);

      for (int i = 0; i < 3; i++) {
        RecordedRequest time = server.take();
        assertThat(time.getUrl().encodedPath()).as("first signed call syncs the clock").isEqualTo("/api/v3/time");
        assertThat(time.getHeaders().get("X-MBX-APIKEY")).isNull();
      }
      RecordedRequest account = server.take();
      String signedPart = "recvWindow=5000&timestamp=" + DOC_TIMESTAMP;
      assertThat(account.getUrl().encodedQuery()).isEqualTo(signedPart + "&signature=" + hmacHex(DOC_SECRET, signedPart));
      assertThat(account.getHeaders().get("X-MBX-APIKEY")).isEqualTo(DOC_API_KEY);
      assertThat(client.serverClock()).hasValueSatisfying(c -> assertThat(c.offset()).isZero());
    }
  }

  @Test
  void ed25519SignatureIsBase64PercentEncodedAndVerifiesOverTheQueryAsSent() throws Exception {
    KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    ApiCredentials ed = ApiCredentials.ed25519("ed-key", Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())));
    try (BinanceClient client = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).keyPermissionAudit(KeyAuditPolicy.OFF)
        .credentials(ed).build()) {
      long now = MockApi.NOW.toEpochMilli();
      for (int i = 0; i < 3; i++) {
        server.json(200, "{\"serverTime\":" + now + "}");
      }
      server.json(200, Fixtures.json("binance/account.json"));
      client.balances();
      for (int i = 0; i < 3; i++) {
        server.take();
      }
      String query = server.take().getUrl().encodedQuery();
      assertThat(query).startsWith("timestamp=" + now + "&signature=");
      String encoded = query.substring(query.indexOf("&signature=") + "&signature=".length());
      assertThat(encoded).doesNotContain("+", "/", "=");
      String signature = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
      assertThat(verifies("Ed25519", pair.getPublic(), "timestamp=" + now, signature)).isTrue();
    }
  }

  @Test
  void minus1021IsAClockSkewThatATypedKeyClientResyncsAndRetriesOnce() {
    try (BinanceClient client = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).keyPermissionAudit(KeyAuditPolicy.OFF)
        .credentials(docCredentials()).build()) {
      long now = MockApi.NOW.toEpochMilli();
      for (int i = 0; i < 3; i++) {
        server.json(200, "{\"serverTime\":" + now + "}");
      }
      // Hand-made body: code and message from errors.md (-1021).
      server.json(400, "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}");
      for (int i = 0; i < 3; i++) {
        server.json(200, "{\"serverTime\":" + (now + 7000) + "}"); // Binance is 7 s ahead
      }
      server.json(200, Fixtures.json("binance/account.json"));

      assertThat(client.balances()).hasSize(2);

      for (int i = 0; i < 4; i++) {
        server.take();
      }
      for (int i = 0; i < 3; i++) {
        assertThat(server.take().getUrl().encodedPath()).isEqualTo("/api/v3/time");
      }
      assertThat(server.take().getUrl().queryParameter("timestamp")).isEqualTo(Long.toString(now + 7000));
      assertThat(client.serverClock().orElseThrow().offset()).isEqualTo(Duration.ofSeconds(7));
    }
  }

  @Test
  void aSecondMinus1021ReachesTheCallerAsClockSkew() {
    try (BinanceClient client = BinanceClient.builder().config(server.config()).throttle(Throttle.unlimited()).keyPermissionAudit(KeyAuditPolicy.OFF)
        .credentials(docCredentials()).build()) {
      String skew = "{\"code\":-1021,\"msg\":\"Timestamp for this request is outside of the recvWindow.\"}";
      String time = "{\"serverTime\":" + MockApi.NOW.toEpochMilli() + "}";
      for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 3; i++) {
          server.json(200, time);
        }
        server.json(400, skew);
      }
      assertThatThrownBy(client::balances)
          .isInstanceOfSatisfying(ClockSkewException.class, e -> {
            assertThat(e.providerCode()).contains("-1021");
            assertThat(e.getMessage()).doesNotContain(DOC_SECRET);
          });
      assertThat(server.requestCount()).isEqualTo(8);
    }
  }

  @Test
  void builderRefusesMismatchedKeysBothKindsOfAuthAndAnOversizedRecvWindow() {
    KeyPair pair;
    try {
      pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
    ApiCredentials ed = ApiCredentials.ed25519("ed-key", Secret.ofBytes(Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())));
    assertThat(BinanceClient.builder().credentials(ed)).isNotNull(); // Ed25519 is a Binance key kind
    assertThatThrownBy(() -> BinanceClient.builder().credentials(ApiCredentials.apiKeyOnly("binance-key-only")))
        .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
          assertThat(e.field()).isEqualTo("credentials");
          assertThat(e.getMessage()).contains("HMAC", "ED25519", "RSA", "NONE");
        });
    assertThatThrownBy(() -> BinanceClient.builder().recvWindow(Duration.ofMillis(60_001)))
        .isInstanceOf(InvalidRequestException.class);
    assertThatThrownBy(() -> BinanceClient.builder().config(server.config())
        .authenticator(new FakeAuthenticator()).credentials(docCredentials()).build())
        .isInstanceOf(InvalidRequestException.class);
  }

  private static String hmacHex(String secret, String payload) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static boolean verifies(String algorithm, PublicKey key, String payload, String base64) throws Exception {
    Signature s = Signature.getInstance(algorithm);
    s.initVerify(key);
    s.update(payload.getBytes(StandardCharsets.UTF_8));
    return s.verify(Base64.getDecoder().decode(base64));
  }

  /** Binance's "Timing security": accepted while timestamp < serverTime + 1000 and serverTime - timestamp <= recvWindow (5000 by default). */
  @Test
  void binancesDefaultRecvWindowAcceptsFiveSecondsBackAndLessThanOneSecondAhead() {
    io.tickguard.core.time.RecvWindow window = BinanceAuth.defaultRecvWindow();
    Instant server = Instant.parse("2024-03-01T12:00:00Z");

    assertThat(window.millis()).isEqualTo(5_000);
    assertThat(window.accepts(server.minusMillis(5_000), server)).isTrue();
    assertThat(window.accepts(server.minusMillis(5_001), server)).isFalse();
    assertThat(window.accepts(server.plusMillis(999), server)).isTrue();
    assertThat(window.accepts(server.plusMillis(1_000), server)).isFalse();
  }
}
