package io.tickguard.testkit;

import io.tickguard.testkit.market.MarketSimulator;
import java.time.Clock;
import java.util.Objects;

/**
 * The shared pieces a {@link ProviderRoutes} builds its routes from: the server's clock, the market
 * simulator, the API keys, replay protection, rate limiting and the OAuth server. One per sandbox.
 */
public final class SandboxContext {
  private final Clock clock;
  private final MarketSimulator market;
  private final ApiKeyRegistry apiKeys;
  private final ReplayGuard replayGuard;
  private final RateLimiter rateLimiter;
  private final OAuthServer oauth;

  SandboxContext(
      Clock clock, MarketSimulator market, ApiKeyRegistry apiKeys, ReplayGuard replayGuard,
      RateLimiter rateLimiter, OAuthServer oauth) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.market = market;
    this.apiKeys = apiKeys;
    this.replayGuard = replayGuard;
    this.rateLimiter = rateLimiter;
    this.oauth = oauth;
  }

  /** The server's clock: the injected clock plus any clock-skew fault. */
  public Clock clock() {
    return clock;
  }

  /** The deterministic market. */
  public MarketSimulator market() {
    return market;
  }

  /** The API keys the sandbox accepts. */
  public ApiKeyRegistry apiKeys() {
    return apiKeys;
  }

  /** Timestamp-window and nonce checks, on the server's clock. */
  public ReplayGuard replayGuard() {
    return replayGuard;
  }

  /** The sandbox's default rate limiter, which routes count against unless they pick another. */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** A separate limiter, for a provider whose limits differ from the default (its own usage header). */
  public RateLimiter newRateLimiter(RateLimitPolicy policy) {
    return new RateLimiter(policy, clock);
  }

  /** The OAuth 2.0 authorization server and its protected-resource check. */
  public OAuthServer oauth() {
    return oauth;
  }
}
