package io.tickguard.core.security;

/**
 * Receives each attempt's usage as it is counted, for metrics ({@code
 * MicrometerSecurityMetrics}). Called on the calling thread; must be fast and must not throw.
 */
@FunctionalInterface
public interface UsageListener {
  /**
   * One attempt was sent.
   *
   * @param endpoint the endpoint's name
   * @param weight its request weight
   * @param windows the limit windows it counts against
   * @param credential the redacted key id or token hash, or the empty string for an anonymous call
   * @param failed whether it failed or answered an error status
   */
  void onAttempt(String endpoint, int weight, java.util.Set<String> windows, String credential, boolean failed);

  /** A listener that records nothing. */
  static UsageListener none() {
    return (endpoint, weight, windows, credential, failed) -> {};
  }
}
