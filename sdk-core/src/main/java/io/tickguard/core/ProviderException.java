package io.tickguard.core;

/**
 * The provider reported an error that no more specific exception describes: a 404, a 5xx, an
 * unexpected 4xx, or an error envelope inside an HTTP 200. The provider's code and message are kept
 * in {@link #details()}.
 */
public class ProviderException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  /** An error the provider reported, with its details. */
  public ProviderException(String message, ErrorDetails details) {
    super(message, details, null);
  }

  /** An error the provider reported, with its details and the failure that revealed it. */
  public ProviderException(String message, ErrorDetails details, Throwable cause) {
    super(message, details, cause);
  }

  /** {@code true} for 5xx answers: the provider failed, the request may be fine. */
  public boolean serverError() {
    return httpStatus().map(s -> s >= 500).orElse(false);
  }
}
