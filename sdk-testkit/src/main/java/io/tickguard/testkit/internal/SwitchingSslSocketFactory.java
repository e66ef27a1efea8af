package io.tickguard.testkit.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLSocketFactory;

/**
 * A server-side socket factory whose delegate can be swapped while the server runs, so the next
 * accepted connection presents another certificate. Connections already open keep theirs, exactly
 * as a real server behind a rotated or hijacked certificate would behave.
 */
public final class SwitchingSslSocketFactory extends SSLSocketFactory {
  private final AtomicReference<SSLSocketFactory> delegate;

  /** Starts with {@code initial}. */
  public SwitchingSslSocketFactory(SSLSocketFactory initial) {
    this.delegate = new AtomicReference<>(initial);
  }

  /** New connections use {@code next}. */
  public void switchTo(SSLSocketFactory next) {
    delegate.set(next);
  }

  @Override
  public String[] getDefaultCipherSuites() {
    return delegate.get().getDefaultCipherSuites();
  }

  @Override
  public String[] getSupportedCipherSuites() {
    return delegate.get().getSupportedCipherSuites();
  }

  @Override
  public Socket createSocket(Socket s, String host, int port, boolean autoClose) throws IOException {
    return delegate.get().createSocket(s, host, port, autoClose);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return delegate.get().createSocket(host, port);
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
    return delegate.get().createSocket(host, port, localHost, localPort);
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return delegate.get().createSocket(host, port);
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
    return delegate.get().createSocket(address, port, localAddress, localPort);
  }
}
