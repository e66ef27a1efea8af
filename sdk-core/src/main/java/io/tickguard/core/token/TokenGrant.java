package io.tickguard.core.token;

import io.tickguard.core.auth.Secret;
import java.util.Objects;
import java.util.Optional;

/**
 * A successful token response: the access token and, when the server issued one, a (new) refresh
 * token.
 */
public final class TokenGrant {
  private final AccessToken accessToken;
  private final Secret refreshToken;

  public TokenGrant(AccessToken accessToken, Secret refreshToken) {
    this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
    this.refreshToken = refreshToken;
  }

  public AccessToken accessToken() {
    return accessToken;
  }

  /** The refresh token of this response, if any; a new one replaces (rotates) the old one. */
  public Optional<Secret> refreshToken() {
    return Optional.ofNullable(refreshToken);
  }

  @Override
  public String toString() {
    return "TokenGrant{" + accessToken + ", refreshToken=" + (refreshToken == null ? "none" : "(redacted)") + "}";
  }
}
