package io.tickguard.crypto.kraken;

import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.Signers;
import io.tickguard.core.auth.SigningInput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Kraken spot REST's {@code API-Sign}: HMAC-SHA512 of {@code path + SHA256(nonce + body)} keyed with
 * the base64-decoded private key, base64-encoded. Tested against Kraken's published example.
 */
public final class KrakenSigners {
  private KrakenSigners() {}

  /** The {@code API-Sign} signer. */
  public static RequestSigner apiSign() {
    Signers.Message message = new Signers.Message() {
      @Override
      public byte[] bytes(SigningInput in) {
        byte[] path = in.path().getBytes(StandardCharsets.UTF_8);
        byte[] digest = sha256((in.nonce() + in.body()).getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[path.length + digest.length];
        System.arraycopy(path, 0, out, 0, path.length);
        System.arraycopy(digest, 0, out, path.length, digest.length);
        return out;
      }

      @Override
      public String describe(SigningInput in) {
        return in.path() + " + SHA256(" + in.nonce() + in.body() + ")";
      }
    };
    return Signers.hmac(Signers.Hmac.SHA512, Signers.SecretEncoding.BASE64, message, Signers.SignatureEncoding.BASE64);
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
