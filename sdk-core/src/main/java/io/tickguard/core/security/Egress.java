package io.tickguard.core.security;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.Secret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * The route a client's connections leave by, for providers that bind keys to source IPs: direct,
 * through an HTTP CONNECT proxy (optionally with proxy authentication, the password held as a
 * {@link Secret}) or through a SOCKS5 proxy, optionally from a chosen local address.
 *
 * <p>There is never a fallback: when the proxy is down or refuses, the call fails with an {@link
 * EgressException} and nothing goes out directly (a direct connection would come from an address
 * the key does not allow, or leak which machine the bot runs on). TLS and pins apply end to end
 * through the proxy: the proxy sees the host name, never the request.
 *
 * <pre>{@code
 * Egress egress = Egress.httpProxy("10.0.0.5", 3128)
 *     .withProxyCredentials("bot", Secret.fromEnv("PROXY_PASSWORD"));
 * ClientConfig config = ClientConfig.builder("https://api.binance.com").egress(egress).build();
 * }</pre>
 */
public final class Egress {
  /** How connections leave. */
  public enum Route {
    /** Straight to the provider. */
    DIRECT,
    /** Through an HTTP proxy, with a CONNECT tunnel per connection. */
    HTTP_CONNECT_PROXY,
    /** Through a SOCKS5 proxy. */
    SOCKS5_PROXY
  }

  private static final Egress DIRECT = new Egress(Route.DIRECT, null, 0, null, null, null);

  private final Route route;
  private final String proxyHost;
  private final int proxyPort;
  private final String proxyUser;
  private final Secret proxyPassword;
  private final InetAddress localAddress;

  private Egress(Route route, String proxyHost, int proxyPort, String proxyUser, Secret proxyPassword,
      InetAddress localAddress) {
    this.route = route;
    this.proxyHost = proxyHost;
    this.proxyPort = proxyPort;
    this.proxyUser = proxyUser;
    this.proxyPassword = proxyPassword;
    this.localAddress = localAddress;
  }

  /** Direct connections from the address the operating system picks (the default). */
  public static Egress direct() {
    return DIRECT;
  }

  /** Through the HTTP proxy at {@code host:port}, one CONNECT tunnel per connection. */
  public static Egress httpProxy(String host, int port) {
    return new Egress(Route.HTTP_CONNECT_PROXY, host(host), port(port), null, null, null);
  }

  /**
   * Through the SOCKS5 proxy at {@code host:port}. TickGuard runs the SOCKS5 handshake itself (RFC
   * 1928) and sends the provider's host name to the proxy, which resolves it: the local resolver
   * never sees it. Add {@link #withProxyCredentials} for username/password authentication (RFC 1929)
   * and {@link #bindTo} for the local address of the connection to the proxy.
   */
  public static Egress socks5(String host, int port) {
    return new Egress(Route.SOCKS5_PROXY, host(host), port(port), null, null, null);
  }

  /**
   * Authenticates to the proxy: HTTP Basic when an HTTP proxy asks (407); username/password (RFC
   * 1929, the only method then offered) with a SOCKS5 proxy. The credentials belong to this client
   * alone (the process-global {@code java.net.Authenticator} is never used). The password stays a
   * {@link Secret}: it is never logged, never in an event, message or metric tag.
   */
  public Egress withProxyCredentials(String user, Secret password) {
    Objects.requireNonNull(user, "proxyUser");
    Objects.requireNonNull(password, "proxyPassword");
    if (route == Route.DIRECT) {
      throw new InvalidRequestException("proxyCredentials",
          "Proxy credentials need a proxy: start from Egress.httpProxy(host, port) or Egress.socks5(host, port)");
    }
    if (!user.matches("[\\x21-\\x39\\x3b-\\x7e]{1,128}")) {
      throw new InvalidRequestException("proxyUser", "proxyUser must be 1-128 printable ASCII characters without ':' or spaces");
    }
    byte[] pw = password.bytes();
    int length = pw.length;
    java.util.Arrays.fill(pw, (byte) 0);
    if (length < 1 || length > 255) {
      throw new InvalidRequestException("proxyPassword",
          "proxyPassword must be 1-255 bytes (UTF-8); the password itself is not shown");
    }
    return new Egress(route, proxyHost, proxyPort, user, password, localAddress);
  }

