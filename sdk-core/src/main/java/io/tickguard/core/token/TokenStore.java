package io.tickguard.core.token;

import io.tickguard.core.auth.Secret;
import java.util.Optional;

/**
 * Where the refresh token lives between refreshes and restarts. {@link TokenManager} stores a
 * rotated refresh token here <em>before</em> it hands out the access token that came with it, so a
 * crash can never leave only the old, already invalidated, refresh token behind.
 *
 * <p>Implementations must be thread-safe and make {@link #save} durable before returning.
 */
public interface TokenStore {

  /** The current refresh token, if any. */
  Optional<Secret> refreshToken();

  /** Replaces the refresh token. */
  void save(Secret refreshToken);

  /** Forgets the refresh token (after the server rejected it). */
  void clear();
}
