package io.tickguard.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.Permit;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.ReservingThrottle;
import io.tickguard.core.throttle.Sleeper;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.throttle.ThrottleMode;
import io.tickguard.core.throttle.UsageHeader;
import io.tickguard.core.throttle.internal.FixedWindows;
import io.tickguard.core.throttle.internal.LimitTable;
import io.tickguard.core.throttle.internal.WaitLimit;
import io.tickguard.redis.internal.LuaScript;
import io.tickguard.redis.internal.Outage;
import io.tickguard.redis.internal.ServerWait;
import io.tickguard.redis.internal.UsageValues;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core {@link Throttle} with its budget in Redis, so a fleet of JVMs behind one API key or IP
 * shares one provider limit. Same model as {@link InProcessThrottle}: every window an endpoint
 * counts against (fixed epoch-aligned windows with the edge guard, decaying counters; weights or
 * request counts), all or nothing, FIFO per window, bounded waits, the same presets.
 *
 * <p>Each {@link #acquire} runs one Lua script that reserves the permits in every window at the
 * earliest time all of them have room, atomically for the whole fleet (Redis runs one script at a
 * time), or reserves nothing when that time is beyond {@code maxWait}; the caller then parks
 * locally until its time. Server feedback is shared: a usage header seen by one instance raises the
 * count for all, a 429 (or a rate-limit refusal in a body) pauses all until {@code Retry-After}, a
 * 418 makes all fail fast until the ban ends.
 *
 * <p>In {@link ThrottleMode#PACED} (the default of presets with a large per-minute budget, as for
 * {@link InProcessThrottle}) each paced window also keeps in Redis the time its next permit is due,
 * so the fleet's grants are spaced {@code interval / limit} apart whichever instance takes them: the
 * same script reserves the next free slot, a caller parks until its slot, and a caller whose slot
 * lies beyond the shorter of {@code maxWait} and its call's deadline is refused with nothing
 * reserved. See docs/design/throttle-pacing.md.
 *
 * <p>Times come from the injected clock of each instance, so the fleet's clocks must agree to well
 * within the edge guard (NTP, or the same server-corrected clock); see docs/distributed.md.
 *
 * <pre>{@code
 * Throttle throttle = RedisThrottle.builder(backend, preset)
 *     .clock(serverCorrectedClock)
 *     .degradation(Degradation.fallbackToInProcess(0.25))
 *     .build();
 * }</pre>
 */
public final class RedisThrottle implements ReservingThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(RedisThrottle.class);
  private static final LuaScript ACQUIRE = LuaScript.load("acquire");
  private static final LuaScript OBSERVE = LuaScript.load("observe");
  private static final LuaScript SERVER = LuaScript.load("server");

  /** The window a fail-closed refusal names while Redis is unreachable. */
  public static final String REDIS_UNAVAILABLE = "redis-unavailable";

  private final String name;
  private final RedisBackend redis;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private final int maxWaiters;
  private final long edgeGuardMillis;
  private final Duration pauseWithoutRetryAfter;
  private final Duration banWithoutRetryAfter;
  private final Degradation degradation;
  private final ThrottleMode mode;
  private final InProcessThrottle fallback;
  private final Outage outage;
  private final Duration recheck;
  private final String serverKey;
  private final long ttlMillis;
  private final LimitTable<Limit> table;
  private final List<UsageHeader> usageHeaders;
  private final OfflineUsage offline = new OfflineUsage();
  private final AtomicInteger waiters = new AtomicInteger();

  /**
   * One limit window with its Redis key; {@code spacingMillis} is the time per permit of a paced
   * window ({@code interval / limit}), 0 when the window is not paced.
   */
  record Limit(RateLimit limit, String key, long guardMillis, double spacingMillis) {
    static Limit of(RateLimit limit, Builder b) {
      boolean fixed = limit.kind() == RateLimit.Kind.FIXED_WINDOW;
      return new Limit(limit, b.redis.key(b.name, "limit:" + limit.id()),
          fixed ? FixedWindows.guard(b.edgeGuard.toMillis(), limit.interval().toMillis()) : 0,
          b.mode == ThrottleMode.PACED && ThrottleMode.paces(limit) ? (double) limit.interval().toMillis() / limit.limit() : 0);
    }

    String param() {
      return limit.kind() == RateLimit.Kind.FIXED_WINDOW
          ? Long.toString(limit.interval().toMillis())
          : Double.toString(limit.decayPerSecond() / 1000.0);
    }

    String kind() {
      return limit.kind() == RateLimit.Kind.FIXED_WINDOW ? "0" : "1";
    }

    boolean fixed() {
      return limit.kind() == RateLimit.Kind.FIXED_WINDOW;
    }

    /** Before when a permit granted at {@code at} must be sent; see {@link FixedWindows#sendBy}. */
    long sendBy(long at) {
      return fixed() ? FixedWindows.sendBy(at, limit.interval().toMillis(), guardMillis) : Long.MAX_VALUE;
    }
  }

  private RedisThrottle(Builder b) {
    this.name = b.name;
    this.table = new LimitTable<>(name, b.limits, limit -> Limit.of(limit, b), Limit::limit);
    this.redis = b.redis;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.maxWait = b.maxWait;
    this.maxWaiters = b.maxWaiters;
    this.edgeGuardMillis = b.edgeGuard.toMillis();
    this.pauseWithoutRetryAfter = b.pauseWithoutRetryAfter;
    this.banWithoutRetryAfter = b.banWithoutRetryAfter;
    this.degradation = b.degradation;
    this.serverKey = redis.key(name, "server");
    this.recheck = b.recheckInterval;
    this.mode = b.mode;
    long longest = 0;
    for (RateLimit limit : b.limits) {
      long span = limit.kind() == RateLimit.Kind.FIXED_WINDOW
          ? limit.interval().toMillis()
          : (long) Math.ceil(limit.limit() / limit.decayPerSecond() * 1000);
      longest = Math.max(longest, span);
    }
    for (UsageHeader h : b.usageHeaders) {
      if (!table.byId().containsKey(h.limitId())) {
        throw new InvalidRequestException("usageHeader",
            "Usage header " + h.header() + " maps to unknown limit " + h.limitId() + "; known: " + table.byId().keySet());
      }
    }
    this.usageHeaders = List.copyOf(b.usageHeaders);
    // Keys only need to outlive the longest window plus any reservation: Redis forgets idle budgets.
    this.ttlMillis = Math.max(60_000, 2 * longest + maxWait.toMillis() + banWithoutRetryAfter.toMillis());
    this.fallback = degradation.failsClosed() ? null : fallbackThrottle(b);
    this.outage = RedisBackend.outage("throttle " + name, clock, b.recheckInterval, b.listener);
  }

  /**
   * Starts a throttle with {@code preset}'s limits and usage headers, in the preset's default mode
   * ({@link ThrottleMode#defaultFor}, as {@link InProcessThrottle#builder(LimitPreset)}); its name
   * tags its Redis keys.
   */
  public static Builder builder(RedisBackend redis, LimitPreset preset) {
    Builder b = new Builder(redis, preset.name());
    b.mode = ThrottleMode.defaultFor(preset);
    preset.limits().forEach(b::limit);
    preset.usageHeaders().forEach(b::usageHeader);
    return b;
  }

  /** Starts a throttle named {@code name} (its Redis keys and logs); add limits with {@link Builder#limit}. */
  public static Builder builder(RedisBackend redis, String name) {
    return new Builder(redis, name);
  }

  /** Whether Redis was unreachable at the last attempt (calls are then refused or served by the fallback). */
  public boolean degraded() {
    return outage.down();
  }

  @Override
  public Permit reserve(ApiRequest request, Duration timeLeft) {
    return take(request, table.forRequest(request), timeLeft);
  }

  /**
   * Charges {@code permit}'s request again, fleet-wide, when it can no longer be sent in the windows
   * it was charged to (see {@link InProcessThrottle#beforeSend}): every fixed window of the request,
   * at the earliest time from now, under the same bounds and pacing as a first grant.
   */
  @Override
  public Permit beforeSend(ApiRequest request, Permit permit, Duration timeLeft) {
    return table.recharge(request, permit, clock.millis(), timeLeft, this::take);
  }

  private Permit take(ApiRequest request, List<Limit> limits, Duration timeLeft) {
    WaitLimit limit = WaitLimit.of(maxWait, timeLeft);
    long bound = limit.millis();
    long start = clock.millis();
    if (!outage.shouldTry()) {
      return degraded(request, limits, timeLeft);
    }
    List<Long> reply;
    long now;
    boolean mayWait = waiters.get() < maxWaiters;
    try {
      now = clock.millis();
      reply = outage.run(() -> {
        offline.flush(this);
        return ACQUIRE.run(redis.commands(), ScriptOutputType.MULTI, keys(limits), args(limits, request.weight(), now,
            mayWait ? bound : 0));
      });
    } catch (RedisException e) {
      return degraded(request, limits, timeLeft);
    }
    long status = reply.get(0);
    long at = reply.get(1);
    int blocking = (int) (long) reply.get(2);
    if (status == 2) {
      throw LimitTable.banned("this fleet", InProcessThrottle.SERVER_BAN, at, now);
    }
    if (status == 1) {
      String window = blocking == 0 ? InProcessThrottle.SERVER_PAUSE : limits.get(blocking - 1).limit().id();
      Duration wait = Duration.ofMillis(at - now);
      if (!mayWait && wait.toMillis() <= bound) {
        throw new RateLimitedException(
            "Client-side throttle " + name + " already has " + waiters.get() + " callers waiting in this process"
                + " (maxWaiters); retry in " + wait.toMillis() + " ms or raise maxWaiters",
            ErrorDetails.none(), window, wait, true, false);
      }
      throw limit.refusal(window, wait.toMillis());
    }
    if (at > now) {
      waiters.incrementAndGet();
      try {
        park(at, start, limit);
      } finally {
        waiters.decrementAndGet();
      }
    }
    long sendBy = Long.MAX_VALUE;
    for (Limit l : limits) {
      sendBy = Math.min(sendBy, l.sendBy(at));
    }
    return Permit.of(Duration.ofMillis(Math.max(0, clock.millis() - start)), at, sendBy);
  }

  /** Parks until {@code grantAt}, then until any fleet-wide pause that began meanwhile has passed. */
  private void park(long grantAt, long start, WaitLimit limit) {
    long bound = limit.millis();
    long until = grantAt;
    long deadline = start + bound;
    while (true) {
      long now = clock.millis();
      if (until > now) {
        try {
          sleeper.sleep(Duration.ofMillis(until - now));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new TickGuardException("Interrupted while waiting for rate-limit permits of " + name, e);
        }
        now = clock.millis();
      }
      List<String> state;
      try {
        state = outage.run(() -> redis.commands().hmget(serverKey, "paused", "banned")).stream()
            .map(kv -> kv.getValueOrElse(null)).toList();
      } catch (RedisException e) {
        return; // the permits were reserved before Redis went away: the call may go
      }
      long banned = UsageValues.parse(state.get(1));
      if (banned > now) {
        throw LimitTable.banned("this fleet", InProcessThrottle.SERVER_BAN, banned, now);
      }
      long paused = UsageValues.parse(state.get(0));
      if (paused <= now) {
        return;
      }
      if (paused > deadline) {
        throw limit.refusal(InProcessThrottle.SERVER_PAUSE, paused - now);
      }
      until = paused;
    }
  }

  private Permit degraded(ApiRequest request, List<Limit> limits, Duration timeLeft) {
    outage.degradedCall();
    if (fallback == null) {
      throw new RateLimitedException(
          "Redis for throttle " + name + " is unreachable and the degradation policy is fail-closed: nothing was"
              + " sent. Calls resume once Redis answers; choose Degradation.fallbackToInProcess(share) to keep"
              + " calling with a share of the limit meanwhile",
          ErrorDetails.none(), REDIS_UNAVAILABLE, recheck, true, false);
    }
    Permit permit = fallback.reserve(request, timeLeft);
    offline.record(limits, request.weight(), clock.millis());
    return permit;
  }

  private String[] keys(List<Limit> limits) {
    String[] keys = new String[limits.size() + 1];
    keys[0] = serverKey;
    for (int i = 0; i < limits.size(); i++) {
      keys[i + 1] = limits.get(i).key();
    }
    return keys;
  }

  private String[] args(List<Limit> limits, int weight, long now, long bound) {
    String[] args = new String[5 + 5 * limits.size()];
    args[0] = Long.toString(now);
    args[1] = Long.toString(bound);
    args[2] = Long.toString(edgeGuardMillis);
    args[3] = Long.toString(ttlMillis);
    args[4] = Integer.toString(limits.size());
    for (int i = 0; i < limits.size(); i++) {
      Limit l = limits.get(i);
      int b = 5 + 5 * i;
      args[b] = l.kind();
      args[b + 1] = Long.toString(l.limit().limit());
      args[b + 2] = l.param();
      args[b + 3] = Long.toString(l.limit().cost(weight));
      args[b + 4] = Double.toString(l.spacingMillis());
    }
    return args;
  }

  @Override
  public void onResponse(ApiRequest request, Response response) {
    if (fallback != null) {
      fallback.onResponse(request, response);
    }
    long now = clock.millis();
    int code = response.code();
    try {
      for (UsageHeader h : usageHeaders) {
        long value = UsageValues.parse(response.header(h.header()));
        if (value < 0) {
          continue;
        }
        Limit l = table.byId().get(h.limitId());
        if (h.meaning() == UsageHeader.Meaning.USED) {
          observe(l, "used", now, value);
        } else {
          long reset = value == 0 ? h.resetHeader().map(r -> UsageValues.parse(response.header(r))).orElse(-1L) : -1;
          if (reset >= 0) {
            observe(l, "block", now, UsageValues.resetAt(reset, now));
          } else {
            observe(l, "used", now, Math.max(0, l.limit().limit() - value));
          }
        }
      }
      if (code == 429) {
        Duration pause = retryAfter(response).orElse(pauseWithoutRetryAfter);
        serverOrder("paused", now + pause.toMillis());
        LOG.warn("Provider answered 429 to {} ({}); pausing every call of fleet throttle {} for {} ms",
            request.endpoint().name(), request.endpoint().pathTemplate(), name, pause.toMillis());
      } else if (code == 418) {
        Duration ban = retryAfter(response).orElse(banWithoutRetryAfter);
        serverOrder("banned", now + ban.toMillis());
        LOG.error("Provider answered 418 (IP ban) to {}; every call of fleet throttle {} fails fast until {}",
            request.endpoint().name(), name, Instant.ofEpochMilli(now + ban.toMillis()));
      }
      outage.succeeded();
    } catch (RedisException e) {
      outage.failed(e);
    }
  }

  @Override
  public void onRateLimitInBody(ApiRequest request, RateLimitedException refusal) {
    if (fallback != null) {
      fallback.onRateLimitInBody(request, refusal);
    }
    long now = clock.millis();
    Duration pause = refusal.retryAfter().orElse(refusal.banned() ? banWithoutRetryAfter : pauseWithoutRetryAfter);
    try {
      serverOrder(refusal.banned() ? "banned" : "paused", now + pause.toMillis());
      outage.succeeded();
    } catch (RedisException e) {
      outage.failed(e);
    }
    LOG.warn("Provider refused {} for rate limit '{}' inside a successful response; pausing every call of fleet"
        + " throttle {} for {} ms", request.endpoint().name(), refusal.window(), name, pause.toMillis());
  }

  private void serverOrder(String field, long until) {
    SERVER.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {serverKey},
        field, Long.toString(until), Long.toString(ttlMillis));
  }

  void observe(Limit l, String mode, long now, long value) {
    OBSERVE.run(redis.commands(), ScriptOutputType.INTEGER, new String[] {l.key()},
        mode, Long.toString(now), l.kind(), l.param(), Long.toString(value), Long.toString(ttlMillis));
  }

  private Optional<Duration> retryAfter(Response response) {
    return ServerWait.of(response, clock.millis());
  }

  private static InProcessThrottle fallbackThrottle(Builder b) {
    InProcessThrottle.Builder f = InProcessThrottle.builder(b.name + "-fallback")
        .clock(b.clock).sleeper(b.sleeper).mode(b.mode).maxWait(b.maxWait).maxWaiters(b.maxWaiters).edgeGuard(b.edgeGuard)
        .pauseWithoutRetryAfter(b.pauseWithoutRetryAfter).banWithoutRetryAfter(b.banWithoutRetryAfter);
    for (RateLimit limit : b.limits) {
      f.limit(share(limit, b.degradation.share()));
    }
    return f.build();
  }

  /** {@code limit} cut to {@code share} (never below 1), with the same group, kind and flags. */
  static RateLimit share(RateLimit limit, double share) {
    long max = Math.max(1, (long) Math.floor(limit.limit() * share));
    RateLimit cut = limit.kind() == RateLimit.Kind.FIXED_WINDOW
        ? RateLimit.fixedWindow(limit.group(), max, limit.interval())
        : RateLimit.decayingCounter(limit.group(), max, limit.decayPerSecond() * share);
    if (!limit.chargesWeight()) {
      cut = cut.countingRequests();
    }
    return limit.appliesToEveryRequest() ? cut.forEveryRequest() : cut;
  }

  @Override
  public String toString() {
    return "RedisThrottle{" + name + ", " + mode + ", " + table.byId().keySet() + ", " + redis + "}";
  }

  /**
   * What this instance granted through its fallback while Redis was unreachable, per limit and
   * window; added to the shared counts when Redis answers again, so the fleet's budget for the
   * current window includes it.
   */
  private static final class OfflineUsage {
    private final Map<String, long[]> byLimit = new LinkedHashMap<>(); // id -> {window index, amount}

    synchronized void record(List<Limit> limits, int weight, long at) {
      for (Limit l : limits) {
        long index = l.fixed() ? FixedWindows.index(at, l.limit().interval().toMillis()) : 0;
        long[] entry = byLimit.computeIfAbsent(l.limit().id(), id -> new long[] {index, 0});
        if (entry[0] != index) {
          entry[0] = index;
          entry[1] = 0;
        }
        entry[1] += l.limit().cost(weight);
      }
    }

    void flush(RedisThrottle throttle) {
      Map<String, long[]> pending;
      synchronized (this) {
        if (byLimit.isEmpty()) {
          return;
        }
        pending = new LinkedHashMap<>(byLimit);
        byLimit.clear();
      }
      long now = throttle.clock.millis();
      try {
        for (Map.Entry<String, long[]> e : pending.entrySet()) {
          Limit l = throttle.table.byId().get(e.getKey());
          boolean current = !l.fixed() || e.getValue()[0] == FixedWindows.index(now, l.limit().interval().toMillis());
          if (current) {
            throttle.observe(l, "add", now, e.getValue()[1]);
          }
        }
      } catch (RedisException failed) {
        synchronized (this) {
          pending.forEach(byLimit::putIfAbsent);
        }
        throw failed;
      }
    }
  }

  /**
   * Builds a {@link RedisThrottle}. Same defaults as {@link InProcessThrottle.Builder}: {@code
   * maxWait} 2 s, {@code maxWaiters} 256 (per process), {@code edgeGuard} 100 ms, pause after a 429
   * without {@code Retry-After} 1 s, ban after a 418 without it 2 min; plus {@link
   * Degradation#failClosed()} and a Redis recheck every second while it is unreachable.
   */
  public static final class Builder {
    private final RedisBackend redis;
    private final String name;
    private final List<RateLimit> limits = new ArrayList<>();
    private final List<UsageHeader> usageHeaders = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Duration maxWait = Duration.ofSeconds(2);
    private int maxWaiters = 256;
    private Duration edgeGuard = Duration.ofMillis(100);
    private Duration pauseWithoutRetryAfter = Duration.ofSeconds(1);
    private Duration banWithoutRetryAfter = Duration.ofMinutes(2);
    private Degradation degradation = Degradation.failClosed();
    private ThrottleMode mode = ThrottleMode.BURST;
    private Duration recheckInterval = Duration.ofSeconds(1);
    private RedisHealthListener listener = RedisHealthListener.none();

    private Builder(RedisBackend redis, String name) {
      this.redis = Objects.requireNonNull(redis, "redis");
      this.name = RedisBackend.requireName(name, "binance-spot");
    }

    /** Adds a limit window. */
    public Builder limit(RateLimit limit) {
      limits.add(Objects.requireNonNull(limit, "limit"));
      return this;
    }

    /** Adds a header that reports usage of one of the limits. */
    public Builder usageHeader(UsageHeader header) {
      usageHeaders.add(Objects.requireNonNull(header, "header"));
      return this;
    }

    /** The clock windows align to; every instance of the fleet must use an agreeing clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * {@link ThrottleMode#BURST} (a window's budget may go at once) or {@link ThrottleMode#PACED}
     * (spread evenly over the window for the whole fleet: every instance sharing the key takes the
     * next free slot of each paced window in Redis). Default: the preset's ({@link
     * ThrottleMode#defaultFor}), or burst for a throttle built from {@link
     * RedisThrottle#builder(RedisBackend, String)}. The in-process fallback while Redis is
     * unreachable uses the same mode.
     */
    public Builder mode(ThrottleMode mode) {
      this.mode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** How callers park; tests pass one that advances a virtual clock. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The longest a caller may wait for permits; a caller that would wait longer fails at once. */
    public Builder maxWait(Duration maxWait) {
      this.maxWait = nonNegative(maxWait, "maxWait");
      return this;
    }

    /** The most callers of this process that may be waiting at once; more fail at once. */
    public Builder maxWaiters(int maxWaiters) {
      if (maxWaiters < 0) {
        throw new InvalidRequestException("maxWaiters", "maxWaiters: must be >= 0");
      }
      this.maxWaiters = maxWaiters;
      return this;
    }

    /** See {@link InProcessThrottle.Builder#edgeGuard}; set it above latency plus the fleet's clock error. */
    public Builder edgeGuard(Duration edgeGuard) {
      this.edgeGuard = nonNegative(edgeGuard, "edgeGuard");
      return this;
    }

    /** How long to pause the fleet after a 429 that carries no {@code Retry-After}. */
    public Builder pauseWithoutRetryAfter(Duration pause) {
      this.pauseWithoutRetryAfter = nonNegative(pause, "pauseWithoutRetryAfter");
      return this;
    }

    /** How long the fleet fails fast after a 418 that carries no {@code Retry-After}. */
    public Builder banWithoutRetryAfter(Duration ban) {
      this.banWithoutRetryAfter = nonNegative(ban, "banWithoutRetryAfter");
      return this;
    }

    /** What to do while Redis is unreachable (default {@link Degradation#failClosed()}). */
    public Builder degradation(Degradation degradation) {
      this.degradation = Objects.requireNonNull(degradation, "degradation");
      return this;
    }

    /** How often to try Redis again while it is unreachable (default 1 s, on the throttle's clock). */
    public Builder recheckInterval(Duration interval) {
      this.recheckInterval = nonNegative(interval, "recheckInterval");
      return this;
    }

    /** Hears outages, recoveries and degraded calls (for a metric). */
    public Builder healthListener(RedisHealthListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Builds the throttle; at least one limit is required. */
    public RedisThrottle build() {
      if (limits.isEmpty()) {
        throw new InvalidRequestException(
            "limits", "Throttle " + name + " has no limits: add a preset or RateLimit, or use Throttle.unlimited()");
      }
      return new RedisThrottle(this);
    }

    private static Duration nonNegative(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new InvalidRequestException(what, what + ": must not be negative");
      }
      return d;
    }
  }
}
