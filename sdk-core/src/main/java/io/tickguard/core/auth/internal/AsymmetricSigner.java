package io.tickguard.core.auth.internal;

import io.tickguard.core.auth.ApiCredentials;
import io.tickguard.core.auth.KeyType;
import io.tickguard.core.auth.RequestSignature;
import io.tickguard.core.auth.RequestSigner;
import io.tickguard.core.auth.SignedPayload;
import io.tickguard.core.auth.SigningInput;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Function;

/**
 * Ed25519 or RSA-SHA256 (PKCS#1 v1.5) over a canonical string, base64-encoded: Binance's asymmetric
 * API keys sign the query string followed by the body.
 */
public final class AsymmetricSigner implements RequestSigner {
  private final KeyType keyType;
  private final String algorithmName;
  private final Function<SigningInput, String> canonical;
  private final Signatures signatures;

  /**
   * @param keyType {@link KeyType#ED25519} or {@link KeyType#RSA}
   * @param canonical the text to sign
   */
  public AsymmetricSigner(KeyType keyType, Function<SigningInput, String> canonical) {
    this.keyType = keyType;
    this.canonical = canonical;
    String jca = switch (keyType) {
      case ED25519 -> "Ed25519";
      case RSA -> "SHA256withRSA";
      default -> throw new IllegalArgumentException("Not an Ed25519 or RSA key type: " + keyType);
    };
    this.algorithmName = keyType == KeyType.RSA ? "RSA-SHA256" : "Ed25519";
    this.signatures = new Signatures(jca);
  }

  @Override
  public RequestSignature sign(SigningInput input, ApiCredentials credentials) {
    if (credentials.keyType() != keyType) {
      throw new IllegalArgumentException(
          "This signer needs " + keyType + " credentials, not " + credentials.keyType());
    }
    String text = canonical.apply(input);
    byte[] signature = signatures.sign(credentials, text.getBytes(StandardCharsets.UTF_8));
    return new RequestSignature(Base64.getEncoder().encodeToString(signature), new SignedPayload(algorithmName, text));
  }
}
