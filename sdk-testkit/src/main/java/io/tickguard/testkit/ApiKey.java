package io.tickguard.testkit;

import io.tickguard.core.auth.Scope;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An API key the sandbox accepts: its id, its secret and the scopes it grants.
 *
 * <p>The secret is a sandbox test value, never a real one; {@link #toString()} still hides it so that
 * it does not teach the habit of printing secrets.
 */
public final class ApiKey {
  private final String key;
  private final byte[] secret;
  private final Set<Scope> scopes;

  /**
   * Creates a key.
   *
   * @param key the key id the client sends
   * @param secret the shared secret (copied)
   * @param scopes the scopes granted
   */
  public ApiKey(String key, byte[] secret, Set<Scope> scopes) {
    this.key = Objects.requireNonNull(key, "key");
    this.secret = secret.clone();
    this.scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
  }

  /** The key id. */
  public String key() {
    return key;
  }

  /** A copy of the secret. */
  public byte[] secret() {
    return secret.clone();
  }

  /** The scopes granted. */
  public Set<Scope> scopes() {
    return scopes;
  }

  /** Whether this key grants {@code scope}. */
  public boolean grants(Scope scope) {
    return scopes.contains(scope);
  }

  @Override
  public String toString() {
    return "ApiKey{" + key + ", scopes=" + scopes + ", secret=***}";
  }
}
