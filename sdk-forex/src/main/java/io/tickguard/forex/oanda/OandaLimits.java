package io.tickguard.forex.oanda;

import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import java.time.Duration;
import java.util.List;

/**
 * OANDA's published v20 limits: 120 REST requests per second, at most 20 open streams, and at most
 * 2 new connections per second (per IP). {@link #rest()} is {@link OandaClient}'s default throttle;
 * {@link #streamConnectLimit()} paces its stream connects and reconnects; the client refuses a 21st open
 * stream before connecting.
 *
 * <p>Source: developer.oanda.com, "Best Practices" (rate limiting: 120 requests per second per
 * account; 20 active streams; 2 new connections per second).
 */
public final class OandaLimits {
  /** The group every REST endpoint counts against. */
  public static final String REQUESTS = "REQUESTS";
  /** REST requests per second. */
  public static final int REQUESTS_PER_SECOND = 120;
  /** Streams open at once. */
  public static final int MAX_STREAMS = 20;
  /** New connections per second. */
  public static final int NEW_CONNECTIONS_PER_SECOND = 2;

  private static final String SOURCE = "https://developer.oanda.com/rest-live-v20/best-practices/";

  private OandaLimits() {}

  /** {@code REQUESTS}: 120 per second. */
  public static LimitPreset rest() {
    return new LimitPreset(
        "oanda-rest",
        List.of(RateLimit.fixedWindow(REQUESTS, REQUESTS_PER_SECOND, Duration.ofSeconds(1)).countingRequests()),
        List.of(), SOURCE);
  }

  /** Stream connects, first and reconnects alike: 2 per second. */
  public static RateLimit streamConnectLimit() {
    return RateLimit.fixedWindow("CONNECTS", NEW_CONNECTIONS_PER_SECOND, Duration.ofSeconds(1)).countingRequests()
        .forEveryRequest();
  }
}
