package io.tickguard.testkit;

import io.tickguard.core.ClasspathCompatibility;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.tls.TlsConfig;
import io.tickguard.core.tls.TrustRoots;
import io.tickguard.testkit.demo.DemoRoutes;
import io.tickguard.testkit.internal.CertificateGeneration;
import io.tickguard.testkit.internal.FaultPlan;
import io.tickguard.testkit.internal.JulToSlf4j;
import io.tickguard.testkit.internal.OAuthRoutes;
import io.tickguard.testkit.internal.SandboxCertificates;
import io.tickguard.testkit.internal.SandboxDispatcher;
import io.tickguard.testkit.internal.SkewableClock;
import io.tickguard.testkit.internal.SwitchingSslSocketFactory;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.Protocol;

/**
 * A strict, local stand-in for a market-data provider: HTTPS on 127.0.0.1 with a freshly generated
 * CA and leaf, provider wire formats ({@link ProviderRoutes}), API keys with scopes, signature,
 * timestamp and nonce checks, weight-based rate limits with bans, an OAuth 2.0 server, a
 * deterministic market, and scriptable {@link Faults}. Use it as you would LocalStack or stripe-mock.
 *
 * <pre>{@code
 * try (SandboxServer sandbox = SandboxServer.builder().seed(7).start();
 *      ApiClient api = ApiClient.builder(sandbox.clientConfig()).build()) {
 *   sandbox.faults().next(2, Fault.status(503));
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe; serves many connections at once (HTTP/1.1, one thread per connection).
 */
public final class SandboxServer implements AutoCloseable {
  /**
   * The demo API key of the generic {@code /demo/v1} routes, with market-data, account and trade
   * scopes and no IP allow-list. Used against a provider's routes it is over-privileged for a
   * read-only client, and the key permission audit says so: each provider's own demo key
   * ({@code ProviderSandbox.BINANCE_API_KEY}, ...) is the least-privilege one.
   */
  public static final String DEMO_API_KEY = "sandbox-key";
  /** The demo API key's secret (a sandbox value, not a secret anywhere else). */
  public static final String DEMO_API_SECRET = "sandbox-secret";
  /** A demo API key limited to market data and account reads. */
  public static final String READ_ONLY_API_KEY = "sandbox-readonly-key";
  /** The read-only key's secret. */
  public static final String READ_ONLY_API_SECRET = "sandbox-readonly-secret";
  /** The demo OAuth client id. */
  public static final String DEMO_OAUTH_CLIENT_ID = "sandbox-client";
  /** The demo OAuth client's secret. */
  public static final String DEMO_OAUTH_CLIENT_SECRET = "sandbox-client-secret";

  private final MockWebServer server;
  private final SandboxCertificates certificates;
  private final SandboxContext context;
  private final RouteTable routes;
  private final Faults faults;
  private final boolean tls;
  private final List<Path> ownedFiles = new CopyOnWriteArrayList<>();
  private final List<AutoCloseable> closing;
  private final SandboxDispatcher dispatcher;

  private SandboxServer(Builder b) throws IOException {
    // The key pairs and certificates are the largest single step of a start and depend on nothing
    // else here: they are made on a second thread while this one builds the market and the routes.
    CertificateGeneration generation = CertificateGeneration.begin();
    try {
      this.closing = List.copyOf(b.closing);
      SkewableClock serverClock = new SkewableClock(b.clock);
      MarketSimulator market = new MarketSimulator(b.seed, serverClock, b.instruments);
      RateLimiter limiter = new RateLimiter(b.rateLimit, serverClock);
      this.context = new SandboxContext(
          serverClock, market, new ApiKeyRegistry(), new ReplayGuard(serverClock, b.timestampWindow), limiter,
          new OAuthServer(serverClock, b.oauth));
      b.apiKeys.forEach(context.apiKeys()::register);
      b.oauthClients.forEach(c -> context.oauth().registerClient(c.id, c.secret, c.scopes));
      this.routes = new RouteTable(limiter, ErrorStyle.generic());
      new OAuthRoutes().register(routes, context);
      if (b.demoRoutes) {
        new DemoRoutes().register(routes, context);
      }
      b.providers.forEach(p -> p.register(routes, context));

      FaultPlan plan = new FaultPlan();
      this.tls = !b.plaintext;
      JulToSlf4j.routeMockWebServer(); // its java.util.logging output follows the user's SLF4J setup
      this.server = new MockWebServer();
      // HTTP/1.1 only: truncation and reset faults then mean exactly what they say on the wire.
      server.setProtocols(List.of(Protocol.HTTP_1_1));
      this.dispatcher = new SandboxDispatcher(routes, plan, serverClock, b.requestIdHeader);
      server.setDispatcher(dispatcher);
      this.certificates = generation.await();
      SwitchingSslSocketFactory sockets =
          tls ? new SwitchingSslSocketFactory(certificates.factory(ServedCertificate.GENUINE)) : null;
      this.faults = new Faults(plan, serverClock, certificates, sockets);
      if (tls) {
        server.useHttps(sockets);
      }
      server.start(InetAddress.getByName("127.0.0.1"), b.port);
    } finally {
      generation.awaitQuietly(); // on failure too: no thread of a start outlives it
    }
  }

