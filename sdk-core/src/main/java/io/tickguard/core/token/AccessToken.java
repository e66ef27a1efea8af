package io.tickguard.core.token;

import io.tickguard.core.auth.Secret;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An OAuth 2.0 access token and when it expires. The value is a {@link Secret}; {@link #toString()}
 * shows only the expiry.
 */
public final class AccessToken {
  private final Secret value;
  private final Instant expiresAt;
  private final Set<String> scopes;

  /**
   * @param value the token
   * @param expiresAt when the server said it expires
   * @param scopes the scopes the server granted (empty when it did not say)
   */
  public AccessToken(Secret value, Instant expiresAt, Set<String> scopes) {
    this.value = Objects.requireNonNull(value, "value");
    this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    this.scopes = Set.copyOf(scopes);
  }

  /** The token. */
  public Secret value() {
    return value;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Set<String> scopes() {
    return scopes;
  }

  /** Whether {@code presented} (an {@code Authorization} header value's token) is this token. */
  public boolean matches(String presented) {
    return value.contentEquals(Secret.ofBytes(presented.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Override
  public String toString() {
    return "AccessToken{value=(redacted), expiresAt=" + expiresAt + ", scopes=" + scopes + "}";
  }
}
