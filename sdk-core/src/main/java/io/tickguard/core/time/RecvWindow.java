package io.tickguard.core.time;

import java.time.Duration;
import java.time.Instant;

/**
 * A freshness window such as Binance's {@code recvWindow}: the server accepts a request whose
 * timestamp is at most {@code window} old and not more than {@code maxAhead} in its future. A
 * provider's own window comes from its package (Binance's: {@code BinanceAuth.defaultRecvWindow()}).
 *
 * @param window how old a timestamp may be
 * @param maxAhead how far ahead of the server a timestamp may be
 */
public record RecvWindow(Duration window, Duration maxAhead) {

  public RecvWindow {
    if (window.isNegative() || window.isZero() || maxAhead.isNegative()) {
      throw new IllegalArgumentException("window must be positive and maxAhead not negative");
    }
  }

  /** Whether the server, at {@code serverNow}, would accept {@code timestamp}. */
  public boolean accepts(Instant timestamp, Instant serverNow) {
    return timestamp.isBefore(serverNow.plus(maxAhead))
        && Duration.between(timestamp, serverNow).compareTo(window) <= 0;
  }

  /**
   * Whether a clock known to within {@code uncertainty} (half the best sample's round trip) can
   * meet this window at all; if not, requests will be rejected however the clock is corrected.
   */
  public boolean achievableWith(Duration uncertainty) {
    return uncertainty.compareTo(window) < 0 && uncertainty.compareTo(maxAhead) < 0;
  }

  /** The window in milliseconds, as the {@code recvWindow} parameter value. */
  public long millis() {
    return window.toMillis();
  }
}