  /**
   * Every request the sandbox received so far, in order, with the source address it came from: a
   * test asserts with it that a refused call sent nothing, or that a call came through a proxy.
   */
  public List<ServedRequest> servedRequests() {
    return dispatcher.served();
  }

  /** Starts configuring a sandbox. */
  public static Builder builder() {
    return new Builder();
  }

  /** The base URL, {@code https://127.0.0.1:PORT/} (or {@code http://} in plain mode). */
  public String baseUrl() {
    return url("/").toString();
  }

  /** The URL of {@code path} on this sandbox. */
  public HttpUrl url(String path) {
    HttpUrl u = server.url(path);
    // MockWebServer names the host by its canonical name; clients should use the literal address
    // the certificate's SAN and the loopback checks are written for.
    return u.newBuilder().host("127.0.0.1").build();
  }

  /** The listening port. */
  public int port() {
    return server.getPort();
  }

  /** Whether the sandbox speaks TLS (the default). */
  public boolean isTls() {
    return tls;
  }

  /** The sandbox CA, the one root a client must trust. */
  public X509Certificate caCertificate() {
    return certificates.ca().certificate();
  }

  /** The sandbox CA in PEM. */
  public String caCertificatePem() {
    return certificates.ca().certificatePem();
  }

  /** {@code sha256/...} of the served leaf's public key ({@code okhttp3.CertificatePinner.pin}). */
  public String pin() {
    return certificates.leafPin();
  }

  /** {@code sha256/...} of a key that is never served, to configure as the backup pin. */
  public String backupPin() {
    return certificates.backupPin();
  }

  /** The shared pieces provider routes use; tests may register keys or clients on it. */
  public SandboxContext context() {
    return context;
  }

  /** The market simulator behind every route. */
  public MarketSimulator market() {
    return context.market();
  }

  /** The fault controls. */
  public Faults faults() {
    return faults;
  }

  /** The registered routes, as {@code GET /path}. */
  public List<String> routes() {
    return routes.routeKeys();
  }

  /** The token endpoint's URL. */
  public HttpUrl tokenUrl() {
    return url(OAuthRoutes.TOKEN_PATH);
  }

  /**
   * TLS settings that trust only the sandbox CA and pin its leaf (plus the backup pin) for
   * 127.0.0.1 and localhost. The single place where the sandbox's trust is wired into core.
   */
  public TlsConfig tlsConfig() {
    return TlsConfig.builder()
        .trustRoots(TrustRoots.only(List.of(caCertificate())))
        .pin("127.0.0.1", pin(), backupPin())
        .pin("localhost", pin(), backupPin())
        .build();
  }

  /** A client configuration for this sandbox: base URL, pinned TLS (or loopback plain HTTP). */
  public ClientConfig clientConfig() {
    return clientConfigBuilder().build();
  }

  /** {@link #clientConfig()} as a builder, to add a clock, timeouts or a throttle. */
  public ClientConfig.Builder clientConfigBuilder() {
    ClientConfig.Builder b = ClientConfig.builder(baseUrl());
    return tls ? b.tls(tlsConfig()) : b.allowPlaintextLoopback(true);
  }

