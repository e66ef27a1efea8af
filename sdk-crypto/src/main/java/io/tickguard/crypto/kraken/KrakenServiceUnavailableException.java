package io.tickguard.crypto.kraken;

import io.tickguard.core.ErrorDetails;
import io.tickguard.core.ProviderException;

/**
 * Kraken said it could not serve the call right now ({@code EService:Unavailable}, {@code
 * EService:Busy}, {@code EService:Deadline elapsed}), usually inside an HTTP 200. The request
 * itself may be fine: back off and call again. For a private call that changes state, check its
 * outcome first; market data and {@code Balance} are safe to repeat.
 *
 * <p>TickGuard's retry policy acts on HTTP statuses, so it does not repeat these calls by itself.
 */
public class KrakenServiceUnavailableException extends ProviderException {
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
