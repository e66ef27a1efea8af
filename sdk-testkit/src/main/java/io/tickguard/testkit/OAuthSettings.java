package io.tickguard.testkit;

import java.time.Duration;
import java.util.Objects;

/**
 * Lifetimes and behaviour of the sandbox's OAuth 2.0 authorization server.
 *
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token (each rotation issues a fresh one)
 * @param refreshTokenOnClientCredentials whether the client_credentials grant also issues a refresh
 *     token. RFC 6749 4.4.3 says it SHOULD NOT, but several market-data providers do, and it is the
 *     only grant here that can start a refresh-token family.
 */
public record OAuthSettings(Duration accessTokenTtl, Duration refreshTokenTtl, boolean refreshTokenOnClientCredentials) {

  /** Validates the settings. */
  public OAuthSettings {
    positive(accessTokenTtl, "accessTokenTtl");
    positive(refreshTokenTtl, "refreshTokenTtl");
    if (accessTokenTtl.toMillis() % 1000 != 0) {
      throw new IllegalArgumentException("accessTokenTtl must be whole seconds (expires_in is in seconds)");
    }
  }

  /** Access tokens live 5 minutes, refresh tokens a day, client_credentials issues a refresh token. */
  public static OAuthSettings defaults() {
    return new OAuthSettings(Duration.ofMinutes(5), Duration.ofDays(1), true);
  }

  /** A copy with another access-token lifetime. */
  public OAuthSettings withAccessTokenTtl(Duration ttl) {
    return new OAuthSettings(ttl, refreshTokenTtl, refreshTokenOnClientCredentials);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
