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
  private final WaitBound waitBound;

  /**
   * What ended a client-side wait for permits: the throttle's own {@code maxWait}, or the time left
   * before the call's deadline ({@code callTimeout}), whichever was shorter.
   */
  public enum WaitBound {
    /** The throttle's {@code maxWait} was the shorter bound. */
    MAX_WAIT,
    /** The call's remaining deadline was the shorter bound: the call would have been cancelled while waiting. */
    CALL_DEADLINE
  }

  /** A refusal by the client-side throttle. */
  public static RateLimitedException clientSide(String window, Duration retryAfter) {
    return new RateLimitedException(
        "Client-side rate limit '" + window + "' has no permits within the allowed wait; retry in "
            + retryAfter.toMillis() + " ms or raise the limit's maxWait",
        ErrorDetails.none(), window, retryAfter, true, false);
  }

  /**
   * A refusal by the client-side throttle whose wait of {@code retryAfter} exceeds {@code bound}
   * (of length {@code boundLength}); nothing was sent and no permit was taken.
   */
  public static RateLimitedException clientSide(String window, Duration retryAfter, WaitBound bound, Duration boundLength) {
    String ended = bound == WaitBound.CALL_DEADLINE
        ? "the call's deadline (" + boundLength.toMillis() + " ms left of callTimeout); retry in " + retryAfter.toMillis()
            + " ms or give the call a longer callTimeout"
        : "the throttle's maxWait (" + boundLength.toMillis() + " ms); retry in " + retryAfter.toMillis()
            + " ms or raise maxWait";
    return new RateLimitedException(
        "Client-side rate limit '" + window + "' has no permits within " + ended + "; nothing was sent",
        ErrorDetails.none(), window, retryAfter, true, false, bound);
  }

  public RateLimitedException(
      String message,
      ErrorDetails details,
      String window,
      Duration retryAfter,
      boolean clientSide,
      boolean banned) {
    this(message, details, window, retryAfter, clientSide, banned, null);
  }

  private RateLimitedException(
      String message, ErrorDetails details, String window, Duration retryAfter, boolean clientSide,
      boolean banned, WaitBound waitBound) {
    super(message, details, null);
    this.window = window;
    this.retryAfter = retryAfter;
    this.clientSide = clientSide;
    this.banned = banned;
    this.waitBound = waitBound;
  }

  /**
   * For a client-side refusal because the wait for permits was too long: which bound it exceeded.
   * Empty for the provider's refusals and for client-side refusals of another kind (a ban, a full
   * queue, a request heavier than its window).
   */
  public Optional<WaitBound> waitBound() {
    return Optional.ofNullable(waitBound);
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