  /**
   * Writes {@code content} to a new temporary file (owner-only on POSIX) that this sandbox deletes
   * when it closes, or when the JVM exits if it is never closed. For the CA and demo-key PEM files
   * that the standalone sandbox hands to clients in other processes.
   */
  Path writeTemporaryFile(String prefix, String content) throws IOException {
    Path file = Files.getFileStore(Path.of(System.getProperty("java.io.tmpdir"))).supportsFileAttributeView("posix")
        ? Files.createTempFile(prefix, ".pem", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(prefix, ".pem");
    ownedFiles.add(file);
    file.toFile().deleteOnExit();
    Files.writeString(file, content, StandardCharsets.US_ASCII);
    return file;
  }

  /** Stops the server, closes its connections and deletes the temporary files it wrote. */
  @Override
  public void close() {
    for (AutoCloseable c : closing) {
      try {
        c.close();
      } catch (Exception e) {
        // Closing the server matters more; what failed to close was the sandbox's own helper.
      }
    }
    try {
      server.close();
    } finally {
      for (Path file : ownedFiles) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // Still registered for deletion at JVM exit.
        }
      }
    }
  }

  @Override
  public String toString() {
    return "SandboxServer{" + baseUrl() + ", seed=" + market().seed() + "}";
  }

  private record OAuthClientSpec(String id, String secret, Set<String> scopes) {}

  /** Configures a {@link SandboxServer}; every setting has a safe, deterministic default. */
  public static final class Builder {
    private long seed = 1;
    private Clock clock = Clock.systemUTC();
    private List<Instrument> instruments = MarketSimulator.defaultInstruments();
    private boolean plaintext;
    private int port;
    private RateLimitPolicy rateLimit = RateLimitPolicy.defaults();
    private Duration timestampWindow = Duration.ofSeconds(5);
    private OAuthSettings oauth = OAuthSettings.defaults();
    private String requestIdHeader = "X-Request-Id";
    private boolean demoRoutes = true;
    private final List<ProviderRoutes> providers = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<ApiKey> apiKeys = new ArrayList<>();
    private final List<OAuthClientSpec> oauthClients = new ArrayList<>();

    private Builder() {
      apiKey(DEMO_API_KEY, DEMO_API_SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ, Scope.TRADE);
      apiKey(READ_ONLY_API_KEY, READ_ONLY_API_SECRET, Scope.MARKET_DATA, Scope.ACCOUNT_READ);
      oauthClient(DEMO_OAUTH_CLIENT_ID, DEMO_OAUTH_CLIENT_SECRET, "market_data", "account_read", "trade");
    }

    /** The market seed (default 1): same seed and same clock, same data. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** The clock of the market, token lifetimes, rate windows and timestamp checks (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The simulated instruments (default {@link MarketSimulator#defaultInstruments()}). */
    public Builder instruments(List<Instrument> instruments) {
      this.instruments = List.copyOf(instruments);
      return this;
    }

    /** Serves plain HTTP on loopback instead of TLS, for clients that cannot trust a custom CA. */
    public Builder plaintext(boolean plaintext) {
      this.plaintext = plaintext;
      return this;
    }

    /** The port (default 0: an ephemeral one). */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0..65535");
      }
      this.port = port;
      return this;
    }

    /** The default rate limit (default {@link RateLimitPolicy#defaults()}). */
    public Builder rateLimit(RateLimitPolicy policy) {
      this.rateLimit = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** How far a signed request's timestamp may be from server time (default 5 s). */
    public Builder timestampWindow(Duration window) {
      this.timestampWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /** OAuth token lifetimes (default {@link OAuthSettings#defaults()}). */
    public Builder oauth(OAuthSettings settings) {
      this.oauth = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /** The header carrying each response's request id (default {@code X-Request-Id}). */
    public Builder requestIdHeader(String name) {
      this.requestIdHeader = Objects.requireNonNull(name, "name");
      return this;
    }

    /** Whether the {@code /demo/v1} routes are served (default {@code true}). */
    public Builder demoRoutes(boolean enabled) {
      this.demoRoutes = enabled;
      return this;
    }

    /** Adds a provider's wire format. */
    public Builder routes(ProviderRoutes provider) {
      providers.add(Objects.requireNonNull(provider, "provider"));
      return this;
    }

    /** Closes {@code resource} (a helper such as a live stream publisher) first when the sandbox closes. */
    public Builder closing(AutoCloseable resource) {
      closing.add(Objects.requireNonNull(resource, "resource"));
      return this;
    }

    /** Registers an API key with its secret and scopes. */
    public Builder apiKey(String key, String secret, Scope... scopes) {
      Set<Scope> set = scopes.length == 0 ? EnumSet.noneOf(Scope.class) : EnumSet.copyOf(List.of(scopes));
      apiKeys.add(new ApiKey(key, secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), set));
      return this;
    }

    /**
     * Registers {@code key} as it is, for example one bound to an IP allow-list ({@link
     * ApiKey#allowOnlyFrom}): calls from other source addresses get the provider's own refusal.
     */
    public Builder apiKey(ApiKey key) {
      apiKeys.add(Objects.requireNonNull(key, "key"));
      return this;
    }

    /** Registers an OAuth client with its secret and allowed scopes. */
    public Builder oauthClient(String clientId, String clientSecret, String... scopes) {
      oauthClients.add(new OAuthClientSpec(clientId, clientSecret, Set.of(scopes)));
      return this;
    }

    /**
     * Generates the certificates, binds 127.0.0.1 and starts serving.
     *
     * @throws io.tickguard.core.ConfigurationException when the class path holds a second OkHttp or
     *     another library the sandbox cannot run on (see {@link ClasspathCompatibility})
     */
    public SandboxServer start() {
      ClasspathCompatibility.require();
      try {
        return new SandboxServer(this);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start the sandbox on 127.0.0.1:" + port, e);
      }
    }
  }
}
