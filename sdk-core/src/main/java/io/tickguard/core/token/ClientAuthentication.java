package io.tickguard.core.token;

/** How the client authenticates to the token endpoint (RFC 6749 section 2.3.1). */
public enum ClientAuthentication {
  /**
   * HTTP Basic with the form-urlencoded client id and secret (the RFC's required method; note the
   * encoding step many clients forget).
   */
  BASIC,
  /** {@code client_id} and {@code client_secret} in the form body (allowed, not recommended). */
  FORM_BODY
}
