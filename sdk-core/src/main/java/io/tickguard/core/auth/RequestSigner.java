package io.tickguard.core.auth;

/**
 * Computes a provider's signature: a pure function of the request bytes, the key and the time (all in
 * {@link SigningInput}), so that it can be tested against the provider's published vectors.
 *
 * <p>Implementations are thread-safe and prepare each key once (parse, decode, initialise), then
 * reuse it for every request signed with the same {@link ApiCredentials}. The standard signers are
 * made by {@link Signers}.
 */
public interface RequestSigner {

  /** Signs {@code input} with {@code credentials}. */
  RequestSignature sign(SigningInput input, ApiCredentials credentials);

  /**
   * Prepares {@code credentials} now (parse, decode, initialise) instead of at the first signature,
   * so that a key this signer cannot use is refused before any request: {@link
   * SigningAuthenticator.Builder#build()} calls it with the credentials current then. The prepared
   * key is the one {@link #sign} reuses. Does nothing by default.
   *
   * @throws io.tickguard.core.ConfigurationException on {@code credentials} when the key cannot be
   *     used (its message never contains the secret)
   */
  default void prepare(ApiCredentials credentials) {}
}
