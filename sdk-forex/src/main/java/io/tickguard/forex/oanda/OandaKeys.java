package io.tickguard.forex.oanda;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.auth.Secret;
import java.util.Arrays;
import java.util.Objects;

/**
 * OANDA's one credential: a personal access token, sent as {@code Authorization: Bearer <token>}.
 * Pass the result to {@link OandaClient.Builder#credentials(ApiCredentials)}. The token never appears
 * in a log, a message or a {@code toString}: core redacts the {@code Authorization} header, and the
 * credentials show only the token's first characters.
 */
public final class OandaKeys {
  private OandaKeys() {}

  /** Credentials for the personal access token held by {@code token} (environment, file, key store). */
  public static ApiCredentials token(Secret token) {
    char[] chars = Objects.requireNonNull(token, "token").chars();
    try {
      return token(new String(chars));
    } finally {
      Arrays.fill(chars, '\0');
    }
  }

  /** Credentials for the personal access token {@code token}. */
  public static ApiCredentials token(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new InvalidRequestException(
          "token", "The OANDA token must be printable ASCII without spaces; copy it from 'Manage API Access'");
    }
    // A token reads the account too (summary); TickGuard calls no trading endpoint with it.
    return ApiCredentials.apiKeyOnly(token).withScopes(Scope.ACCOUNT_READ);
  }
}
