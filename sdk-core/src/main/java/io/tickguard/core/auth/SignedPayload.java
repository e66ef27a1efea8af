package io.tickguard.core.auth;

/**
 * The canonical string a signer signed for one attempt, kept as an OkHttp request tag so that a
 * rejected signature can be reported with exactly what was signed. It never holds the secret or the
 * signature itself.
 *
 * @param algorithm the signature scheme, such as {@code HMAC-SHA256}
 * @param canonical the exact text that was signed
 */
public record SignedPayload(String algorithm, String canonical) {}