  /**
   * Opens every connection (to the provider, or to the HTTP or SOCKS5 proxy) from {@code
   * literalAddress}, an IPv4 or IPv6 literal of this machine. An address that cannot be bound is an
   * {@link EgressException}, never a connection from another address.
   */
  public Egress bindTo(String literalAddress) {
    Objects.requireNonNull(literalAddress, "localAddress");
    if (!literalAddress.matches("[0-9.]+|[0-9a-fA-F:]+")) {
      throw new InvalidRequestException("localAddress", "localAddress must be an IP literal, not a host name: '" + literalAddress + "'");
    }
    try {
      return new Egress(route, proxyHost, proxyPort, proxyUser, proxyPassword, InetAddress.getByName(literalAddress));
    } catch (UnknownHostException e) {
      throw new InvalidRequestException("localAddress", "localAddress is not an IP literal: '" + literalAddress + "'");
    }
  }

  /** The route. */
  public Route route() {
    return route;
  }

  /** The proxy's address, unless direct. */
  public Optional<InetSocketAddress> proxyAddress() {
    return proxyHost == null ? Optional.empty() : Optional.of(InetSocketAddress.createUnresolved(proxyHost, proxyPort));
  }

  /**
   * The route as a JDK proxy ({@link Proxy#NO_PROXY} when direct). For SOCKS5 this is a description
   * only: TickGuard does not hand it to OkHttp, it runs the SOCKS5 handshake itself so that the
   * credentials stay with this client.
   */
  public Proxy proxy() {
    return switch (route) {
      case DIRECT -> Proxy.NO_PROXY;
      case HTTP_CONNECT_PROXY -> new Proxy(Proxy.Type.HTTP, new InetSocketAddress(proxyHost, proxyPort));
      case SOCKS5_PROXY -> new Proxy(Proxy.Type.SOCKS, new InetSocketAddress(proxyHost, proxyPort));
    };
  }

  /** The proxy user, when proxy credentials are set. */
  public Optional<String> proxyUser() {
    return Optional.ofNullable(proxyUser);
  }

  /** The proxy password, when proxy credentials are set. */
  public Optional<Secret> proxyPassword() {
    return Optional.ofNullable(proxyPassword);
  }

  /** The local address connections are opened from, when one was chosen. */
  public Optional<InetAddress> localAddress() {
    return Optional.ofNullable(localAddress);
  }

  /** One line for logs, {@code doctor} and messages: route, proxy, user, local address; never the password. */
  public String describe() {
    StringBuilder s = new StringBuilder();
    switch (route) {
      case DIRECT -> s.append("direct");
      case HTTP_CONNECT_PROXY -> s.append("HTTP CONNECT proxy ").append(proxyHost).append(':').append(proxyPort);
      case SOCKS5_PROXY -> s.append("SOCKS5 proxy ").append(proxyHost).append(':').append(proxyPort);
    }
    if (proxyUser != null) {
      s.append(" (proxy user ").append(proxyUser).append(", password ***)");
    }
    s.append(localAddress == null ? ", local address chosen by the OS" : ", local address " + localAddress.getHostAddress());
    s.append(", no fallback to direct");
    return s.toString();
  }

  @Override
  public String toString() {
    return "Egress{" + describe() + "}";
  }

  private static String host(String host) {
    Objects.requireNonNull(host, "proxyHost");
    if (!host.matches("[A-Za-z0-9.:\\-\\[\\]]{1,253}")) {
      throw new InvalidRequestException("proxyHost", "proxyHost must be a host name or IP literal, was '" + host + "'");
    }
    return host;
  }

  private static int port(int port) {
    if (port < 1 || port > 65_535) {
      throw new InvalidRequestException("proxyPort", "proxyPort must be 1-65535, was " + port);
    }
    return port;
  }
}
