package io.tickguard.market.insightease;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Secret;
import java.util.Arrays;
import java.util.Objects;

/**
 * Insightease's one key kind, for crypto and forex alike: an API key with no signing secret, sent as
 * the {@code api_key} query parameter. Pass the result to a client builder's {@code credentials(...)}.
 */
public final class InsighteaseKeys {
  private InsighteaseKeys() {}

  /** Credentials for the key {@code apiKey}. */
  public static ApiCredentials apiKey(String apiKey) {
    Objects.requireNonNull(apiKey, "apiKey");
    if (apiKey.isBlank()) {
      throw new InvalidRequestException("apiKey", "The Insightease API key is blank; pass the key from the dashboard");
    }
    return ApiCredentials.apiKeyOnly(apiKey);
  }

  /** Credentials for the key held by {@code apiKey} (environment, file, key store). */
  public static ApiCredentials apiKey(Secret apiKey) {
    char[] chars = Objects.requireNonNull(apiKey, "apiKey").chars();
    try {
      return apiKey(new String(chars));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
