package io.tickguard.core.security;

import java.time.Instant;
import java.util.Map;

/**
 * What a client has spent since it was built: calls and request weight per endpoint, weight per
 * limit window the endpoints count against, and calls per credential. Credentials appear as a
 * redacted key id ({@code key:abcd…}) or a hash of the token ({@code token:sha256:1f2e…}), never
 * as the key, secret or token itself. Every map is immutable and sorted by name.
 *
 * @param since when counting started (the client's build time)
 * @param at when the snapshot was taken
 * @param endpoints usage per endpoint name
 * @param windowWeights request weight sent per limit window name ({@code REQUEST_WEIGHT})
 * @param credentials calls per credential (redacted key id or token hash)
 */
public record UsageSnapshot(
    Instant since, Instant at, Map<String, EndpointUsage> endpoints, Map<String, Long> windowWeights,
    Map<String, Long> credentials) {

  /**
   * One endpoint's usage.
   *
   * @param calls attempts sent (each retry counts)
   * @param weight request weight of those attempts
   * @param failures attempts that failed or answered an error status
   */
  public record EndpointUsage(long calls, long weight, long failures) {}

  /** Copies the maps. */
  public UsageSnapshot {
    endpoints = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(endpoints));
    windowWeights = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(windowWeights));
    credentials = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(credentials));
  }

  /** Calls over every endpoint. */
  public long totalCalls() {
    return endpoints.values().stream().mapToLong(EndpointUsage::calls).sum();
  }
}
