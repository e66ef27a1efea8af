package io.tickguard.core.security.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.net.SocketFactory;

/** Plain sockets bound to one local address before they connect (OkHttp connects them itself). */
public final class BindingSocketFactory extends SocketFactory {
  private final InetAddress local;

  /** Binds every socket to {@code local}, any port. */
  public BindingSocketFactory(InetAddress local) {
    this.local = local;
  }

  @Override
  public Socket createSocket() throws IOException {
    Socket socket = new Socket();
    try {
      socket.bind(new InetSocketAddress(local, 0));
    } catch (IOException e) {
      socket.close();
      throw new java.net.BindException("Cannot bind to local address " + local.getHostAddress() + ": " + e.getMessage());
    }
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    Socket socket = createSocket();
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return createSocket(address, port);
  }
}
