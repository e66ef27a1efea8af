package io.tickguard.core.token;

/**
 * Told about every new access token a {@link TokenManager} obtains (a refresh, a 401-forced
 * refresh, a login handed over with {@link TokenManager#accept}). A streaming connection that was
 * authorized with the old token re-authorizes itself here, so the server never cuts it when the old
 * token expires.
 *
 * <p>Called on the thread that refreshed, after the rotated refresh token was stored and after the
 * callers waiting for the token were released; it should be quick. An exception it throws is logged
 * (its type only) and does not affect the token.
 */
@FunctionalInterface
public interface TokenListener {

  /** {@code token} is now the current access token. */
  void onNewToken(AccessToken token);
}
