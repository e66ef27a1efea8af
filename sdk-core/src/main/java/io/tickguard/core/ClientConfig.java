package io.tickguard.core;

import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.resilience.StandardResiliencePolicy;
import io.tickguard.core.security.Egress;
import io.tickguard.core.security.SecurityOptions;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.tls.TlsConfig;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * How a client connects: base URL, timeouts, connection pool, proxy, TLS, response limits, and the
 * throttle, resilience and metrics stages. Immutable; {@link #newBuilder()} derives a variant.
 *
 * <p>Defaults are the safe ones: HTTPS only, bounded timeouts everywhere, no redirects, a 4 MiB
 * response cap, no retries unless a policy is given.
 */
public final class ClientConfig {
  /** The default cap on a response body: larger answers fail without being buffered whole. */
  public static final long DEFAULT_MAX_RESPONSE_BYTES = 4L * 1024 * 1024;

  private final HttpUrl baseUrl;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Duration writeTimeout;
  private final Duration callTimeout;
  private final int maxIdleConnections;
  private final Duration keepAlive;
  private final Proxy proxy;
  private final String userAgent;
  private final TlsConfig tls;
  private final boolean plaintextLoopbackAllowed;
  private final long maxResponseBytes;
  private final Clock clock;
  private final Throttle throttle;
  private final boolean throttleChosen;
  private final ResiliencePolicy resilience;
  private final MetricsListener metrics;
  private final Egress egress;
  private final SecurityOptions security;

  private ClientConfig(Builder b) {
    this.baseUrl = b.baseUrl;
    this.connectTimeout = b.connectTimeout;
    this.readTimeout = b.readTimeout;
    this.writeTimeout = b.writeTimeout;
    this.callTimeout = b.callTimeout;
    this.maxIdleConnections = b.maxIdleConnections;
    this.keepAlive = b.keepAlive;
    this.proxy = b.proxy;
    this.userAgent = b.userAgent;
    this.tls = b.tls;
    this.plaintextLoopbackAllowed = b.plaintextLoopbackAllowed;
    this.maxResponseBytes = b.maxResponseBytes;
    this.clock = b.clock;
    this.throttle = b.throttle;
    this.throttleChosen = b.throttleChosen;
    this.resilience = b.resilience;
    this.metrics = b.metrics;
    this.egress = b.egress;
    this.security = b.security;
  }

  /** Starts a configuration for the API at {@code baseUrl} ({@code https://api.binance.com}). */
  public static Builder builder(String baseUrl) {
    return new Builder().baseUrl(baseUrl);
  }

  /** A builder holding this configuration, to derive a variant. */
  public Builder newBuilder() {
    return new Builder(this);
  }

  /** The API's base URL; endpoint paths are appended to it. */
  public HttpUrl baseUrl() {
    return baseUrl;
  }

  /** The bound on opening a connection, TLS handshake included. */
  public Duration connectTimeout() {
    return connectTimeout;
  }

  /** The bound on any single read of a response (see {@link Builder#readTimeout}). */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** The bound on any single write of a request (see {@link Builder#writeTimeout}). */
  public Duration writeTimeout() {
    return writeTimeout;
  }

  /** The bound on a whole call, every attempt and wait included. */
  public Duration callTimeout() {
    return callTimeout;
  }

  /** How many idle connections the pool keeps. */
  public int maxIdleConnections() {
    return maxIdleConnections;
  }

  /** How long an idle connection is kept. */
  public Duration keepAlive() {
    return keepAlive;
  }

  /** The proxy calls go through, if one was configured. */
  public Optional<Proxy> proxy() {
    return Optional.ofNullable(proxy);
  }

  /** {@code tickguard-java/<version>}, plus the suffix the user configured. */
  public String userAgent() {
    return userAgent;
  }

  /** TLS versions, pins, trust roots and client certificate. */
  public TlsConfig tls() {
    return tls;
  }

  /** Whether {@code http://} is allowed, which is only ever possible for a loopback host. */
  public boolean plaintextLoopbackAllowed() {
    return plaintextLoopbackAllowed;
  }

  /** The cap on a response body, in bytes. */
  public long maxResponseBytes() {
    return maxResponseBytes;
  }

  /** The clock every time-dependent stage uses. */
  public Clock clock() {
    return clock;
  }

  /** The client-side rate limiter (unlimited unless configured). */
  public Throttle throttle() {
    return throttle;
  }

  /**
   * Whether {@link Builder#throttle(Throttle)} was called, {@link Throttle#unlimited()} included. A
   * provider client applies its published limits only when no throttle was chosen, so this is how an
   * explicit "unlimited" is told apart from the default.
   */
  public boolean throttleChosen() {
    return throttleChosen;
  }

  /**
   * The retry, breaker and bulkhead policy. By default a {@link
   * io.tickguard.core.resilience.StandardResiliencePolicy} with its defaults, of this configuration's
   * own (safe retries of idempotent calls only, full jitter, a retry budget, {@code Retry-After}
   * honoured, a per-host circuit breaker); {@link ResiliencePolicy#none()} opts out.
   */
  public ResiliencePolicy resilience() {
    return resilience;
  }

  /** Where the pipeline reports what it observes. */
  public MetricsListener metrics() {
    return metrics;
  }

  /**
   * The fixed route connections leave by: direct by default; a proxy and local address for keys
   * bound to source IPs. {@link Builder#proxy(Proxy)} and {@link Builder#egress(Egress)} are
   * alternatives: the last one set wins.
   */
  public Egress egress() {
    return egress;
  }

  /** Security events, anomaly policy and usage metrics (default: logged, default thresholds). */
  public SecurityOptions security() {
    return security;
  }

  /** Builds a {@link ClientConfig}; every setter validates its argument at once. */
  public static final class Builder {
    private HttpUrl baseUrl;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration readTimeout = Duration.ofSeconds(15);
    private Duration writeTimeout = Duration.ofSeconds(15);
    private Duration callTimeout = Duration.ofSeconds(30);
    private int maxIdleConnections = 5;
    private Duration keepAlive = Duration.ofMinutes(5);
    private Proxy proxy;
    private String userAgent = Version.USER_AGENT;
    private TlsConfig tls = TlsConfig.defaults();
    private boolean plaintextLoopbackAllowed;
    private long maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES;
    private Clock clock = Clock.systemUTC();
    private Throttle throttle = Throttle.unlimited();
    private boolean throttleChosen;
    private ResiliencePolicy resilience = StandardResiliencePolicy.builder().build();
    private MetricsListener metrics = MetricsListener.none();
    private Egress egress = Egress.direct();
    private SecurityOptions security = SecurityOptions.defaults();
    private String rawBaseUrl;

    private Builder() {}

    private Builder(ClientConfig c) {
      this.baseUrl = c.baseUrl;
      this.rawBaseUrl = c.baseUrl.toString();
      this.connectTimeout = c.connectTimeout;
      this.readTimeout = c.readTimeout;
      this.writeTimeout = c.writeTimeout;
      this.callTimeout = c.callTimeout;
      this.maxIdleConnections = c.maxIdleConnections;
      this.keepAlive = c.keepAlive;
      this.proxy = c.proxy;
      this.userAgent = c.userAgent;
      this.tls = c.tls;
      this.plaintextLoopbackAllowed = c.plaintextLoopbackAllowed;
      this.maxResponseBytes = c.maxResponseBytes;
      this.clock = c.clock;
      this.throttle = c.throttle;
      this.throttleChosen = c.throttleChosen;
      this.resilience = c.resilience;
      this.metrics = c.metrics;
      this.egress = c.egress;
      this.security = c.security;
    }

    /** The API's base URL; must be {@code https://} (see {@link #allowPlaintextLoopback}). */
    public Builder baseUrl(String url) {
      Objects.requireNonNull(url, "baseUrl");
      HttpUrl parsed = HttpUrl.parse(url);
      if (parsed == null) {
        throw new InvalidRequestException(
            "baseUrl", "baseUrl is not an absolute http(s) URL: '" + url + "'");
      }
      if (parsed.username().length() > 0 || parsed.password().length() > 0) {
        throw new InvalidRequestException(
            "baseUrl", "baseUrl must not carry user info; configure credentials instead");
      }
      this.rawBaseUrl = url;
      this.baseUrl = parsed;
      return this;
    }

    /**
     * Allows {@code http://} for a loopback host (127.0.0.0/8, ::1, localhost) only, for local
     * sandboxes. Any other plain-HTTP host is refused whatever this says.
     */
    public Builder allowPlaintextLoopback(boolean allow) {
      this.plaintextLoopbackAllowed = allow;
      return this;
    }

    /** The bound on opening a connection (default 10 s). */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive(timeout, "connectTimeout");
      return this;
    }

    /**
     * The bound on a single read (default 15 s): how long a response may stay silent. Once the host is
     * known to answer over HTTP/1.1 it is the socket's own {@code SO_TIMEOUT}, not Okio's watchdog
     * thread (docs/transport.md, "Timeouts").
     */
    public Builder readTimeout(Duration timeout) {
      this.readTimeout = positive(timeout, "readTimeout");
      return this;
    }

    /**
     * The bound on a single write (default 15 s). Once the host is known to answer over HTTP/1.1, a
     * request must be sent and answered with headers within {@code writeTimeout + readTimeout} (checked
     * every 50 ms) instead, which spares every call a wake-up of Okio's watchdog thread
     * (docs/transport.md, "Timeouts").
     */
    public Builder writeTimeout(Duration timeout) {
      this.writeTimeout = positive(timeout, "writeTimeout");
      return this;
    }

    /** The bound on a whole call including retries and throttle waits. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /** Pool size and idle keep-alive (default 5 connections, 5 minutes). */
    public Builder connectionPool(int maxIdleConnections, Duration keepAlive) {
      if (maxIdleConnections < 0) {
        throw new InvalidRequestException("maxIdleConnections", "maxIdleConnections must be >= 0");
      }
      this.maxIdleConnections = maxIdleConnections;
      this.keepAlive = positive(keepAlive, "keepAlive");
      return this;
    }

    /** Sends every call through {@code proxy}; TLS and pins still apply end to end. */
    public Builder proxy(Proxy proxy) {
      this.proxy = Objects.requireNonNull(proxy, "proxy");
      this.egress = Egress.direct();
      return this;
    }

    /** Appends {@code suffix} (your bot's name and version) to TickGuard's User-Agent. */
    public Builder userAgentSuffix(String suffix) {
      Objects.requireNonNull(suffix, "userAgentSuffix");
      if (!suffix.matches("[\\x21-\\x7e]([\\x20-\\x7e]{0,126}[\\x21-\\x7e])?")) {
        throw new InvalidRequestException(
            "userAgentSuffix", "userAgentSuffix must be 1-128 printable ASCII characters");
      }
      this.userAgent = Version.USER_AGENT + " " + suffix;
      return this;
    }

    /** TLS settings: pins, trust roots, client certificate (default: system roots, no pins). */
    public Builder tls(TlsConfig tls) {
      this.tls = Objects.requireNonNull(tls, "tls");
      return this;
    }

    /** The cap on a response body; a larger body fails with {@link InvalidResponseException}. */
    public Builder maxResponseBytes(long bytes) {
      if (bytes < 1024) {
        throw new InvalidRequestException("maxResponseBytes", "maxResponseBytes must be >= 1024");
      }
      this.maxResponseBytes = bytes;
      return this;
    }

    /** The clock every time-dependent stage uses; tests inject a fixed or virtual one. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The client-side rate limiter, usually a provider preset. Choosing one, {@link
     * Throttle#unlimited()} included, tells provider clients not to apply their own preset.
     */
    public Builder throttle(Throttle throttle) {
      this.throttle = Objects.requireNonNull(throttle, "throttle");
      this.throttleChosen = true;
      return this;
    }

    /**
     * Retry, circuit breaker and bulkhead policy; default {@code StandardResiliencePolicy.builder().build()},
     * {@link ResiliencePolicy#none()} for one attempt and no breaker. Pass one policy to every client
     * of a provider to share each host's breaker.
     */
    public Builder resilience(ResiliencePolicy resilience) {
      this.resilience = Objects.requireNonNull(resilience, "resilience");
      return this;
    }

    /**
     * The fixed egress for IP allow-listed keys: an HTTP CONNECT proxy (with proxy credentials held
     * as a {@code Secret}) or SOCKS5, and/or a local address to connect from. When the proxy fails
     * the call fails with {@link io.tickguard.core.security.EgressException}; it never goes out
     * directly. Replaces a proxy given to {@link #proxy(Proxy)}.
     */
    public Builder egress(Egress egress) {
      this.egress = Objects.requireNonNull(egress, "egress");
      this.proxy = null;
      return this;
    }

    /** Where security events go, when alerts are raised and the kill switch engages, usage metrics. */
    public Builder security(SecurityOptions security) {
      this.security = Objects.requireNonNull(security, "security");
      return this;
    }

    /** Where metrics go (default: nowhere). */
    public Builder metrics(MetricsListener metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /** Validates the combination and builds the configuration. */
    public ClientConfig build() {
      if (baseUrl == null) {
        throw new InvalidRequestException("baseUrl", "baseUrl is required");
      }
      if (!baseUrl.isHttps()) {
        if (!plaintextLoopbackAllowed || !isLoopback(baseUrl.host())) {
          throw new InvalidRequestException(
              "baseUrl",
              "Refusing plain-HTTP baseUrl '" + rawBaseUrl + "': use https://. Plain HTTP is only"
                  + " possible for a loopback host with allowPlaintextLoopback(true)");
        }
      }
      return new ClientConfig(this);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new InvalidRequestException(name, name + " must be positive (unbounded waits are not allowed)");
      }
      return d;
    }

    /** Whether {@code host} is {@code localhost} or a loopback address literal (no name is resolved). */
    public static boolean isLoopback(String host) {
      if (host.equals("localhost")) {
        return true;
      }
      // Only literal addresses are resolved here: a name could resolve anywhere.
      if (!host.matches("[0-9.]+") && !host.contains(":")) {
        return false;
      }
      try {
        return InetAddress.getByName(host).isLoopbackAddress();
      } catch (UnknownHostException e) {
        return false;
      }
    }
  }
}
