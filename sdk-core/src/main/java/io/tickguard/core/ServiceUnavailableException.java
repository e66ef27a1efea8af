package io.tickguard.core;

/**
 * The provider said, usually inside an HTTP 200 body, that it cannot serve the call right now
 * (Kraken's {@code EService:Unavailable}). The request itself may be fine. The pipeline treats it
 * like an HTTP 503 inside the attempt: a retryable call is retried under the resilience policy, the
 * host's circuit breaker counts it as a failure, and the audit line records it.
 */
public class ServiceUnavailableException extends ProviderException {
  private static final long serialVersionUID = 1L;

  /** The provider's refusal, with its code in {@code details}. */
  public ServiceUnavailableException(String message, ErrorDetails details) {
    super(message, details);
  }
}
