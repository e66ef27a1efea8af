package io.tickguard.core.tls.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.function.Consumer;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** An {@link SSLSocketFactory} that configures every socket it creates before it is used. */
public final class ConfiguringSocketFactory extends SSLSocketFactory {
  private final SSLSocketFactory delegate;
  private final Consumer<SSLSocket> configuration;

  /** Applies {@code configuration} to every socket {@code delegate} creates. */
  public ConfiguringSocketFactory(SSLSocketFactory delegate, Consumer<SSLSocket> configuration) {
    this.delegate = delegate;
    this.configuration = configuration;
  }

  /**
   * Turns on the JDK's HTTPS endpoint identification, so the trust manager itself refuses a
   * certificate not issued for the host during the handshake. This is on top of OkHttp's hostname
   * verifier and cannot be undone by replacing that verifier on the client builder.
   */
  public static ConfiguringSocketFactory verifyingHostnames(SSLSocketFactory delegate) {
    return new ConfiguringSocketFactory(
        delegate,
        socket -> {
          var parameters = socket.getSSLParameters();
          parameters.setEndpointIdentificationAlgorithm("HTTPS");
          socket.setSSLParameters(parameters);
        });
  }

  private Socket configure(Socket socket) {
    if (socket instanceof SSLSocket ssl) {
      configuration.accept(ssl);
    }
    return socket;
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket() throws IOException {
    return configure(delegate.createSocket());
  }

  @Override
  public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
    return configure(delegate.createSocket(socket, host, port, autoClose));
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return configure(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return configure(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return configure(delegate.createSocket(address, port, localAddress, localPort));
  }
}
