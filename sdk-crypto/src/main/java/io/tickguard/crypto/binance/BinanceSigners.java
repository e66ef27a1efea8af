package io.tickguard.crypto.binance;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Signers;
import io.tickguard.core.auth.SigningInput;

/**
 * Binance's signing rules, one per key kind: the signature covers the query string immediately
 * followed by the body (no separator), exactly as sent. Tested against Binance's published examples.
 */
public final class BinanceSigners {
  private BinanceSigners() {}

  /** HMAC keys: HMAC-SHA256 of query + body, lower-case hex. */
  public static RequestSigner hmac() {
    return Signers.hmac(
        Signers.Hmac.SHA256, Signers.SecretEncoding.TEXT, Signers.Message.text(BinanceSigners::queryAndBody),
        Signers.SignatureEncoding.HEX);
  }

  /** Ed25519 keys: Ed25519 of query + body, base64. */
  public static RequestSigner ed25519() {
    return Signers.ed25519(BinanceSigners::queryAndBody);
  }

  /** RSA keys: RSASSA-PKCS1-v1_5 with SHA-256 of query + body, base64. */
  public static RequestSigner rsa() {
    return Signers.rsaSha256(BinanceSigners::queryAndBody);
  }

  /** The signer Binance documents for keys of {@code type}. */
  public static RequestSigner forKeyType(KeyType type) {
    switch (type) {
      case HMAC:
        return hmac();
      case ED25519:
        return ed25519();
      case RSA:
        return rsa();
      default:
        throw new InvalidRequestException("credentials", "Binance API keys are HMAC, Ed25519 or RSA, not " + type);
    }
  }

  private static String queryAndBody(SigningInput in) {
    return in.query() + in.body();
  }
}
