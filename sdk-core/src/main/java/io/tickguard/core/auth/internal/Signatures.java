package io.tickguard.core.auth.internal;

import io.tickguard.core.auth.ApiCredentials;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;

/**
 * Signs bytes with a credentials' private key, reusing an initialised {@link Signature} per key.
 *
 * <p>Reuse: a prototype {@code Signature} is initialised once per key and cloned for each use when
 * the provider supports cloning; otherwise a new instance is initialised with the already parsed
 * key (cheap: no key parsing). A {@code Signature} is never shared between threads.
 */
public final class Signatures {
  private final String algorithm;
  private final PerCredentials<Signature> prototypes;

  public Signatures(String algorithm) {
    this.algorithm = algorithm;
    this.prototypes = new PerCredentials<>(this::fresh);
  }

  /** Signs {@code data}. */
  public byte[] sign(ApiCredentials credentials, byte[] data) {
    if (credentials.secret().map(s -> s.isDestroyed()).orElse(false)) {
      throw new IllegalStateException("The credentials' key was destroyed; sign with the current credentials");
    }
    Signature signature;
    try {
      signature = (Signature) prototypes.get(credentials).clone();
    } catch (CloneNotSupportedException e) {
      signature = fresh(credentials);
    }
    try {
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " signing failed", e);
    }
  }

  private Signature fresh(ApiCredentials credentials) {
    PrivateKey key = credentials.privateKey().orElseThrow(
        () -> new IllegalArgumentException("The credentials have no private key"));
    try {
      Signature signature = Signature.getInstance(algorithm);
      signature.initSign(key);
      return signature;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot sign with a " + key.getAlgorithm() + " key using " + algorithm, e);
    }
  }
}
