package io.tickguard.core.security.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import okhttp3.Dns;

/**
 * The {@link Dns} of a client behind a SOCKS5 proxy: it does not look anything up. It hands OkHttp
 * one placeholder address that carries the host name, so the {@link Socks5SocketFactory} socket
 * sends the name to the proxy (RFC 1928 address type 3) and the proxy resolves it. The local
 * resolver never learns which providers the bot talks to, and a poisoned local DNS cannot redirect
 * the tunnel. The placeholder (192.0.2.1, TEST-NET-1, never routed) is never connected to: every
 * socket of this client connects to the proxy.
 */
public final class ProxyResolvedDns implements Dns {
  private static final byte[] PLACEHOLDER = {(byte) 192, 0, 2, 1};

  @Override
  public List<InetAddress> lookup(String hostname) throws UnknownHostException {
    return List.of(InetAddress.getByAddress(hostname, PLACEHOLDER.clone()));
  }
}
