package io.tickguard.core.auth;

import java.util.Objects;

/**
 * Where an authenticator gets its credentials: a fixed set, a {@link RotatingCredentialsProvider},
 * or a user's own source (a vault client, say). Implementations must be thread-safe and fast:
 * {@link #acquire()} runs once per attempt.
 */
public interface CredentialsProvider {

  /** The credentials new calls use right now. */
  ApiCredentials current();

  /**
   * Leases the current credentials for one signing. The default lease does nothing on close; a
   * provider that destroys retired secrets overrides it to know when they are no longer in use.
   */
  default CredentialsLease acquire() {
    ApiCredentials credentials = current();
    return new CredentialsLease() {
      @Override
      public ApiCredentials credentials() {
        return credentials;
      }

      @Override
      public void close() {}
    };
  }

  /** A provider that always returns {@code credentials}. */
  static CredentialsProvider of(ApiCredentials credentials) {
    Objects.requireNonNull(credentials, "credentials");
    return () -> credentials;
  }
}
