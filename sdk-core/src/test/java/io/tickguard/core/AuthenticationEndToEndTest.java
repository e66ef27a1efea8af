package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.RotatingCredentialsProvider;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.Signers;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.core.auth.SigningInput;
import io.tickguard.core.time.MutableClock;
import io.tickguard.core.token.BearerAuthenticator;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Authentication through the whole pipeline ({@link ApiClient}) against a loopback server that
 * checks signatures <em>independently</em>: each dispatcher recomputes the provider's signature
 * with {@code javax.crypto} from what it received, never with TickGuard's signers, so a signer bug
 * cannot be mirrored on both sides.
 */
class AuthenticationEndToEndTest {
  private static final String BINANCE_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
  private static final String BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
  private static final String INVALID_SIGNATURE =
      "{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}";

  static final Endpoint BINANCE_ACCOUNT =
      Endpoint.builder("account", HttpMethod.GET, "/api/v3/account")
          .auth(AuthMode.SIGNED).scope(Scope.ACCOUNT_READ)
          .query(ParamSpec.optional("omitZeroBalances", ParamSpec.WORD, 5))
          .query(ParamSpec.optional("phase", ParamSpec.WORD, 10))
          .build();
  static final Endpoint BINANCE_ORDER =
      Endpoint.builder("order", HttpMethod.POST, "/api/v3/order")
          .auth(AuthMode.SIGNED).scope(Scope.TRADE)
          .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
          .build();
  static final Endpoint KRAKEN_BALANCE =
      Endpoint.builder("balance", HttpMethod.POST, "/0/private/Balance")
          .auth(AuthMode.SIGNED).scope(Scope.ACCOUNT_READ)
          .form(ParamSpec.optional("asset", ParamSpec.WORD, 10))
          .build();
  static final Endpoint OAUTH_ACCOUNTS =
      Endpoint.builder("accounts", HttpMethod.GET, "/v1/accounts").auth(AuthMode.BEARER).scope(Scope.ACCOUNT_READ).build();

