package io.tickguard.core.auth;

import java.util.Objects;

/**
 * What a {@link RequestSigner} produced: the signature text to attach, and the canonical payload it
 * signed (for error reports; it never contains the key or the signature).
 *
 * @param value the signature (hex, base64 or a whole JWT) exactly as it is attached
 * @param payload what was signed
 */
public record RequestSignature(String value, SignedPayload payload) {
  public RequestSignature {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(payload, "payload");
  }

  /** Never the signature value. */
  @Override
  public String toString() {
    return "RequestSignature{" + payload.algorithm() + ", value=(redacted)}";
  }
}
