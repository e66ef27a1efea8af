package io.tickguard.core.security;

/** What a {@link SecurityEvent} reports. */
public enum SecurityEventKind {
  /**
   * The provider refused the credentials: HTTP 401/403, Binance {@code -2014}/{@code -2015}/{@code
   * -1022}, Kraken {@code EAPI:Invalid key}/{@code EAPI:Invalid signature}. A burst of these means a
   * revoked, stolen or mistyped key.
   */
  CREDENTIAL_REJECTED,
  /** The server's certificate matched no configured pin: an impostor or an unannounced rotation. */
  PIN_MISMATCH,
  /** The TLS handshake failed (untrusted chain, wrong host name, protocol refused). */
  TLS_FAILURE,
  /** A token refresh failed. */
  TOKEN_REFRESH_FAILED,
  /**
   * The token endpoint answered {@code invalid_grant} to a refresh token that rotation had issued:
   * someone else probably used it first, so the session is likely stolen.
   */
  REFRESH_TOKEN_REUSE,
  /** The provider answered 429: this process, or another one on the same key or IP, sends too much. */
  RATE_LIMITED,
  /** The provider answered 418: the IP is banned for a while. */
  IP_BANNED,
  /** The provider refused a timestamp, or the estimated offset to its clock jumped. */
  CLOCK_SKEW,
  /** The provider announced ({@code Deprecation}/{@code Sunset}) that an endpoint goes away. */
  DEPRECATION_SEEN,
  /** The key can do more than the scopes declared for the client (see {@link KeyPermissionReport}). */
  OVER_PRIVILEGED_KEY,
  /** The configured egress (proxy) failed; the call was not sent by another route. */
  EGRESS_FAILURE,
  /** The {@link AnomalyDetector} saw a rate of events cross its threshold. */
  ANOMALY,
  /** The client's {@link KillSwitch} was engaged: every call is refused until it is reset. */
  KILL_SWITCH_ENGAGED
}
