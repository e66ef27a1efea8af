package io.tickguard.core.auth.internal;

import io.tickguard.core.auth.ApiCredentials;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A one-entry cache of something derived from a key (an initialised {@code Mac} or {@code
 * Signature}), so a key is decoded and set up once, not per request. One entry suffices: a client
 * signs with one key at a time, and a rotation simply replaces the entry (dropping the old key's
 * material).
 */
public final class PerCredentials<T> {
  private record Entry<T>(ApiCredentials credentials, T value) {}

  private final AtomicReference<Entry<T>> entry = new AtomicReference<>();
  private final Function<ApiCredentials, T> factory;

  public PerCredentials(Function<ApiCredentials, T> factory) {
    this.factory = factory;
  }

  /** The value for {@code credentials}, built on first use. */
  public T get(ApiCredentials credentials) {
    Entry<T> e = entry.get();
    if (e != null && e.credentials() == credentials) {
      return e.value();
    }
    T value = factory.apply(credentials);
    entry.set(new Entry<>(credentials, value));
    return value;
  }
}
