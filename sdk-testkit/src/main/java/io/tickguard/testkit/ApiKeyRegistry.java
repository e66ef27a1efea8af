package io.tickguard.testkit;

import io.tickguard.core.auth.Scope;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The API keys the sandbox accepts, shared by every provider's routes. Thread-safe. */
public final class ApiKeyRegistry {
  /** An empty registry. */
  public ApiKeyRegistry() {}

  private final ConcurrentMap<String, ApiKey> keys = new ConcurrentHashMap<>();

  /** Registers (or replaces) a key whose secret is the UTF-8 bytes of {@code secret}. */
  public ApiKey register(String key, String secret, Set<Scope> scopes) {
    return register(new ApiKey(key, secret.getBytes(StandardCharsets.UTF_8), scopes));
  }

  /** Registers (or replaces) {@code key}. */
  public ApiKey register(ApiKey key) {
    keys.put(key.key(), key);
    return key;
  }

  /** The key with id {@code key}, if registered and not revoked. */
  public Optional<ApiKey> find(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(keys.get(key));
  }

  /** Revokes {@code key}: later calls with it are refused as an unknown key. */
  public void revoke(String key) {
    keys.remove(key);
  }
}
