package io.tickguard.forex.oanda.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import java.util.Objects;
import java.util.Set;
import okhttp3.Request;

/**
 * Sends the personal access token as {@code Authorization: Bearer <token>} on every authenticated
 * endpoint (all of OANDA's). The token comes from the {@link CredentialsProvider} at each request, so
 * a rotated token is used from the next request on. Core's {@code Redactor} masks the header in logs;
 * {@link #toString} shows only the token's first characters.
 */
public final class OandaTokenAuthenticator implements RequestAuthenticator {
  private final CredentialsProvider credentials;

  /** Attaches the token {@code credentials} currently hands out (API-key-only credentials). */
  public OandaTokenAuthenticator(CredentialsProvider credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** The token in use now, for scrubbing it from the provider's messages. */
  public String token() {
    return credentials.current().apiKey();
  }

  @Override
  public Set<Scope> grantedScopes() {
    return credentials.current().scopes();
  }

  @Override
  public Request authenticate(Request request, ApiRequest apiRequest) {
    if (apiRequest.endpoint().authMode() == AuthMode.NONE) {
      return request;
    }
    return request.newBuilder().header("Authorization", "Bearer " + credentials.current().apiKey()).build();
  }

  @Override
  public String toString() {
    return "OandaTokenAuthenticator[token=" + credentials.current().redactedApiKey() + "]";
  }
}
