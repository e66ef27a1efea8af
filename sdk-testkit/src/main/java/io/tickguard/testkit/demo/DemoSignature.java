package io.tickguard.testkit.demo;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.AttachRule;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Signers;
import io.tickguard.core.auth.SigningAuthenticator;

/**
 * The demo wire format's signature scheme, documented so any client (any language) can implement it.
 *
 * <p>Headers: {@value #API_KEY_HEADER} (the key id), {@value #TIMESTAMP_HEADER} (epoch milliseconds),
 * {@value #NONCE_HEADER} (1 to 64 characters of {@code [A-Za-z0-9_-]}, never reused with a key) and
 * {@value #SIGNATURE_HEADER}: lower-case hex of HMAC-SHA256, keyed with the UTF-8 secret, over
 *
 * <pre>
 * timestamp + "\n" + nonce + "\n" + METHOD + "\n" + encodedPathAndQuery + "\n" + body
 * </pre>
 *
 * where {@code encodedPathAndQuery} is exactly what is on the request line ({@code /demo/v1/order}
 * or {@code /demo/v1/account?x=1}) and {@code body} is the request body as sent (empty for a GET).
 */
public final class DemoSignature {
  /** Header carrying the key id. */
  public static final String API_KEY_HEADER = "TG-APIKEY";
  /** Header carrying the epoch-millisecond timestamp. */
  public static final String TIMESTAMP_HEADER = "TG-TIMESTAMP";
  /** Header carrying the nonce. */
  public static final String NONCE_HEADER = "TG-NONCE";
  /** Header carrying the hex signature. */
  public static final String SIGNATURE_HEADER = "TG-SIGNATURE";

  private DemoSignature() {}

  /**
   * Core's signer for this scheme, to use with {@link SigningAuthenticator} and {@link #attachRule()}:
   * the nonce is the authenticator's per-key nonce, written in decimal.
   */
  public static RequestSigner signer() {
    return Signers.hmacSha256Hex(in -> canonical(
        in.timestamp(), Long.toString(in.nonce()), in.method(), in.pathAndQuery(), in.body()));
  }

  /** Where this scheme puts key, timestamp, nonce and signature. */
  public static AttachRule attachRule() {
    return AttachRule.builder()
        .apiKeyHeader(API_KEY_HEADER)
        .timestampHeader(TIMESTAMP_HEADER)
        .nonceHeader(NONCE_HEADER)
        .signatureHeader(SIGNATURE_HEADER)
        .build();
  }

  /** A ready authenticator for the demo routes with {@code credentials}. */
  public static SigningAuthenticator authenticator(ApiCredentials credentials) {
    return SigningAuthenticator.builder().credentials(credentials).signer(signer()).placement(attachRule()).build();
  }

  /**
   * {@link #authenticator(ApiCredentials)} with timestamps from {@code clock}: give it the sandbox's
   * clock, so that a signed timestamp never depends on how long the test took to get there.
   */
  public static SigningAuthenticator authenticator(ApiCredentials credentials, java.time.Clock clock) {
    return SigningAuthenticator.builder().credentials(credentials).signer(signer()).placement(attachRule())
        .serverClock(io.tickguard.core.time.ServerClock.uncorrected(clock)).build();
  }

  /** The text that is signed. */
  public static String canonical(String timestamp, String nonce, String method, String pathAndQuery, String body) {
    return timestamp + "\n" + nonce + "\n" + method + "\n" + pathAndQuery + "\n" + body;
  }
}
