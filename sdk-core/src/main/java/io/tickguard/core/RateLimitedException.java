package io.tickguard.core;

import java.time.Duration;
import java.util.Optional;

/**
 * A call was refused for exceeding a rate limit.
 *
 * <p>{@link #clientSide()} tells who refused it: the client-side throttle (no request was sent; the
 * provider's budget is intact) or the provider (HTTP 429, or 418 for an IP ban). {@link #retryAfter()}
 * says how long to wait when that is known, and {@link #window()} names the limit window.
 */
public class RateLimitedException extends TickGuardException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;
  private final String window;
  private final boolean clientSide;
  private final boolean banned;

  /** A refusal by the client-side throttle. */
  public static RateLimitedException clientSide(String window, Duration retryAfter) {
    return new RateLimitedException(
        "Client-side rate limit '" + window + "' has no permits within the allowed wait; retry in "
            + retryAfter.toMillis() + " ms or raise the limit's maxWait",
        ErrorDetails.none(), window, retryAfter, true, false);
  }

  public RateLimitedException(
      String message,
      ErrorDetails details,
      String window,
      Duration retryAfter,
      boolean clientSide,
      boolean banned) {
    super(message, details, null);
    this.window = window;
    this.retryAfter = retryAfter;
    this.clientSide = clientSide;
    this.banned = banned;
  }

  /** How long to wait before calling again, when the throttle or the server said so. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The name of the limit window that was exhausted, e.g. {@code REQUEST_WEIGHT/1m}. */
  public String window() {
    return window;
  }

  /** {@code true} when TickGuard refused the call itself, before sending anything. */
  public boolean clientSide() {
    return clientSide;
  }

  /** {@code true} when the provider banned this client (Binance answers HTTP 418). */
  public boolean banned() {
    return banned;
  }
}
