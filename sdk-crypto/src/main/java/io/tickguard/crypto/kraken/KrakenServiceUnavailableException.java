package io.tickguard.crypto.kraken;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.ServiceUnavailableException;

/**
 * Kraken said it could not serve the call right now ({@code EService:Unavailable}, {@code
 * EService:Busy}, {@code EService:Deadline elapsed}), usually inside an HTTP 200. The request
 * itself may be fine: back off and call again. For a private call that changes state, check its
 * outcome first; market data and {@code Balance} are safe to repeat.
 *
 * <p>The pipeline treats it as an HTTP 503 within the attempt ({@link ServiceUnavailableException}):
 * the default resilience policy retries an idempotent call, the host's breaker counts it, and the
 * audit line records it.
 */
public class KrakenServiceUnavailableException extends ServiceUnavailableException {
  private static final long serialVersionUID = 1L;

  /** Kraken's refusal, with its error string in {@code details}. */
  public KrakenServiceUnavailableException(String message, ErrorDetails details) {
    super(message, details);
  }

  /** Always {@code true}: the service, not the request, failed. */
  public boolean retryable() {
    return true;
  }
}
