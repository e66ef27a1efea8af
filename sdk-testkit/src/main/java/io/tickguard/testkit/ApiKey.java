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
  private final Set<String> allowedIps;

  /**
   * Creates a key usable from any address.
   *
   * @param key the key id the client sends
   * @param secret the shared secret (copied)
   * @param scopes the scopes granted
   */
  public ApiKey(String key, byte[] secret, Set<Scope> scopes) {
    this(key, secret, scopes, Set.of());
  }

  /**
   * Creates a key bound to an IP allow-list, as providers let users do.
   *
   * @param key the key id the client sends
   * @param secret the shared secret (copied)
   * @param scopes the scopes granted
   * @param allowedIps the source addresses the key is accepted from ({@code 127.0.0.1}); empty: any
   */
  public ApiKey(String key, byte[] secret, Set<Scope> scopes, Set<String> allowedIps) {
    this.key = Objects.requireNonNull(key, "key");
    this.secret = secret.clone();
    this.scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    this.allowedIps = Set.copyOf(allowedIps);
  }

  /** A copy of this key accepted only from {@code addresses} (IP literals). */
  public ApiKey allowOnlyFrom(String... addresses) {
    return new ApiKey(key, secret, scopes, Set.of(addresses));
  }

  /** The source addresses the key is accepted from; empty means any (no IP restriction). */
  public Set<String> allowedIps() {
    return allowedIps;
  }

  /** Whether the key is IP-restricted. */
  public boolean ipRestricted() {
    return !allowedIps.isEmpty();
  }

  /** Whether a call from {@code clientAddress} may use this key. */
  public boolean allowsAddress(String clientAddress) {
    return allowedIps.isEmpty() || allowedIps.contains(clientAddress);
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
    return "ApiKey{" + key + ", scopes=" + scopes + (allowedIps.isEmpty() ? "" : ", allowedIps=" + allowedIps)
        + ", secret=***}";
  }
}
