package io.tickguard.examples.snippets;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidResponseException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.ResponseDecoder;
import io.tickguard.core.validate.Validator;
import io.tickguard.core.ErrorDecoder;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.RotatingCredentialsProvider;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.SigningAuthenticator;
import io.tickguard.crypto.binance.BinanceSigners;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.observe.micrometer.MicrometerMetricsListener;
import io.tickguard.core.pem.Pem;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.core.time.ServerClock;
import io.tickguard.core.time.ServerTimeSampler;
import io.tickguard.core.tls.ClientCertificate;
import io.tickguard.core.tls.TlsConfig;
import io.tickguard.core.tls.TrustRoots;
import io.tickguard.core.token.BearerAuthenticator;
import io.tickguard.core.token.FileTokenStore;
import io.tickguard.core.token.TokenEndpointClient;
import io.tickguard.core.token.TokenManager;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import tools.jackson.databind.JsonNode;

/**
 * The Java snippets of docs/authentication.md, docs/observability.md, docs/resilience.md,
 * docs/tls.md and docs/transport.md, compiled (not run: they need real keys and hosts). Each
 * tagged region is what the page shows; SnippetsTest keeps them equal. Method parameters are the
 * values a page assumes you already have.
 */
@SuppressWarnings("unused")
final class DocsSnippets {
  private DocsSnippets() {}

  static void secrets(InputStream in, char[] storePw, char[] keyPw, char[] passwordChars) {
    // tag::secrets[]
    Secret a = Secret.fromEnv("BINANCE_API_SECRET");             // ConfigurationException names it if unset
    Secret b = Secret.fromFile(Path.of("binance.secret"));        // refused unless chmod 600
    Secret c = Secret.fromKeyStore(in, storePw, "binance", keyPw); // PKCS#12 secret or private key entry
    Secret d = Secret.of(passwordChars);                           // copies; clear your array
    // end::secrets[]
  }

  static void credentials() {
    // tag::credentials[]
    ApiCredentials hmac = ApiCredentials.hmac("my-key", Secret.fromEnv("BINANCE_API_SECRET"));
    ApiCredentials ed = ApiCredentials.ed25519("my-key", Secret.fromFile(Path.of("ed25519.pem")));
    ApiCredentials rsa = ApiCredentials.rsa("my-key", Secret.fromFile(Path.of("rsa.pem")));
    ApiCredentials cdp = ApiCredentials.ecP256("organizations/org/apiKeys/key", Secret.fromFile(Path.of("cdp.pem")));
    ApiCredentials trader = hmac.withScopes(Scope.ACCOUNT_READ, Scope.TRADE);
    // end::credentials[]
  }

  static void rotation(ApiCredentials oldCredentials, ApiCredentials newCredentials) {
    // tag::rotation[]
    var keys = new RotatingCredentialsProvider(oldCredentials);
    // give `keys` to the client builder, then later:
    keys.rotate(newCredentials).destroyWhenUnused();
    // end::rotation[]
  }

  static RequestAuthenticator signing(RotatingCredentialsProvider keys, ServerClock serverClock) {
    // tag::signing[]
    RequestAuthenticator auth = SigningAuthenticator.builder()
        .credentials(keys)
        .signer(BinanceSigners.hmac())
        .placement(AttachRule.builder()
            .apiKeyHeader("X-MBX-APIKEY")
            .recvWindowQueryParameter("recvWindow", 5000)
            .timestampQueryParameter("timestamp")
            .signatureQueryParameter("signature")
            .build())
        .serverClock(serverClock)
        .build();
    // end::signing[]
    return auth;
  }

  static ServerClock serverClock(ServerTimeSampler binanceTimeSampler) {
    // tag::server-clock[]
    ServerClock clock = ServerClock.builder(Clock.systemUTC())
        .sampler(binanceTimeSampler)        // measures GET /api/v3/time: (sent, serverTime, received)
        .resyncInterval(Duration.ofMinutes(10))
        .build();
    // end::server-clock[]
    return clock;
  }

  static ApiClient clockAwareClient(ClientConfig config, RequestAuthenticator signing, ServerClock clock,
      ErrorDecoder binanceErrors) {
    // tag::clock-aware-client[]
    ApiClient api = ApiClient.builder(config)
        .authenticator(signing)        // a SigningAuthenticator built with .serverClock(clock)
        .serverClock(clock)            // feeds every Date header; resyncs and retries on ClockSkewException
        .errorDecoder(binanceErrors)   // maps -1021 (Kraken: EAPI:Invalid nonce) to ClockSkewException
        .build();
    // end::clock-aware-client[]
    return api;
  }

