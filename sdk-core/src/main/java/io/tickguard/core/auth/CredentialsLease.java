package io.tickguard.core.auth;

/**
 * The credentials one attempt signs with, held from the start of signing until {@link #close()}.
 * While a lease is open the credentials are not destroyed, even if they were rotated out meanwhile.
 */
public interface CredentialsLease extends AutoCloseable {

  /** The leased credentials. */
  ApiCredentials credentials();

  /** Ends the lease; idempotent. */
  @Override
  void close();
}
