package io.tickguard.core.security;

import io.tickguard.core.TransportException;

/**
 * The configured {@link Egress} failed: the proxy could not be reached, refused the tunnel or the
 * credentials, or the local address could not be bound. Nothing was sent by another route: TickGuard
 * never falls back to a direct connection. Check the proxy (and its allow-list of targets), then
 * retry.
 */
public class EgressException extends TransportException {
  private static final long serialVersionUID = 1L;

  /** A failure of {@code egress} while calling {@code host}. */
  public EgressException(String message, Throwable cause) {
    super(message, false, cause);
  }
}
