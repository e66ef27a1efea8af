package io.tickguard.core.token;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.observe.MetricsListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongUnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one valid access token for a client.
 *
 * <ul>
 *   <li><b>Proactive:</b> a token is refreshed once it is within the margin (plus a per-token random
 *       jitter, so that a fleet of bots does not refresh in the same second) of its expiry. While the
 *       old token is still valid, other callers keep using it instead of waiting.
 *   <li><b>Single-flight:</b> however many threads ask, at most one token request is in flight;
 *       the others wait for its result, at most {@code maxWait}, then fail with a clear exception.
 *       Across processes sharing one session, a {@link RefreshCoordinator} (such as
 *       tickguard-redis's {@code RedisTokenSession}) extends this to the whole fleet.
 *   <li><b>Rotation:</b> a refresh token in the response is saved to the {@link TokenStore}
 *       <em>before</em> the new access token is handed out; the old refresh token is never sent
 *       again (it is read from the store, which now holds the new one).
 *   <li><b>401:</b> {@link #refreshAfterUnauthorized(String)} forces one refresh only when the
 *       rejected request carried the token currently cached; the caller replays once, never loops.
 *   <li><b>Failed proactive refresh:</b> when a refresh made <em>before</em> expiry fails (token
 *       endpoint down, a 5xx, a malformed answer), every caller, the refreshing one included, keeps
 *       the still-valid token; the failure is logged at WARN (exception type and OAuth code only,
 *       never token text), counted through {@link MetricsListener#onTokenRefresh(boolean)}, and the
 *       refresh is tried again by the first call after {@code refreshRetryBackoff}. Only once the
 *       token has actually expired does a failed refresh reach the caller.
 *   <li><b>Sessions started by a login:</b> with {@link Builder#refreshTokenRequired(boolean)} the
 *       manager never falls back to {@code client_credentials}: a user session (the authorization
 *       code grant, {@link PkceLogin}) is handed over with {@link #accept(TokenGrant)}, and a
 *       restarted process resumes it from the refresh token in its {@link TokenStore}.
 *   <li><b>Listeners:</b> {@link #addListener(TokenListener)} hears of every new access token, after
 *       it is stored and handed out, so a streaming connection can be re-authorized with it.
 * </ul>
 */
public final class TokenManager {
  private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

  private final TokenEndpointClient endpoint;
  private final TokenStore store;
  private final Clock clock;
  private final Duration margin;
  private final LongUnaryOperator jitter;
  private final Duration maxWait;
  private final Duration retryBackoff;
  private final MetricsListener metrics;
  private final io.tickguard.core.security.SecurityEventListener securityEvents;
  private volatile boolean rotated;
  private final boolean refreshTokenRequired;
  private final List<TokenListener> listeners = new CopyOnWriteArrayList<>();
  private final RefreshCoordinator coordinator;

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
    this.retryBackoff = b.retryBackoff;
    this.metrics = b.metrics;
    this.securityEvents = b.securityEvents;
    this.refreshTokenRequired = b.refreshTokenRequired;
    this.coordinator = b.coordinator;
  }

  /** Starts a builder around {@code endpoint}. */
  public static Builder builder(TokenEndpointClient endpoint) {
    return new Builder(endpoint);
  }

  /**
   * Takes over tokens obtained outside the manager (a {@link PkceLogin}, an out-of-band grant): the
   * refresh token, if any, is stored first, then the access token becomes current and listeners are
   * told. A refresh in flight at that moment still completes, and its result then wins.
   */
  public void accept(TokenGrant grant) {
    Objects.requireNonNull(grant, "grant");
    grant.refreshToken().ifPresent(store::save);
    AccessToken token = grant.accessToken();
    synchronized (lock) {
      cached = new Cached(token, refreshTime(token));
    }
    notifyListeners(token);
  }

  /**
   * Registers {@code listener} for every new access token from now on.
   *
   * @return a handle whose {@code close()} removes the listener again
   */
  public AutoCloseable addListener(TokenListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** A valid access token, refreshing it first when due. */
  public AccessToken token() {
    CompletableFuture<AccessToken> wait;
    boolean leader = false;
    AccessToken replacing = null;
    synchronized (lock) {
      Instant now = clock.instant();
      if (cached != null && now.isBefore(cached.refreshAt())) {
        return cached.token();
      }
      if (inFlight == null) {
        inFlight = new CompletableFuture<>();
        leader = true;
        replacing = cached == null ? null : cached.token();
      } else if (cached != null && now.isBefore(cached.token().expiresAt())) {
        return cached.token(); // a refresh is running; the current token is still valid
      }
      wait = inFlight;
    }
    if (leader) {
      refresh(wait, replacing);
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
    AccessToken refused = null;
    synchronized (lock) {
      if (inFlight != null) {
        wait = inFlight;
      } else if (cached != null && !cached.token().matches(presentedToken)) {
        return true; // already refreshed by someone else: replay with the current token
      } else {
        refused = cached == null ? null : cached.token();
        cached = null;
        inFlight = new CompletableFuture<>();
        wait = inFlight;
        leader = true;
      }
    }
    if (leader) {
      refresh(wait, refused);
    }
    AccessToken fresh = await(wait);
    return !fresh.matches(presentedToken);
  }

  private void refresh(CompletableFuture<AccessToken> result, AccessToken replacing) {
    try {
      TokenGrant grant = coordinator.obtain(Optional.ofNullable(replacing), this::requestGrant);
      // Rotation: persist the new refresh token before anyone can use the new access token.
      grant.refreshToken().ifPresent(store::save);
      if (grant.refreshToken().isPresent()) {
        rotated = true;
      }
      AccessToken token = grant.accessToken();
      synchronized (lock) {
        cached = new Cached(token, refreshTime(token));
        inFlight = null;
      }
      recordRefresh(true);
      result.complete(token);
      notifyListeners(token);
    } catch (RuntimeException e) {
      recordRefresh(false);
      reportFailure(e);
      Cached kept;
      synchronized (lock) {
        inFlight = null;
        kept = keepCurrentTokenAfterFailedRefresh();
      }
      if (kept != null) {
        // Type and OAuth code only: a message could, in a buggy endpoint, quote a token.
        LOG.warn("Proactive access token refresh failed ({}{}); keeping the current token, valid until {},"
                + " and retrying from {}", e.getClass().getSimpleName(), providerCode(e),
            kept.token().expiresAt(), kept.refreshAt());
        result.complete(kept.token());
      } else {
        result.completeExceptionally(e);
      }
    }
  }

  /**
   * After a failed refresh: when the cached token has not expired yet, schedules the next attempt
   * {@code retryBackoff} from now (never later than the expiry) and returns the kept entry;
   * otherwise {@code null}, and the failure propagates. Called with {@code lock} held.
   */
  private Cached keepCurrentTokenAfterFailedRefresh() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(cached.token().expiresAt())) {
      return null;
    }
    Instant retryAt = now.plus(retryBackoff);
    if (retryAt.isAfter(cached.token().expiresAt())) {
      retryAt = cached.token().expiresAt();
    }
    cached = new Cached(cached.token(), retryAt);
    return cached;
  }

  private void notifyListeners(AccessToken token) {
    for (TokenListener listener : listeners) {
      try {
        listener.onNewToken(token);
      } catch (RuntimeException e) {
        LOG.warn("Token listener {} failed ({}); the token itself is fine", listener.getClass().getName(),
            e.getClass().getSimpleName());
      }
    }
  }

  private static String providerCode(RuntimeException e) {
    return e instanceof TickGuardException t ? t.providerCode().map(c -> ", " + c).orElse("") : "";
  }

  /**
   * A failed refresh is a security event; {@code invalid_grant} for a refresh token that this manager
   * received by rotation means someone else used it first: the session is likely stolen.
   */
  private void reportFailure(RuntimeException e) {
    boolean invalidGrant = e instanceof TickGuardException t && t.providerCode().filter("invalid_grant"::equals).isPresent();
    io.tickguard.core.security.SecurityEventKind kind = invalidGrant && rotated
        ? io.tickguard.core.security.SecurityEventKind.REFRESH_TOKEN_REUSE
        : io.tickguard.core.security.SecurityEventKind.TOKEN_REFRESH_FAILED;
    String detail = kind == io.tickguard.core.security.SecurityEventKind.REFRESH_TOKEN_REUSE
        ? "the token endpoint refused a rotated refresh token (invalid_grant): it was probably used by someone"
            + " else; the session is likely stolen, log in again and revoke the session"
        : "the token refresh failed (" + e.getClass().getSimpleName() + ")";
    String code = e instanceof TickGuardException t ? t.providerCode().filter(c -> c.matches("[a-z_]{1,40}")).orElse("") : "";
    try {
      securityEvents.onEvent(io.tickguard.core.security.SecurityEvent.of(kind, clock.instant(), "", "token", code, detail));
    } catch (RuntimeException ignored) {
      // A broken listener must not break authentication.
    }
  }

  private void recordRefresh(boolean success) {
    try {
      metrics.onTokenRefresh(success);
    } catch (RuntimeException ignored) {
      // A broken metrics listener must not break authentication.
    }
  }

  private TokenGrant requestGrant() {
    Optional<Secret> refreshToken = store.refreshToken();
    if (refreshToken.isEmpty()) {
      if (refreshTokenRequired) {
        throw new AuthenticationException(
            "No refresh token in the token store and no valid access token: the session ended or never began; log in again");
      }
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
    private Duration retryBackoff = Duration.ofSeconds(5);
    private MetricsListener metrics = MetricsListener.none();
    private io.tickguard.core.security.SecurityEventListener securityEvents =
        io.tickguard.core.security.SecurityEventListener.logging();
    private boolean refreshTokenRequired;
    private RefreshCoordinator coordinator = RefreshCoordinator.direct();

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

    /**
     * How long to keep using a still-valid token after a proactive refresh failed before trying
     * again (default 5 s); never beyond the token's expiry.
     */
    public Builder refreshRetryBackoff(Duration backoff) {
      Objects.requireNonNull(backoff, "backoff");
      if (backoff.isNegative()) {
        throw new InvalidRequestException("refreshRetryBackoff", "refreshRetryBackoff must not be negative");
      }
      this.retryBackoff = backoff;
      return this;
    }

    /** Where refresh outcomes are counted (default: nowhere); the client's listener fits. */
    public Builder metrics(MetricsListener metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * Whether tokens may come only from a refresh token (default {@code false}: with an empty store
     * the manager runs the {@code client_credentials} grant). Set it for user sessions, which start
     * with a login ({@link TokenManager#accept(TokenGrant)}) and must never silently turn into an
     * application's own session.
     */
    public Builder refreshTokenRequired(boolean required) {
      this.refreshTokenRequired = required;
      return this;
    }

    /**
     * How a new grant is obtained (default {@link RefreshCoordinator#direct()}): processes sharing
     * one OAuth session pass a fleet-wide coordinator, so that one of them refreshes per expiry.
     */
    public Builder coordinator(RefreshCoordinator coordinator) {
      this.coordinator = Objects.requireNonNull(coordinator, "coordinator");
      return this;
    }

    /**
     * Where refresh failures and refresh-token reuse ({@code invalid_grant} after rotation) are
     * reported: usually the client's {@code ApiClient.security()} monitor. Default: the security log.
     */
    public Builder securityEvents(io.tickguard.core.security.SecurityEventListener listener) {
      this.securityEvents = Objects.requireNonNull(listener, "securityEvents");
      return this;
    }

    /** Builds the manager; it requests no token until the first call. */
    public TokenManager build() {
      return new TokenManager(this);
    }
  }
}
