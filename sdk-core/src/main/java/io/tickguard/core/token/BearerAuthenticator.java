package io.tickguard.core.token;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import okhttp3.Request;

/**
 * The Auth stage for OAuth 2.0 providers: sends the {@link TokenManager}'s access token as {@code
 * Authorization: Bearer}, and after a 401 has the manager refresh once so the pipeline can replay
 * once.
 */
public final class BearerAuthenticator implements RequestAuthenticator {
  private static final String PREFIX = "Bearer ";

  private final TokenManager tokens;
  private final Set<Scope> scopes;
  private volatile String presented = "";

  /**
   * @param tokens the token source
   * @param granted the TickGuard scopes the OAuth grant covers (the caller maps provider scopes)
   */
  public BearerAuthenticator(TokenManager tokens, Set<Scope> granted) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    EnumSet<Scope> set = EnumSet.of(Scope.MARKET_DATA);
    set.addAll(granted);
    this.scopes = Set.copyOf(set);
  }

  @Override
  public Set<Scope> grantedScopes() {
    return scopes;
  }

  @Override
  public Request authenticate(Request request, ApiRequest apiRequest) {
    if (apiRequest.endpoint().authMode() == AuthMode.NONE) {
      return request;
    }
    char[] token = tokens.token().value().chars();
    try {
      presented = io.tickguard.core.security.internal.TokenIds.of(token);
      return request.newBuilder().header("Authorization", PREFIX + new String(token)).build();
    } finally {
      Arrays.fill(token, '\0');
    }
  }

  /** {@code token:sha256:} and a 12-hex-digit hash prefix of the token last presented; never the token. */
  @Override
  public String credentialId() {
    return presented;
  }

  @Override
  public boolean refreshAfterUnauthorized(Request rejected) {
    String header = rejected.header("Authorization");
    if (header == null || !header.startsWith(PREFIX)) {
      return false;
    }
    return tokens.refreshAfterUnauthorized(header.substring(PREFIX.length()));
  }

  @Override
  public String toString() {
    return "BearerAuthenticator{scopes=" + scopes + "}";
  }
}
