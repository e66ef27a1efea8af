package io.tickguard.crypto.coinbase;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.SigningAuthenticator;
import java.time.Clock;

/**
 * Coinbase's request authentication as a public building block, for endpoints TickGuard does not
 * wrap: a fresh two-minute ES256 JWT per request (issuer {@code cdp}, {@code uri} claim naming the
 * method, host and path) as a bearer token, from a CDP key ({@link CoinbaseKeys#cdp}). It is the one
 * {@link CoinbaseClient} uses; run such endpoints through {@link CoinbaseClient#call} to keep the
 * client's throttle and clock.
 */
public final class CoinbaseAuth {
  private CoinbaseAuth() {}

  /**
   * CDP JWT signing with times from {@code clock} (a {@code ServerClock} is used as is); {@code
   * credentials} must be an EC P-256 CDP key.
   */
  public static SigningAuthenticator cdpJwt(ApiCredentials credentials, Clock clock) {
    return CoinbaseClient.cdpAuthenticator(credentials, clock);
  }
}
