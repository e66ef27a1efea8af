package io.tickguard.core.time;

/**
 * Where a signer's nonces come from, per API key. The default counts milliseconds of the signing
 * clock, strictly increasing per key ({@link NonceGenerator}); a test that must reproduce a
 * provider's published example (Kraken's nonce {@code 1616492376594}) or a bot that shares a key's
 * nonce sequence with another program supplies its own.
 *
 * <p>An implementation must return, for each key, values that strictly increase across calls and
 * threads: providers such as Kraken refuse a nonce not greater than the last one they accepted.
 */
@FunctionalInterface
public interface NonceSource {

  /** The next nonce for {@code apiKey}. */
  long next(String apiKey);
}
