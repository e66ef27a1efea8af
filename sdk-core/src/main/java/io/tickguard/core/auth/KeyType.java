package io.tickguard.core.auth;

/** The kind of key a set of {@link ApiCredentials} signs with. */
public enum KeyType {
  /** A shared secret for HMAC signatures (Binance HMAC, Kraken, Coinbase Exchange, OKX). */
  HMAC,
  /** An Ed25519 private key (Binance Ed25519 API keys). */
  ED25519,
  /** An RSA private key, signing with RSASSA-PKCS1-v1_5 and SHA-256 (Binance RSA API keys). */
  RSA,
  /** An EC P-256 private key signing ES256 JWTs (Coinbase CDP API keys). */
  EC_P256,
  /** No signing key: the API key alone is sent. */
  NONE
}
