package io.tickguard.core.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * The per-attempt values that make a signed request fresh: the server-corrected time, its text as
 * the provider expects it, and a nonce.
 *
 * @param time server-corrected time of the attempt
 * @param timestamp {@code time} formatted for the provider
 * @param nonce strictly increasing per key
 */
public record Freshness(Instant time, String timestamp, long nonce) {
  public Freshness {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