  static RequestAuthenticator oauth(OkHttpClient secureOkHttp, HttpUrl tokenUrl, MetricsListener metricsListener) {
    // tag::oauth[]
    TokenEndpointClient endpoint = TokenEndpointClient.builder(secureOkHttp, tokenUrl, "client-id")
        .clientSecret(Secret.fromEnv("OAUTH_CLIENT_SECRET"))   // HTTP Basic by default (RFC 6749 2.3.1)
        .scopes("read")
        .build();
    TokenManager tokens = TokenManager.builder(endpoint)
        .store(new FileTokenStore(Path.of("refresh.token")))  // rw-------, atomic rename
        .refreshMargin(Duration.ofSeconds(60))
        .refreshRetryBackoff(Duration.ofSeconds(5))            // after a failed proactive refresh
        .metrics(metricsListener)                              // onTokenRefresh(success)
        .build();
    RequestAuthenticator auth = new BearerAuthenticator(tokens, Set.of(Scope.ACCOUNT_READ));
    // end::oauth[]
    return auth;
  }

  static ClientConfig micrometer(String url, MeterRegistry meterRegistry) {
    return
    // tag::micrometer[]
    ClientConfig.builder(url).metrics(new MicrometerMetricsListener(meterRegistry))
    // end::micrometer[]
        .build();
  }

  static ClientConfig resilience(String url) {
    // tag::resilience[]
    StandardResiliencePolicy policy = StandardResiliencePolicy.builder()
        .maxAttempts(3)
        .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
        .maxTotalTime(Duration.ofSeconds(10))
        .build();
    ClientConfig config = ClientConfig.builder(url).resilience(policy).build();
    // end::resilience[]
    return config;
  }

  static ClientConfig noRetries(String url) {
    // tag::no-retries[]
    ClientConfig once = ClientConfig.builder(url).resilience(ResiliencePolicy.none()).build();
    // end::no-retries[]
    return once;
  }

  static ClientConfig pins() {
    // tag::pins[]
    TlsConfig tls = TlsConfig.builder()
        .pin("api.binance.com", "sha256/AAAA...primary=", "sha256/BBBB...backup=")
        .pin("*.kraken.com", "sha256/CCCC...=")     // one extra label: api.kraken.com, not a.b.kraken.com
        .pinningRequired(true)                       // a host without pins is refused, not let through
        .build();
    ClientConfig config = ClientConfig.builder("https://api.binance.com").tls(tls).build();
    // end::pins[]
    return config;
  }

  static void trustRoots(Path caPem, byte[] caPemBytes, InputStream in, char[] password) throws IOException {
    // tag::trust-roots[]
    TlsConfig replaced = TlsConfig.builder().trustRoots(TrustRoots.onlyPem(Files.readAllBytes(caPem))).build();
    TlsConfig added = TlsConfig.builder().trustRoots(TrustRoots.systemPlus(Pem.certificates(caPemBytes))).build();
    TlsConfig pkcs12 = TlsConfig.builder().trustRoots(TrustRoots.onlyPkcs12(in, password)).build();
    // end::trust-roots[]
  }

  static void clientCertificates(byte[] chainPem, byte[] keyPem, InputStream in, char[] password) {
    // tag::client-certificates[]
    ClientCertificate fromPem = ClientCertificate.fromPem(chainPem, keyPem, null);   // PKCS#8, PKCS#1 or SEC1 key
    ClientCertificate fromStore = ClientCertificate.fromPkcs12(in, password, "bot-1"); // or the first key entry
    TlsConfig tls = TlsConfig.builder().clientCertificate(fromPem).build();
    // end::client-certificates[]
  }

  // tag::endpoint[]
  static final Endpoint DEPTH = Endpoint.builder("depth", HttpMethod.GET, "/api/v3/depth")
      .query(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20))
      .query(ParamSpec.optional("limit", ParamSpec.INTEGER, 4))
      .weight(req -> depthWeight(req.queryValue("limit")))   // Binance: 5 up to 100 levels, more above
      .limits("REQUEST_WEIGHT")
      .build();

  static JsonNode depth(ApiClient api) {
    ResponseDecoder<JsonNode> json = ApiResponse::json;          // Jackson 3's JsonNode (tools.jackson)
    Validator<JsonNode> hasBothSides = book -> {
      if (!book.has("bids") || !book.has("asks")) {
        throw new InvalidResponseException("bids", "the book lacks a side");
      }
    };
    return api.execute(DEPTH.request().query("symbol", "BTCUSDT").query("limit", "100").build(), json, hasBothSides);
  }
  // end::endpoint[]

  private static int depthWeight(java.util.Optional<String> limit) {
    return limit.map(Integer::parseInt).orElse(100) <= 100 ? 5 : 25;
  }

  static ClientConfig transport() {
    // tag::transport[]
    ClientConfig config = ClientConfig.builder("https://api.binance.com")
        .connectTimeout(Duration.ofSeconds(5))
        .readTimeout(Duration.ofSeconds(10))
        .callTimeout(Duration.ofSeconds(20))      // bounds the whole call, retries and waits included
        .maxResponseBytes(8 * 1024 * 1024)        // default 4 MiB
        .userAgentSuffix("my-bot/1.4")            // User-Agent: tickguard-java/<version> my-bot/1.4
        .build();
    // end::transport[]
    return config;
  }
}
