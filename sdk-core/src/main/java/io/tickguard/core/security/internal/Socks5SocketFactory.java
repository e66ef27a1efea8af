package io.tickguard.core.security.internal;

import io.tickguard.core.auth.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;

/**
 * Sockets whose {@code connect(target)} connects to a SOCKS5 proxy instead (from the bound local
 * address, when one is configured) and runs the RFC 1928/1929 handshake for {@code target} with
 * this client's own credentials, within the connect timeout. OkHttp is given these sockets with no
 * JDK proxy, so the process-global {@link java.net.Authenticator} is never consulted and one
 * client's proxy password never reaches another. A failed handshake closes the socket and throws:
 * nothing is ever connected directly.
 */
public final class Socks5SocketFactory extends BindingSocketFactory {
  private final String proxyHost;
  private final int proxyPort;
  private final Socks5Handshake handshake;

  /**
   * Through the proxy at {@code proxyHost:proxyPort}, from {@code local} (null: the OS picks), with
   * optional credentials ({@code user} and {@code password} both null for none).
   */
  public Socks5SocketFactory(String proxyHost, int proxyPort, InetAddress local, String user, Secret password) {
    super(local);
    this.proxyHost = proxyHost;
    this.proxyPort = proxyPort;
    this.handshake = new Socks5Handshake(proxyHost + ":" + proxyPort, user, password);
  }

  @Override
  protected Socket newSocket() {
    return new Socks5Socket();
  }

  /** The name stays a name: the proxy resolves it. */
  @Override
  protected InetSocketAddress address(String host, int port) {
    return InetSocketAddress.createUnresolved(host, port);
  }

  /** A plain socket that reaches its target through the proxy. */
  private final class Socks5Socket extends Socket {
    @Override
    public void connect(SocketAddress endpoint) throws IOException {
      connect(endpoint, 0);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (!(endpoint instanceof InetSocketAddress target)) {
        throw new IllegalArgumentException("Unsupported address type " + endpoint);
      }
      String proxyName = proxyHost + ":" + proxyPort;
      InetSocketAddress proxy = new InetSocketAddress(proxyHost, proxyPort);
      if (proxy.isUnresolved()) {
        close();
        throw new Socks5Exception("SOCKS5 proxy " + proxyName + ": the proxy host name cannot be resolved");
      }
      try {
        super.connect(proxy, timeout);
      } catch (IOException e) {
        close();
        // Not a ConnectException: OkHttp would rename it after the target, hiding that the proxy failed.
        throw new Socks5Exception("SOCKS5 proxy " + proxyName + " cannot be reached: " + e.getMessage(), e);
      }
      int previous = getSoTimeout();
      try {
        setSoTimeout(timeout); // the handshake is part of connecting: bounded by the connect timeout
        // getHostString: the name OkHttp asked for (see ProxyResolvedDns), never resolved here.
        handshake.connect(getInputStream(), getOutputStream(), target.getHostString(), target.getPort());
        setSoTimeout(previous);
      } catch (IOException | RuntimeException e) {
        close();
        throw e;
      }
    }
  }
}
