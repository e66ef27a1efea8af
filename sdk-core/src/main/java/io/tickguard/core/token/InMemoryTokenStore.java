package io.tickguard.core.token;

import io.tickguard.core.auth.Secret;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** A {@link TokenStore} in memory: the default; the refresh token is lost on restart. */
public final class InMemoryTokenStore implements TokenStore {
  private final AtomicReference<Secret> token = new AtomicReference<>();

  /** An empty store. */
  public InMemoryTokenStore() {}

  /** A store holding an initial refresh token (obtained out of band). */
  public InMemoryTokenStore(Secret initial) {
    token.set(Objects.requireNonNull(initial, "initial"));
  }

  @Override
  public Optional<Secret> refreshToken() {
    return Optional.ofNullable(token.get());
  }

  @Override
  public void save(Secret refreshToken) {
    Secret previous = token.getAndSet(Objects.requireNonNull(refreshToken, "refreshToken"));
    if (previous != null && previous != refreshToken) {
      previous.destroy();
    }
  }

  @Override
  public void clear() {
    Secret previous = token.getAndSet(null);
    if (previous != null) {
      previous.destroy();
    }
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore{" + (token.get() == null ? "empty" : "(redacted)") + "}";
  }
}
