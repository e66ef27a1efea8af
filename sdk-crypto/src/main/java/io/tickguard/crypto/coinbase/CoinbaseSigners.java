package io.tickguard.crypto.coinbase;

import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Signers;
import java.time.Duration;

/** Coinbase's signing rules, tested against Coinbase's published (or independently computed) vectors. */
public final class CoinbaseSigners {
  /** How long a CDP JWT lives. */
  public static final Duration CDP_JWT_LIFETIME = Duration.ofSeconds(120);

  private CoinbaseSigners() {}

  /**
   * CDP API keys (Advanced Trade): a two-minute JWT per request, issuer {@code cdp}, random header
   * nonce, {@code uri} claim {@code "METHOD host/path"}; ES256 for an EC P-256 key, EdDSA for an
   * Ed25519 key. The WebSocket tokens ({@code CoinbaseWsJwt}) come from the same signer, without
   * {@code uri}.
   */
  public static RequestSigner cdpJwt() {
    return Signers.jwt("cdp", CDP_JWT_LIFETIME);
  }

  /**
   * Coinbase Exchange keys: HMAC-SHA256 of {@code timestamp + METHOD + requestPath + body} keyed with
   * the base64-decoded secret, base64-encoded; {@code requestPath} includes the query string.
   */
  public static RequestSigner exchangeHmac() {
    return Signers.hmac(
        Signers.Hmac.SHA256, Signers.SecretEncoding.BASE64,
        Signers.Message.text(in -> in.timestamp() + in.method() + in.pathAndQuery() + in.body()),
        Signers.SignatureEncoding.BASE64);
  }
}
