package io.tickguard.core.security.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/**
 * Plain sockets bound to one local address before they connect (OkHttp connects them itself).
 * Subclasses choose the socket ({@link #newSocket()}) and how a host name becomes an address.
 */
public class BindingSocketFactory extends SocketFactory {
  private final InetAddress local;

  /** Binds every socket to {@code local}, any port ({@code null}: the operating system picks). */
  public BindingSocketFactory(InetAddress local) {
    this.local = local;
  }

  /** An unconnected, unbound socket. */
  protected Socket newSocket() {
    return new Socket();
  }

  /** The address {@link #createSocket(String, int)} connects to: {@code host} resolved here. */
  protected InetSocketAddress address(String host, int port) {
    return new InetSocketAddress(host, port);
  }

  @Override
  public final Socket createSocket() throws IOException {
    Socket socket = newSocket();
    if (local == null) {
      return socket;
    }
    try {
      socket.bind(new InetSocketAddress(local, 0));
    } catch (IOException e) {
      socket.close();
      throw new java.net.BindException("Cannot bind to local address " + local.getHostAddress() + ": " + e.getMessage());
    }
    return socket;
  }

  @Override
  public final Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(address(host, port));
    return socket;
  }

  @Override
  public final Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public final Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public final Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return createSocket(address, port);
  }
}
