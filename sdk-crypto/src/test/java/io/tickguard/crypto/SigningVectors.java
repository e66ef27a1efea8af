package io.tickguard.crypto;

import io.tickguard.core.auth.Secret;
import io.tickguard.core.auth.SigningInput;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Properties;

/** What the provider signer tests share: their vector files, secrets, inputs and a verifier. */
public final class SigningVectors {
  private SigningVectors() {}

  /** The {@code .properties} vector file {@code name} under {@code fixtures/}. */
  public static Properties load(String name) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(Fixtures.raw(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /** {@code text} as a secret. */
  public static Secret secret(String text) {
    return Secret.ofBytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A signing input on {@code api.example.com} at the epoch. */
  public static SigningInput input(String method, String path, String query, String body, String timestamp, long nonce) {
    return new SigningInput(method, "api.example.com", path, query, body, Instant.ofEpochMilli(0), timestamp, nonce);
  }

  /** Whether {@code signature} of {@code data} verifies with {@code key}. */
  public static boolean verify(String algorithm, PublicKey key, String data, byte[] signature) throws Exception {
    Signature verifier = Signature.getInstance(algorithm);
    verifier.initVerify(key);
    verifier.update(data.getBytes(StandardCharsets.UTF_8));
    return verifier.verify(signature);
  }
}
