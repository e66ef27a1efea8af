package io.tickguard.redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.tickguard.core.AuthenticationException;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.TransportException;
import io.tickguard.core.auth.Secret;
import io.tickguard.core.throttle.Sleeper;
import io.tickguard.core.token.AccessToken;
import io.tickguard.core.token.RefreshCoordinator;
import io.tickguard.core.token.TokenGrant;
import io.tickguard.core.token.TokenManager;
import io.tickguard.core.token.TokenStore;
import io.tickguard.redis.internal.LuaScript;
import io.tickguard.redis.internal.Outage;
import io.tickguard.redis.internal.UsageValues;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One OAuth session (one rotating refresh token) shared by a fleet of JVMs through Redis: the
 * {@link TokenStore} of every instance's {@link TokenManager} and its {@link RefreshCoordinator}.
 *
 * <ul>
 *   <li><b>Fleet-wide single flight:</b> an instance whose token is due first looks in Redis; when
 *       another instance already published a newer, unexpired token, it takes that one and sends
 *       nothing. Otherwise it takes the session's lock (a lease, with a fencing token that grows with
 *       every holder), looks again, and only then runs the token request. The others poll until the
 *       result is published, then reuse it: one token request per expiry for the whole fleet.
 *   <li><b>Rotation:</b> the rotated refresh token and the new access token are published in one
 *       atomic script that first checks the fence, so nobody can read the new access token while
 *       Redis still holds the spent refresh token, and a holder whose lease ran out cannot overwrite
 *       its successor's tokens.
 *   <li><b>Crash:</b> a holder that dies leaves its lease to run out; the next instance then takes
 *       the lock with a higher fence and refreshes with the refresh token in Redis. Keep the lease
 *       longer than the token endpoint's call timeout: a holder that outlives its lease may have
 *       spent the refresh token its successor sends again.
 *   <li><b>At rest:</b> both tokens are AES-GCM encrypted with the user's {@link TokenEncryption}.
 *   <li><b>Redis down:</b> fails closed. Instances keep their current access token until it expires
 *       (the manager's proactive margin), but nobody refreshes alone: a local refresh could spend the
 *       refresh token twice.
 * </ul>
 *
 * <pre>{@code
 * RedisTokenSession session = RedisTokenSession.builder(backend, "saxo-live", encryption).build();
 * TokenManager tokens = session.attach(TokenManager.builder(endpoint)).build();
 * }</pre>
 */
public final class RedisTokenSession implements TokenStore, RefreshCoordinator {
  private static final LuaScript LOCK = LuaScript.load("lock");
  private static final LuaScript PUBLISH = LuaScript.load("publish");
  private static final LuaScript RELEASE = LuaScript.load("release");
  private static final LuaScript SWAP = LuaScript.load("swap");
  private static final String REFRESH = "refresh";
  private static final String ACCESS = "access";

  private final String name;
  private final RedisBackend redis;
  private final TokenEncryption encryption;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration lease;
  private final Duration pollInterval;
  private final Duration maxWait;
  private final String owner;
  private final String tokenKey;
  private final String lockKey;
  private final String fenceKey;
  private final Outage outage;

  private RedisTokenSession(Builder b) {
    this.name = b.name;
    this.redis = b.redis;
    this.encryption = b.encryption;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.lease = b.lease;
    this.pollInterval = b.pollInterval;
    this.maxWait = b.maxWait;
    this.owner = b.owner;
    this.tokenKey = redis.key(name, "token");
    this.lockKey = redis.key(name, "lock");
    this.fenceKey = redis.key(name, "fence");
    this.outage = RedisBackend.outage("token session " + name, clock, Duration.ZERO, b.listener);
  }

  /** Starts a session named {@code name} (its Redis keys), encrypted with {@code encryption}. */
  public static Builder builder(RedisBackend redis, String name, TokenEncryption encryption) {
    return new Builder(redis, name, encryption);
  }

  /** Makes {@code manager} store its refresh token here and refresh through this session's lock. */
  public TokenManager.Builder attach(TokenManager.Builder manager) {
    return manager.store(this).coordinator(this);
  }

  // ---- TokenStore ----

  @Override
  public Optional<Secret> refreshToken() {
    String stored = call(() -> redis.commands().hget(tokenKey, REFRESH));
    return Optional.ofNullable(stored).map(s -> Secret.ofBytes(encryption.decrypt(context(REFRESH), s)));
  }

  /**
   * Stores {@code refreshToken} (for example one obtained out of band, to seed the session). Writes
   * unconditionally: a refresh's own rotation goes through the fenced publish instead.
   */
  @Override
  public void save(Secret refreshToken) {
    String sealed = seal(REFRESH, refreshToken);
    call(() -> redis.commands().hset(tokenKey, REFRESH, sealed));
  }

  @Override
  public void clear() {
    call(() -> redis.commands().hdel(tokenKey, REFRESH, ACCESS));
  }

  // ---- RefreshCoordinator ----

  @Override
  public TokenGrant obtain(Optional<AccessToken> replacing, Supplier<TokenGrant> refresh) {
    long slept = 0;
    while (true) {
      Optional<AccessToken> shared = newer(replacing);
      if (shared.isPresent()) {
        return new TokenGrant(shared.get(), null);
      }
      List<Long> lock = call(() -> LOCK.run(redis.commands(), ScriptOutputType.MULTI, new String[] {lockKey, fenceKey},
          Long.toString(clock.millis()), Long.toString(lease.toMillis()), owner,
          Long.toString(lease.toMillis() + Duration.ofMinutes(10).toMillis())));
      if (lock.get(0) == 1) {
        return refreshHolding(lock.get(2), replacing, refresh);
      }
      if (slept >= maxWait.toMillis()) {
        throw new AuthenticationException("No access token within " + maxWait.toMillis() + " ms: another instance"
            + " holds the refresh lock of token session " + name + " (fence " + lock.get(2) + ", lease until "
            + Instant.ofEpochMilli(lock.get(1)) + ") and has not published a token");
      }
      long pause = Math.max(1, Math.min(pollInterval.toMillis(), lock.get(1) - clock.millis()));
      try {
        sleeper.sleep(Duration.ofMillis(pause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AuthenticationException("Interrupted while waiting for another instance's token refresh");
      }
      slept += pause;
    }
  }

  private TokenGrant refreshHolding(long fence, Optional<AccessToken> replacing, Supplier<TokenGrant> refresh) {
    try {
      Optional<AccessToken> shared = newer(replacing);
      if (shared.isPresent()) {
        return new TokenGrant(shared.get(), null); // published between our look and our lock
      }
      TokenGrant grant = refresh.get();
      AccessToken access = grant.accessToken();
      String sealedRefresh = grant.refreshToken().map(r -> seal(REFRESH, r)).orElse("");
      String sealedAccess = seal(ACCESS, access.value());
      long published = call(() -> PUBLISH.run(redis.commands(), ScriptOutputType.INTEGER,
          new String[] {lockKey, tokenKey}, Long.toString(fence), sealedRefresh, sealedAccess,
          Long.toString(access.expiresAt().toEpochMilli()), String.join(" ", access.scopes())));
      if (published != 1) {
        throw new AuthenticationException("The refresh lock of token session " + name + " was lost during the token"
            + " request (its lease of " + lease.toMillis() + " ms ran out and a newer holder took over); the new tokens"
            + " were discarded. Make the lease longer than the token endpoint's call timeout");
      }
      return new TokenGrant(access, null);
    } finally {
      try {
        call(() -> RELEASE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {lockKey}, Long.toString(fence)));
      } catch (TransportException ignored) {
        // The lease runs out on its own.
      }
    }
  }

  /** The published access token when it is unexpired and not {@code replacing}. */
  private Optional<AccessToken> newer(Optional<AccessToken> replacing) {
    List<KeyValue<String, String>> fields = call(() -> redis.commands().hmget(tokenKey, ACCESS, "expiresAt", "scopes"));
    String sealed = fields.get(0).getValueOrElse(null);
    long expiresAt = UsageValues.parse(fields.get(1).getValueOrElse(null));
    if (sealed == null || expiresAt <= clock.millis()) {
      return Optional.empty();
    }
    AccessToken shared = new AccessToken(Secret.ofBytes(encryption.decrypt(context(ACCESS), sealed)),
        Instant.ofEpochMilli(expiresAt), scopes(fields.get(2).getValueOrElse("")));
    if (replacing.isPresent() && replacing.get().value().contentEquals(shared.value())) {
      return Optional.empty();
    }
    return Optional.of(shared);
  }

  /**
   * Rewrites every stored token that is under a previous key under the current one (after a key
   * rotation), never overwriting a token another instance stored meanwhile.
   *
   * @return how many values were rewritten
   */
  public int reencrypt() {
    int rewritten = 0;
    for (String field : new String[] {REFRESH, ACCESS}) {
      String stored = call(() -> redis.commands().hget(tokenKey, field));
      if (stored == null || TokenEncryption.keyIdOf(stored).equals(encryption.currentKeyId())) {
        continue;
      }
      byte[] plain = encryption.decrypt(context(field), stored);
      String fresh;
      try {
        fresh = encryption.encrypt(context(field), plain);
      } finally {
        Arrays.fill(plain, (byte) 0);
      }
      long swapped = call(() -> SWAP.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {tokenKey},
          field, stored, fresh));
      rewritten += (int) swapped;
    }
    return rewritten;
  }

  private String seal(String field, Secret secret) {
    byte[] plain = secret.bytes();
    try {
      return encryption.encrypt(context(field), plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  private String context(String field) {
    return tokenKey + "#" + field;
  }

  private static Set<String> scopes(String text) {
    Set<String> scopes = new LinkedHashSet<>();
    for (String s : text.trim().split(" +")) {
      if (!s.isEmpty()) {
        scopes.add(s);
      }
    }
    return scopes;
  }

  /** Runs one Redis step; an unreachable Redis fails closed with a {@link TransportException}. */
  private <T> T call(Supplier<T> step) {
    try {
      return outage.run(step);
    } catch (RedisException e) {
      outage.degradedCall();
      throw new TransportException("Redis for token session " + name + " is unreachable (" + e.getClass().getSimpleName()
          + "); no instance refreshes alone, as that could spend the refresh token twice. Current access tokens stay"
          + " in use until they expire", e);
    }
  }

  @Override
  public String toString() {
    return "RedisTokenSession{" + name + ", " + encryption + ", " + redis + "}";
  }

  /**
   * Builds a {@link RedisTokenSession}. Defaults: lease 30 s, poll every 50 ms, wait for another
   * instance's refresh at most 45 s (longer than the lease, so a crashed holder's lease runs out
   * within it), system clock, real sleeping.
   */
  public static final class Builder {
    private final RedisBackend redis;
    private final String name;
    private final TokenEncryption encryption;
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration lease = Duration.ofSeconds(30);
    private Duration pollInterval = Duration.ofMillis(50);
    private Duration maxWait = Duration.ofSeconds(45);
    private String owner = "pid-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private RedisHealthListener listener = RedisHealthListener.none();

    private Builder(RedisBackend redis, String name, TokenEncryption encryption) {
      this.redis = Objects.requireNonNull(redis, "redis");
      this.name = RedisBackend.requireName(name, "saxo-live");
      this.encryption = Objects.requireNonNull(encryption, "encryption");
    }

    /** The clock leases and expiry are judged by; the fleet's clocks must agree well within the lease. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How waiting instances pause between looks; tests pass one that advances a virtual clock. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** How long a refresh may hold the lock (default 30 s); longer than the token call's timeout. */
    public Builder lease(Duration lease) {
      this.lease = positive(lease, "lease");
      return this;
    }

    /** How often a waiting instance looks for the published token (default 50 ms). */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = positive(interval, "pollInterval");
      return this;
    }

    /** How long an instance waits for another's refresh (default 45 s); keep it above the lease. */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = positive(maxWait, "maxWait");
      return this;
    }

    /** The name this instance writes beside its lock, for operators (default pid and a random suffix). */
    public Builder owner(String owner) {
      if (owner == null || !owner.matches("[A-Za-z0-9_.:@-]{1,128}")) {
        throw new InvalidRequestException("owner", "owner: 1-128 of [A-Za-z0-9_.:@-], such as 'bot-3'");
      }
      this.owner = owner;
      return this;
    }

    /** Hears when Redis is lost and found again. */
    public Builder healthListener(RedisHealthListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the session. */
    public RedisTokenSession build() {
      return new RedisTokenSession(this);
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new InvalidRequestException(what, what + ": must be positive, was " + d);
      }
      return d;
    }
  }
}
