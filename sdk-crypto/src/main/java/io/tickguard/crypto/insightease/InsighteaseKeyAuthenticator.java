package io.tickguard.crypto.insightease;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.AuthMode;
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
final class InsighteaseKeyAuthenticator implements RequestAuthenticator {
  /** The query parameter Insightease reads the key from. */
  static final String API_KEY_PARAMETER = "api_key";

  private static final AttachRule RULE = AttachRule.builder().apiKeyQueryParameter(API_KEY_PARAMETER).build();

  private final ApiCredentials credentials;

  InsighteaseKeyAuthenticator(String apiKey) {
    this.credentials = ApiCredentials.apiKeyOnly(Objects.requireNonNull(apiKey, "apiKey"));
  }

  /** The key, for scrubbing it from the provider's messages. */
  String apiKey() {
    return credentials.apiKey();
  }

  @Override
  public Set<Scope> grantedScopes() {
    return credentials.scopes();
  }

  @Override
  public Request authenticate(Request request, ApiRequest apiRequest) {
    if (apiRequest.endpoint().authMode() == AuthMode.NONE) {
      return request;
    }
    return RULE.attachKey(request, credentials);
  }

  @Override
  public String toString() {
    return "InsighteaseKeyAuthenticator[api_key=" + credentials.redactedApiKey() + "]";
  }
}
