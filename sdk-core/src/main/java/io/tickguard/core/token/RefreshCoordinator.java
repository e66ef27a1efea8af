package io.tickguard.core.token;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * How a {@link TokenManager} obtains a new grant once its token is due or was refused. The default,
 * {@link #direct()}, runs the token request at once: single-flight within one manager. Processes
 * that share one OAuth session (one rotating refresh token) plug in a coordinator that lets one of
 * them refresh and hands its result to the others, such as {@code RedisTokenSession} of
 * tickguard-redis; without one, two processes refreshing at once would spend the same refresh token
 * twice.
 *
 * <p>Contract: a returned grant that carries a refresh token is saved to the manager's {@link
 * TokenStore} before its access token is used. A coordinator that saves the rotated refresh token
 * itself (under its own lock) returns the grant without one.
 */
@FunctionalInterface
public interface RefreshCoordinator {

  /**
   * Returns a grant whose access token replaces {@code replacing}.
   *
   * @param replacing the token the manager holds and wants replaced (due, or refused with 401);
   *     empty when it holds none. A coordinator may return a newer token that another process
   *     obtained instead of refreshing.
   * @param refresh runs the token request with the store's current refresh token (or the
   *     client_credentials grant when the store is empty); the grant it returns is not saved yet
   */
  TokenGrant obtain(Optional<AccessToken> replacing, Supplier<TokenGrant> refresh);

  /** Refreshes at once, in this process: the default. */
  static RefreshCoordinator direct() {
    return (replacing, refresh) -> refresh.get();
  }
}
