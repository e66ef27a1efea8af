package io.tickguard.core.security.internal;

import java.io.IOException;

/**
 * The SOCKS5 proxy refused, could not be understood, or stopped answering during the handshake.
 * The transport translates it into an {@code EgressException}; its message names the proxy and
 * what went wrong, never the proxy password.
 */
public final class Socks5Exception extends IOException {
  private static final long serialVersionUID = 1L;

  /** A handshake failure described by {@code message}. */
  public Socks5Exception(String message) {
    super(message);
  }

  /** A handshake failure described by {@code message}, caused by {@code cause}. */
  public Socks5Exception(String message, Throwable cause) {
    super(message, cause);
  }
}
