package io.tickguard.testkit;

/** What {@link ReplayGuard#check} found about a signed request's timestamp and nonce. */
public enum FreshnessVerdict {
  /** Timestamp inside the window, nonce never seen: accept. */
  FRESH,
  /** Timestamp older than the window allows (or the server's clock runs ahead). */
  STALE_TIMESTAMP,
  /** Timestamp further ahead than the window allows (or the server's clock runs behind). */
  FUTURE_TIMESTAMP,
  /** The nonce was already used with this key: a replay. */
  NONCE_REUSED
}
