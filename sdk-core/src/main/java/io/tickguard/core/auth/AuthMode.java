package io.tickguard.core.auth;

/** How an endpoint authenticates; decides what the Auth and Sign stages do for it. */
public enum AuthMode {
  /** Public endpoint: no key, no signature. */
  NONE,
  /** The API key is attached (header or query), the request is not signed. */
  API_KEY,
  /** The API key is attached and the request is signed with a fresh timestamp or nonce. */
  SIGNED,
  /** An OAuth 2.0 access token (or a self-signed JWT) is sent as a bearer token. */
  BEARER
}
