package io.tickguard.core;

import io.tickguard.core.observe.Redactor;
import java.util.List;
import java.util.Optional;

/**
 * Root of every exception TickGuard throws. It is unchecked, like the exceptions of OkHttp's callers
 * and of AWS SDK v2: a trading bot handles the few cases it can act on (see the subclasses) and lets
 * the rest propagate.
 *
 * <p>Messages name the field, header or setting involved and say what to do about it. They never
 * contain a secret, a token or a signature: exceptions end up in logs and bug reports.
 *
 * <p>When the failure was reported by a provider, {@link #httpStatus()}, {@link #providerCode()} and
 * {@link #requestId()} carry what the server said, so that a support ticket can quote it.
 */
public class TickGuardException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private ErrorDetails details;
  private String redactedMessage;
  private transient Throwable redactedCause;

  /** A client-side failure. */
  public TickGuardException(String message) {
    this(message, ErrorDetails.none(), null);
  }

  /** A client-side failure caused by {@code cause}. */
  public TickGuardException(String message, Throwable cause) {
    this(message, ErrorDetails.none(), cause);
  }

  /** A failure with what the server said, if anything. */
  public TickGuardException(String message, ErrorDetails details, Throwable cause) {
    super(message, cause);
    this.details = details == null ? ErrorDetails.none() : details;
  }

  /** What the server reported, or {@link ErrorDetails#none()} for a failure found on the client. */
  public ErrorDetails details() {
    // null only in an instance deserialized from a stream written without details
    return details == null ? ErrorDetails.none() : details;
  }

  /**
   * Removes {@code secrets} (the values of the credentials a request carried) from this exception's
   * message, its {@link #details()} and the messages of its causes, in whatever form a provider
   * echoed them: verbatim, JSON-escaped ({@code \/}, {@code \u0061}) or percent-encoded. The
   * pipeline calls it on every exception built from a response, whatever its status, before the
   * exception reaches the caller or a log; user code has no need to.
   *
   * @return this exception
   */
  public final TickGuardException redactValues(List<String> secrets) {
    if (secrets.isEmpty()) {
      return this;
    }
    String message = getMessage();
    String redacted = Redactor.redactValues(message, secrets);
    if (message != null && !message.equals(redacted)) {
      redactedMessage = redacted;
    }
    details = details().withoutValues(secrets);
    Throwable cause = getCause();
    Throwable clean = Redactor.sanitize(cause, secrets);
    if (clean != cause) {
      redactedCause = clean;
    }
    return this;
  }

  @Override
  public String getMessage() {
    return redactedMessage != null ? redactedMessage : super.getMessage();
  }

  @Override
  public synchronized Throwable getCause() {
    return redactedCause != null ? redactedCause : super.getCause();
  }

  /** The HTTP status of the response that caused this failure, if a response was received. */
  public Optional<Integer> httpStatus() {
    return details.httpStatus();
  }

  /** The provider's own error code (Binance {@code -1021}, Kraken {@code EAPI:Invalid nonce}, ...). */
  public Optional<String> providerCode() {
    return details.providerCode();
  }

  /** The provider's request id, from a response header, to quote in a support ticket. */
  public Optional<String> requestId() {
    return details.requestId();
  }
}
