package io.tickguard.market.insightease.internal;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.AuthMode;
import io.tickguard.core.auth.CredentialsProvider;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import java.util.Objects;
import java.util.Set;
import okhttp3.Request;

/**
 * Adds the key as Insightease requires: the {@code api_key} query parameter, through core's {@link
 * AttachRule}. Core's {@code Redactor} masks {@code api_key} in logs, URLs and messages; {@link
 * #toString} shows only the key's first characters.
 */
public final class InsighteaseKeyAuthenticator implements RequestAuthenticator {
  /** The query parameter Insightease reads the key from. */
  public static final String API_KEY_PARAMETER = "api_key";

  private static final AttachRule RULE = AttachRule.builder().apiKeyQueryParameter(API_KEY_PARAMETER).build();

  private final CredentialsProvider credentials;

  /** Attaches the key {@code credentials} currently hands out (API-key-only credentials). */
  public InsighteaseKeyAuthenticator(CredentialsProvider credentials) {
    this.credentials = Objects.requireNonNull(credentials, "credentials");
  }

  /** The key in use now, for scrubbing it from the provider's messages. */
  public String apiKey() {
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
    return RULE.attachKey(request, credentials.current());
  }

  @Override
  public String toString() {
    return "InsighteaseKeyAuthenticator[api_key=" + credentials.current().redactedApiKey() + "]";
  }
}
