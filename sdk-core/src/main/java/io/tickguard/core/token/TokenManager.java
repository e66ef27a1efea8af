package io.tickguard.core.token;

import io.tickguard.core.AuthenticationException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongUnaryOperator;

/**
 * Keeps one valid access token for a client.
 *
 * <ul>
 *   <li><b>Proactive:</b> a token is refreshed once it is within the margin (plus a per-token random
 *       jitter, so that a fleet of bots does not refresh in the same second) of its expiry. While the
 *       old token is still valid, other callers keep using it instead of waiting.
 *   <li><b>Single-flight:</b> however many threads ask, at most one token request is in flight;
 *       the others wait for its result, at most {@code maxWait}, then fail with a clear exception.
 *   <li><b>Rotation:</b> a refresh token in the response is saved to the {@link TokenStore}
 *       <em>before</em> the new access token is handed out; the old refresh token is never sent
 *       again (it is read from the store, which now holds the new one).
 *   <li><b>401:</b> {@link #refreshAfterUnauthorized(String)} forces one refresh only when the
 *       rejected request carried the token currently cached; the caller replays once, never loops.
 * </ul>
 */
public final class TokenManager {
  private final TokenEndpointClient endpoint;
  private final TokenStore store;
  private final Clock clock;
  private final Duration margin;
  private final LongUnaryOperator jitter;
  private final Duration maxWait;

  private final Object lock = new Object();
  private Cached cached; // guarded by lock
  private CompletableFuture<AccessToken> inFlight; // guarded by lock

  private record Cached(AccessToken token, Instant refreshAt) {}

  private TokenManager(Builder b) {
    this.endpoint = Objects.requireNonNull(b.endpoint, "endpoint");
    this.store = b.store;
    this.clock = b.clock;
    this.margin = b.margin;
    this.jitter = b.jitter;
    this.maxWait = b.maxWait;
  }

  /** Starts a builder around {@code endpoint}. */
  public static Builder builder(TokenEndpointClient endpoint) {
    return new Builder(endpoint);
  }

  /** A valid access token, refreshing it first when due. */
  public AccessToken token() {
    CompletableFuture<AccessToken> wait;
    boolean leader = false;
    synchronized (lock) {
      Instant now = clock.instant();
      if (cached != null && now.isBefore(cached.refreshAt())) {
        return cached.token();
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
      } else if (cached != null && now.isBefore(cached.token().expiresAt())) {
        return cached.token(); // a refresh is running; the current token is still valid
      }
      wait = inFlight;
    }
    if (leader) {
      refresh(wait);
    }
    return await(wait);
  }

  /**
   * After a 401: if {@code presentedToken} is the cached token, refreshes (once, single-flight) and
   * returns {@code true}; if another caller already replaced it, returns {@code true} without a
   * token request; returns {@code false} when there is nothing newer to replay with.
   */
  public boolean refreshAfterUnauthorized(String presentedToken) {
    CompletableFuture<AccessToken> wait;
    boolean leader = false;
    synchronized (lock) {
      if (inFlight != null) {
        wait = inFlight;
      } else if (cached != null && !cached.token().matches(presentedToken)) {
        return true; // already refreshed by someone else: replay with the current token
      } else {
        cached = null;
        inFlight = new CompletableFuture<>();
        wait = inFlight;
        leader = true;
      }
    }
    if (leader) {
      refresh(wait);
    }
    AccessToken fresh = await(wait);
    return !fresh.matches(presentedToken);
  }

  private void refresh(CompletableFuture<AccessToken> result) {
    try {
      TokenGrant grant = requestGrant();
      // Rotation: persist the new refresh token before anyone can use the new access token.
      grant.refreshToken().ifPresent(store::save);
      AccessToken token = grant.accessToken();
      synchronized (lock) {
        cached = new Cached(token, refreshTime(token));
        inFlight = null;
      }
      result.complete(token);
    } catch (RuntimeException e) {
      synchronized (lock) {
        inFlight = null;
      }
      result.completeExceptionally(e);
    }
  }

  private TokenGrant requestGrant() {
    Optional<Secret> refreshToken = store.refreshToken();
    if (refreshToken.isEmpty()) {
      return endpoint.clientCredentials();
    }
    try {
      return endpoint.refresh(refreshToken.get());
    } catch (AuthenticationException e) {
      if (e.providerCode().filter("invalid_grant"::equals).isPresent()) {
        store.clear(); // revoked or expired: never send it again
      }
      throw e;
    }
  }

  private Instant refreshTime(AccessToken token) {
    Duration lifetime = Duration.between(clock.instant(), token.expiresAt());
    Duration early = margin.plusMillis(jitter.applyAsLong(margin.toMillis()));
    if (early.compareTo(lifetime.dividedBy(2)) > 0) {
      early = lifetime.dividedBy(2); // short-lived tokens: refresh at half-life, not immediately
    }
    return token.expiresAt().minus(early);
  }

  private AccessToken await(CompletableFuture<AccessToken> future) {
    try {
      return future.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AuthenticationException(
          "No access token within " + maxWait.toMillis() + " ms: the token endpoint is slow or unreachable");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AuthenticationException("Interrupted while waiting for an access token");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TickGuardException t) {
        throw t;
      }
      throw new AuthenticationException("Token refresh failed: " + e.getCause().getClass().getSimpleName());
    }
  }

  /** Builds a {@link TokenManager}. */
  public static final class Builder {
    private final TokenEndpointClient endpoint;
    private TokenStore store = new InMemoryTokenStore();
    private Clock clock = Clock.systemUTC();
    private Duration margin = Duration.ofSeconds(60);
    private LongUnaryOperator jitter = max -> java.util.concurrent.ThreadLocalRandom.current().nextLong(max / 4 + 1);
    private Duration maxWait = Duration.ofSeconds(10);

    private Builder(TokenEndpointClient endpoint) {
      this.endpoint = endpoint;
    }

    /** Where the refresh token is kept (default in memory). */
    public Builder store(TokenStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /** The clock expiry is judged by; tests pass a virtual clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long before expiry to refresh (default 60 s), plus up to a quarter of it as jitter. */
    public Builder refreshMargin(Duration margin) {
      this.margin = Objects.requireNonNull(margin, "margin");
      return this;
    }

    /** Jitter in ms given the margin in ms; {@code m -> 0} disables it (tests). */
    public Builder jitter(LongUnaryOperator jitter) {
      this.jitter = Objects.requireNonNull(jitter, "jitter");
      return this;
    }

    /** How long a caller waits for a refresh run by another caller (default 10 s). */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
      return this;
    }

    public TokenManager build() {
      return new TokenManager(this);
    }
  }
}