  private final MockWebServer server = new MockWebServer();
  private final List<ApiClient> clients = new ArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    clients.forEach(ApiClient::close);
    server.close();
  }

  private ApiClient client(RequestAuthenticator auth, ErrorDecoder errors) {
    ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true).build();
    ApiClient client = ApiClient.builder(config).authenticator(auth).errorDecoder(errors).build();
    clients.add(client);
    return client;
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
  }

  // ---------------------------------------------------------------- (a) Binance HMAC-SHA256

  /** What a Binance-like server saw: the query it verified, and the signature that came with it. */
  record BinanceCall(String apiKey, String signedQuery, String signature, String phase, boolean valid) {}

  /** Verifies {@code ...&signature=<hex>} as Binance documents it, with the secret of the sent key. */
  static final class BinanceServer extends Dispatcher {
    final Map<String, String> secretsByKey;
    final Queue<BinanceCall> calls = new ConcurrentLinkedQueue<>();

    BinanceServer(Map<String, String> secretsByKey) {
      this.secretsByKey = secretsByKey;
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
      String query = r.getUrl().encodedQuery();
      int at = query == null ? -1 : query.lastIndexOf("&signature=");
      String apiKey = r.getHeaders().get("X-MBX-APIKEY");
      if (at < 0 || apiKey == null || !secretsByKey.containsKey(apiKey)) {
        return json(401, "{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}");
      }
      String signed = query.substring(0, at);
      String signature = query.substring(at + "&signature=".length());
      String expected = HexFormat.of().formatHex(
          mac("HmacSHA256", secretsByKey.get(apiKey).getBytes(StandardCharsets.UTF_8), signed.getBytes(StandardCharsets.UTF_8)));
      boolean valid = MessageDigest.isEqual(
          expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
      calls.add(new BinanceCall(apiKey, signed, signature, r.getUrl().queryParameter("phase"), valid));
      return valid ? json(200, "{\"canTrade\":true,\"balances\":[]}") : json(400, INVALID_SIGNATURE);
    }
  }

  /** A provider's error decoder, as the Binance client writes it: -1022 is a rejected signature. */
  static final ErrorDecoder BINANCE_ERRORS = (response, details) -> {
    ErrorDetails full = ErrorDecoder.withGenericProviderError(response, details);
    if (full.providerCode().filter("-1022"::equals).isPresent()) {
      return new AuthenticationException(
          "Binance rejected the signature of " + response.request().endpoint().name() + " (" + full.summary()
              + "): check the API secret and that the signed query is sent unchanged", full);
    }
    return ErrorDecoder.forStatus(response, full);
  };

  private static SigningAuthenticator binanceAuth(ApiCredentials credentials) {
    return binanceAuth(CredentialsProvider.of(credentials));
  }

  private static SigningAuthenticator binanceAuth(CredentialsProvider credentials) {
    return SigningAuthenticator.builder()
        .credentials(credentials)
        .signer(Signers.hmacSha256Hex(in -> in.query() + in.body()))
        .placement(AttachRule.builder()
            .apiKeyHeader("X-MBX-APIKEY")
            .recvWindowQueryParameter("recvWindow", 5000)
            .timestampQueryParameter("timestamp")
            .signatureQueryParameter("signature")
            .build())
        .build();
  }

  @Test
  void binanceSignedGetPassesTheServersIndependentHmacCheck() {
    BinanceServer binance = new BinanceServer(Map.of(BINANCE_KEY, BINANCE_SECRET));
    server.setDispatcher(binance);
    ApiClient client = client(binanceAuth(ApiCredentials.hmac(BINANCE_KEY, secret(BINANCE_SECRET))), BINANCE_ERRORS);

    JsonNode account = client.execute(
        BINANCE_ACCOUNT.request().query("omitZeroBalances", "true").build(), ApiResponse::json);

    assertThat(account.get("canTrade").booleanValue()).isTrue();
    BinanceCall call = binance.calls.remove();
    assertThat(call.valid()).isTrue();
    assertThat(call.signedQuery()).matches("omitZeroBalances=true&recvWindow=5000&timestamp=\\d{13}");
  }

  @Test
  void binanceWrongSecretFailsWithTheSignedQueryAndWithoutSecretOrSignatureInTheMessage() {
    String wrongSecret = "wrong-" + BINANCE_SECRET.substring(6);
    BinanceServer binance = new BinanceServer(Map.of(BINANCE_KEY, BINANCE_SECRET));
    server.setDispatcher(binance);
    ApiClient client = client(binanceAuth(ApiCredentials.hmac(BINANCE_KEY, secret(wrongSecret))), BINANCE_ERRORS);

    Throwable thrown = catchThrowable(() -> client.execute(
        BINANCE_ACCOUNT.request().query("omitZeroBalances", "true").build(), ApiResponse::json));

    BinanceCall call = binance.calls.remove();
    assertThat(call.valid()).isFalse();
    assertThat(thrown).isInstanceOf(AuthenticationException.class);
    AuthenticationException e = (AuthenticationException) thrown;
    assertThat(e.providerCode()).contains("-1022");
    assertThat(e.signedPayload()).contains(call.signedQuery()); // exactly what the server verified
    for (String text : new String[] {e.getMessage(), e.toString()}) {
      assertThat(text)
          .contains(call.signedQuery())
          .doesNotContain(wrongSecret, BINANCE_SECRET, call.signature());
    }
  }

  // ---------------------------------------------------------------- (b) Kraken HMAC-SHA512

  /** Verifies API-Sign = HMAC-SHA512(base64dec(secret), path + SHA256(nonce + postdata)), base64. */
  static final class KrakenServer extends Dispatcher {
    final byte[] secret;
    final Queue<Long> acceptedNonces = new ConcurrentLinkedQueue<>();

    KrakenServer(String base64Secret) {
      this.secret = Base64.getDecoder().decode(base64Secret);
    }

    @Override
    public MockResponse dispatch(RecordedRequest r) {
      String body = r.getBody() == null ? "" : r.getBody().utf8();
      String nonce = body.split("&")[0].startsWith("nonce=") ? body.split("&")[0].substring(6) : null;
      String sign = r.getHeaders().get("API-Sign");
      if (nonce == null || sign == null || !"kraken-key".equals(r.getHeaders().get("API-Key"))) {
        return json(200, "{\"error\":[\"EAPI:Invalid key\"]}");
      }
      byte[] path = r.getUrl().encodedPath().getBytes(StandardCharsets.UTF_8);
      byte[] digest = sha256((nonce + body).getBytes(StandardCharsets.UTF_8));
      byte[] message = new byte[path.length + digest.length];
      System.arraycopy(path, 0, message, 0, path.length);
      System.arraycopy(digest, 0, message, path.length, digest.length);
      String expected = Base64.getEncoder().encodeToString(mac("HmacSHA512", secret, message));
      if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), sign.getBytes(StandardCharsets.US_ASCII))) {
        // Kraken answers 200 with an error array; the status-mapped 401 keeps this test about signing.
        return json(401, "{\"error\":[\"EAPI:Invalid signature\"]}");
      }
      acceptedNonces.add(Long.parseLong(nonce));
      return json(200, "{\"error\":[],\"result\":{\"XXBT\":\"0.5000000000\"}}");
    }
  }

  /**
   * The shape of Kraken's API-Sign built from core's generic blocks (core does not know Kraken; its
   * vector-tested signer is sdk-crypto's KrakenSigners): HMAC-SHA512 of path + SHA256(nonce + body).
   */
  private static RequestSigner pathAndNonceBodyDigestSigner() {
    Signers.Message message = new Signers.Message() {
      @Override
      public byte[] bytes(SigningInput in) {
        try {
          java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
          out.writeBytes(in.path().getBytes(StandardCharsets.UTF_8));
          out.writeBytes(MessageDigest.getInstance("SHA-256").digest((in.nonce() + in.body()).getBytes(StandardCharsets.UTF_8)));
          return out.toByteArray();
        } catch (java.security.NoSuchAlgorithmException e) {
          throw new AssertionError(e);
        }
      }

      @Override
      public String describe(SigningInput in) {
        return in.path() + " + SHA256(" + in.nonce() + in.body() + ")";
      }
    };
    return Signers.hmac(Signers.Hmac.SHA512, Signers.SecretEncoding.BASE64, message, Signers.SignatureEncoding.BASE64);
  }

  private static SigningAuthenticator krakenAuth(String base64Secret) {
    return SigningAuthenticator.builder()
        .credentials(ApiCredentials.hmac("kraken-key", secret(base64Secret)))
        .signer(pathAndNonceBodyDigestSigner())
        .placement(AttachRule.builder().apiKeyHeader("API-Key").nonceFormField("nonce").signatureHeader("API-Sign").build())
        .build();
  }

  @Test
  void krakenSignedPostWithNonceFormFieldPassesTheServersCheckWithIncreasingNonces() {
    String secret = Base64.getEncoder().encodeToString("kraken-test-secret-64-bytes-long-enough-for-sha512!!".getBytes(StandardCharsets.US_ASCII));
    KrakenServer kraken = new KrakenServer(secret);
    server.setDispatcher(kraken);
    ApiClient client = client(krakenAuth(secret), ErrorDecoder.standard());

    for (int i = 0; i < 3; i++) {
      JsonNode balance = client.execute(KRAKEN_BALANCE.request().form("asset", "XBT").build(), ApiResponse::json);
      assertThat(balance.get("result").get("XXBT").stringValue()).isEqualTo("0.5000000000");
    }

    List<Long> nonces = List.copyOf(kraken.acceptedNonces);
    assertThat(nonces).hasSize(3).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void krakenWrongSecretIsAnAuthenticationFailureCarryingTheSignedPostData() {
    String right = Base64.getEncoder().encodeToString("right-secret-right-secret-right!".getBytes(StandardCharsets.US_ASCII));
    String wrong = Base64.getEncoder().encodeToString("wrong-secret-wrong-secret-wrong!".getBytes(StandardCharsets.US_ASCII));
    server.setDispatcher(new KrakenServer(right));
    ApiClient client = client(krakenAuth(wrong), ErrorDecoder.standard());

    assertThatThrownBy(() -> client.execute(KRAKEN_BALANCE.request().form("asset", "XBT").build(), ApiResponse::json))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageNotContaining(wrong)
        .satisfies(e -> assertThat(((AuthenticationException) e).signedPayload().orElseThrow())
            .matches("/0/private/Balance \\+ SHA256\\(\\d+nonce=\\d+&asset=XBT\\)"));
  }

  // ---------------------------------------------------------------- (c) OAuth 2.0 bearer

  /** A token endpoint and a resource on one server; the resource accepts only {@code accepted}. */
  static final class OAuthServer extends Dispatcher {
    final AtomicInteger tokensIssued = new AtomicInteger();
    final Queue<String> resourceAuthorizations = new ConcurrentLinkedQueue<>();
    final AtomicReference<String> accepted = new AtomicReference<>();

    @Override
    public MockResponse dispatch(RecordedRequest r) {
      if (r.getUrl().encodedPath().equals("/token")) {
        int n = tokensIssued.incrementAndGet();
        return json(200, "{\"access_token\":\"at-" + n + "\",\"token_type\":\"Bearer\",\"expires_in\":3600}");
      }
      String authorization = r.getHeaders().get("Authorization");
      resourceAuthorizations.add(String.valueOf(authorization));
      if (authorization != null && authorization.equals("Bearer " + accepted.get())) {
        return json(200, "{\"accounts\":[]}");
      }
      return json(401, "{\"error\":\"invalid_token\",\"error_description\":\"The access token expired\"}");
    }
  }

  private ApiClient bearerClient() {
    MutableClock clock = new MutableClock(Instant.parse("2024-03-01T12:00:00Z"));
    TokenEndpointClient endpoint = TokenEndpointClient.builder(new OkHttpClient(), server.url("/token"), "bot")
        .clientSecret(secret("client-secret")).clock(clock).allowPlaintextLoopback(true).build();
    TokenManager tokens = TokenManager.builder(endpoint).clock(clock).jitter(m -> 0).build();
    return client(new BearerAuthenticator(tokens, Set.of(Scope.ACCOUNT_READ)), ErrorDecoder.standard());
  }

  @Test
  void bearerTokenTheServerConsidersExpiredIsRefreshedOnceAndTheCallReplayedOnce() {
    OAuthServer oauth = new OAuthServer();
    oauth.accepted.set("at-2"); // the server already expired at-1, which the client still thinks valid
    server.setDispatcher(oauth);
    ApiClient client = bearerClient();

    JsonNode accounts = client.execute(OAUTH_ACCOUNTS.request().build(), ApiResponse::json);

    assertThat(accounts.get("accounts").isArray()).isTrue();
    assertThat(oauth.tokensIssued.get()).isEqualTo(2);
    assertThat(List.copyOf(oauth.resourceAuthorizations)).containsExactly("Bearer at-1", "Bearer at-2");
  }

  @Test
  void bearerSecondUnauthorizedIsNotReplayedAgain() {
    OAuthServer oauth = new OAuthServer();
    oauth.accepted.set("never-issued");
    server.setDispatcher(oauth);
    ApiClient client = bearerClient();

    assertThatThrownBy(() -> client.execute(OAUTH_ACCOUNTS.request().build(), ApiResponse::json))
        .isInstanceOf(AuthenticationException.class)
        .hasMessageNotContaining("at-1")
        .hasMessageNotContaining("at-2");
    assertThat(oauth.tokensIssued.get()).isEqualTo(2);
    assertThat(List.copyOf(oauth.resourceAuthorizations)).containsExactly("Bearer at-1", "Bearer at-2");
  }

  // ---------------------------------------------------------------- (d) scopes

  @Test
  void defaultScopesCannotTradeAndNothingReachesTheServer() {
    server.setDispatcher(new BinanceServer(Map.of(BINANCE_KEY, BINANCE_SECRET)));
    ApiClient readOnly = client(binanceAuth(ApiCredentials.hmac(BINANCE_KEY, secret(BINANCE_SECRET))), BINANCE_ERRORS);

    assertThatThrownBy(() -> readOnly.execute(BINANCE_ORDER.request().query("symbol", "BTCUSDT").build(), ApiResponse::json))
        .isInstanceOf(PermissionDeniedException.class)
        .hasMessageContaining("TRADE");
    assertThat(server.getRequestCount()).isZero();

    ApiCredentials trader = ApiCredentials.hmac(BINANCE_KEY, secret(BINANCE_SECRET)).withScopes(Scope.ACCOUNT_READ, Scope.TRADE);
    client(binanceAuth(trader), BINANCE_ERRORS).execute(BINANCE_ORDER.request().query("symbol", "BTCUSDT").build(), ApiResponse::json);
    assertThat(server.getRequestCount()).isEqualTo(1);
  }

  // ---------------------------------------------------------------- (e) rotation under load

  @Test
  void keyRotationWhileEightThreadsCallNeverMixesKeysAndNewCallsUseTheNewKey() throws Exception {
    String newKey = "NEWKEY" + BINANCE_KEY.substring(6);
    String newSecret = "newsecret-" + BINANCE_SECRET.substring(10);
    BinanceServer binance = new BinanceServer(Map.of(BINANCE_KEY, BINANCE_SECRET, newKey, newSecret));
    server.setDispatcher(binance);
    var keys = new RotatingCredentialsProvider(ApiCredentials.hmac(BINANCE_KEY, secret(BINANCE_SECRET)));
    ApiClient client = client(binanceAuth(keys), BINANCE_ERRORS);
    AtomicBoolean rotated = new AtomicBoolean(false);
    int threads = 8;
    int callsAfterRotationPerThread = 5;

    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Integer>> workers = new ArrayList<>();
    try {
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          int after = 0;
          int calls = 0;
          while (after < callsAfterRotationPerThread && calls++ < 5_000) {
            // Read before the call starts: a call tagged "after" began once rotate() had returned.
            boolean afterRotation = rotated.get();
            client.execute(BINANCE_ACCOUNT.request().query("phase", afterRotation ? "after" : "before").build(),
                ApiResponse::json);
            after += afterRotation ? 1 : 0;
          }
          return calls;
        }));
      }
      // Let the threads get going with the old key; stop waiting if a worker already failed.
      while (binance.calls.size() < 40 && workers.stream().noneMatch(Future::isDone)) {
        Thread.onSpinWait();
      }
      var retired = keys.rotate(ApiCredentials.hmac(newKey, secret(newSecret)));
      rotated.set(true);
      for (Future<Integer> w : workers) {
        assertThat(w.get(30, TimeUnit.SECONDS)).isLessThan(5_000); // every call succeeded (no exception)
      }
      retired.destroyWhenUnused().get(10, TimeUnit.SECONDS);
      assertThat(retired.credentials().secret().orElseThrow().isDestroyed()).isTrue();
    } finally {
      pool.shutdownNow();
    }

    List<BinanceCall> seen = List.copyOf(binance.calls);
    // Consistency: the key header and the signature belong to the same credentials, every time.
    assertThat(seen).allSatisfy(c -> assertThat(c.valid()).isTrue());
    assertThat(seen).extracting(BinanceCall::apiKey).contains(BINANCE_KEY, newKey);
    assertThat(seen).filteredOn(c -> "after".equals(c.phase()))
        .hasSizeGreaterThanOrEqualTo(threads * callsAfterRotationPerThread)
        .allSatisfy(c -> assertThat(c.apiKey()).isEqualTo(newKey));
  }

  // ---------------------------------------------------------------- helpers

  private static Secret secret(String text) {
    return Secret.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] mac(String algorithm, byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
