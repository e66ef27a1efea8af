package io.tickguard.core.throttle;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ErrorDetails;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.internal.RetryAfter;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.throttle.internal.LimitState;
import io.tickguard.core.throttle.internal.LimitTable;
import io.tickguard.core.throttle.internal.WaitLimit;
import io.tickguard.core.throttle.internal.PacedState;
import io.tickguard.core.throttle.internal.UsageReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The throttle of one JVM: several limit windows at once, all-or-nothing, FIFO per window, bounded
 * waits, corrected by what the server reports.
 *
 * <p>For each attempt, {@link #acquire} finds the earliest time at which every window the endpoint
 * counts against has room for it, and no earlier than the last grant of each of those windows (so
 * waiters are served in arrival order). If that time is further away than {@code maxWait}, or too
 * many callers are already waiting, it fails at once with a client-side {@link
 * RateLimitedException} naming the window and the wait; nothing is taken. Otherwise the permits are
 * counted at once, in every window, and the caller parks until its time comes. The lock is held only
 * to compute and record the grant, never while parking.
 *
 * <p>{@link #onResponse} feeds the server's view back: usage headers raise local counts, a 429
 * pauses every call of this throttle until {@code Retry-After} has passed, and a 418 (IP ban) makes
 * every call fail fast with {@code banned() == true} until the ban ends.
 *
 * <pre>{@code
 * Throttle throttle = InProcessThrottle.builder(BinanceLimits.spot())
 *     .clock(serverCorrectedClock)
 *     .maxWait(Duration.ofSeconds(2))
 *     .build();
 * }</pre>
 *
 * <p>One instance guards one budget: share it between clients of the same provider account or IP,
 * and give clients of different providers their own.
 */
public final class InProcessThrottle implements ReservingThrottle {
  private static final Logger LOG = LoggerFactory.getLogger(InProcessThrottle.class);

  /** The window name used when a server-ordered pause (HTTP 429) blocks a call. */
  public static final String SERVER_PAUSE = "server-429-pause";
  /** The window name used when a server-ordered ban (HTTP 418) blocks a call. */
  public static final String SERVER_BAN = "server-418-ban";

  private final String name;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration maxWait;
  private final int maxWaiters;
  private final Duration pauseWithoutRetryAfter;
  private final Duration banWithoutRetryAfter;
  private final LimitTable<LimitState> table;
  private final UsageReader usageReader;

  private final Object lock = new Object();
  private long pausedUntil = Long.MIN_VALUE;
  private long bannedUntil = Long.MIN_VALUE;
  private int waiters;

  private InProcessThrottle(Builder b) {
    this.name = b.name;
    this.clock = b.clock;
    this.sleeper = b.sleeper;
    this.maxWait = b.maxWait;
    this.maxWaiters = b.maxWaiters;
    this.pauseWithoutRetryAfter = b.pauseWithoutRetryAfter;
    this.banWithoutRetryAfter = b.banWithoutRetryAfter;
    this.table = new LimitTable<>(name, b.limits, limit -> {
      LimitState window = LimitState.of(limit, b.edgeGuard.toMillis());
      return b.mode == ThrottleMode.PACED && ThrottleMode.paces(limit) ? new PacedState(window) : window;
    }, LimitState::limit);
    Map<String, LimitState> byId = table.byId();
    for (UsageHeader h : b.usageHeaders) {
      if (h.perGroup() ? byId.keySet().stream().noneMatch(id -> id.endsWith(h.limitId())) : !byId.containsKey(h.limitId())) {
        throw new InvalidRequestException("usageHeader", 
            "Usage header " + h.header() + " maps to unknown limit " + h.limitId() + "; known: " + byId.keySet());
      }
    }
    this.usageReader = new UsageReader(b.usageHeaders);
  }

  /**
   * Starts a throttle with {@code preset}'s limits and usage headers, in the preset's default mode
   * ({@link ThrottleMode#defaultFor}: paced when it has a per-minute budget); {@link Builder#mode}
   * chooses another.
   */
  public static Builder builder(LimitPreset preset) {
    Builder b = new Builder(preset.name());
    b.mode = ThrottleMode.defaultFor(preset);
    preset.limits().forEach(b::limit);
    preset.usageHeaders().forEach(b::usageHeader);
    return b;
  }

  /** Starts a throttle named {@code name} (for logs); add limits with {@link Builder#limit}. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  @Override
  public Permit reserve(ApiRequest request, Duration timeLeft) {
    return take(request, table.forRequest(request), timeLeft);
  }

  /**
   * Charges {@code permit}'s request again when it can no longer be sent in the windows it was
   * charged to: every fixed window of the request is charged at the earliest time from now, under
   * the same bounds as a first grant. The first charge stays counted (the server may not have seen
   * it, but handing it back could only let a window overfill).
   */
  @Override
  public Permit beforeSend(ApiRequest request, Permit permit, Duration timeLeft) {
    return table.recharge(request, permit, clock.millis(), timeLeft, this::take);
  }

  private Permit take(ApiRequest request, List<LimitState> states, Duration timeLeft) {
    int weight = request.weight();
    WaitLimit limit = WaitLimit.of(maxWait, timeLeft);
    long bound = limit.millis();
    long start = clock.millis();
    long grantAt;
    long grantedNow;
    long sendBy = Long.MAX_VALUE;
    synchronized (lock) {
      long now = clock.millis();
      grantedNow = now;
      failIfBanned(now);
      // Indexed: the windows are an unmodifiable random-access list, and this runs on every call.
      for (int i = 0; i < states.size(); i++) {
        states.get(i).prune(now);
      }
      long at = Math.max(now, pausedUntil);
      String blocking = pausedUntil > now ? SERVER_PAUSE : null;
      boolean moved = true;
      while (moved) {
        moved = false;
        for (int i = 0; i < states.size(); i++) {
          LimitState s = states.get(i);
          long t = s.earliestAt(at, s.limit().cost(weight));
          if (t > at) {
            at = t;
            blocking = s.limit().id();
            moved = true;
          }
        }
      }
      long wait = at - now;
      if (wait > bound) {
        throw limit.refusal(blocking, wait);
      }
      if (wait > 0 && waiters >= maxWaiters) {
        throw new RateLimitedException(
            "Client-side throttle " + name + " already has " + waiters + " callers waiting (maxWaiters);"
                + " retry in " + wait + " ms or raise maxWaiters",
            ErrorDetails.none(), blocking, Duration.ofMillis(wait), true, false);
      }
      for (int i = 0; i < states.size(); i++) {
        LimitState s = states.get(i);
        s.take(at, s.limit().cost(weight));
        sendBy = Math.min(sendBy, s.sendBy(at));
      }
      grantAt = at;
      if (wait > 0) {
        waiters++;
      }
    }
    if (grantAt <= grantedNow) {
      // Granted at once: the ban and pause were checked under the lock at this same instant, so
      // there is nothing to wait for and no second look under the lock to take.
      return Permit.of(Duration.ofMillis(Math.max(0, clock.millis() - start)), grantAt, sendBy);
    }
    try {
      park(grantAt, start, limit);
    } finally {
      if (grantAt > start) {
        synchronized (lock) {
          waiters--;
        }
      }
    }
    return Permit.of(Duration.ofMillis(Math.max(0, clock.millis() - start)), grantAt, sendBy);
  }

  /** Parks until {@code grantAt}, then until any server pause that began meanwhile has passed. */
  private void park(long grantAt, long start, WaitLimit limit) {
    long bound = limit.millis();
    long until = grantAt;
    long deadline = start + bound;
    long realStart = System.nanoTime();
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
        if (now < until && System.nanoTime() - realStart > TimeUnit.MILLISECONDS.toNanos(bound)) {
          // The clock did not reach the end of the wait (a frozen or stepped-back clock): the wait is
          // still bounded, in real time, by the same bound.
          boolean serverPause;
          synchronized (lock) {
            serverPause = pausedUntil > now;
          }
          throw limit.refusal(serverPause ? SERVER_PAUSE : name, until - now);
        }
      }
      synchronized (lock) {
        failIfBanned(now);
        if (pausedUntil <= now) {
          return;
        }
        if (pausedUntil > deadline) {
          throw limit.refusal(SERVER_PAUSE, pausedUntil - now);
        }
        until = pausedUntil;
      }
    }
  }

  private void failIfBanned(long now) {
    if (bannedUntil > now) {
      throw LimitTable.banned("this client", SERVER_BAN, bannedUntil, now);
    }
  }

  @Override
  public void onResponse(ApiRequest request, Response response) {
    int code = response.code();
    if (code != 429 && code != 418 && !usageReader.reports(response)) {
      return; // nothing to learn: the common answer takes no lock
    }
    long now = clock.millis();
    synchronized (lock) {
      usageReader.read(response, request.endpoint().limits(), now, table.byId());
      if (code == 429) {
        Duration pause = retryAfter(response).orElse(pauseWithoutRetryAfter);
        pausedUntil = Math.max(pausedUntil, now + pause.toMillis());
        LOG.warn("Provider answered 429 to {} ({}); pausing every call of throttle {} for {} ms",
            request.endpoint().name(), request.endpoint().pathTemplate(), name, pause.toMillis());
      } else if (code == 418) {
        Duration ban = retryAfter(response).orElse(banWithoutRetryAfter);
        bannedUntil = Math.max(bannedUntil, now + ban.toMillis());
        LOG.error("Provider answered 418 (IP ban) to {}; every call of throttle {} fails fast until {}",
            request.endpoint().name(), name, Instant.ofEpochMilli(bannedUntil));
      }
    }
  }

  @Override
  public void onRateLimitInBody(ApiRequest request, RateLimitedException refusal) {
    long now = clock.millis();
    Duration pause = refusal.retryAfter().orElse(refusal.banned() ? banWithoutRetryAfter : pauseWithoutRetryAfter);
    synchronized (lock) {
      if (refusal.banned()) {
        bannedUntil = Math.max(bannedUntil, now + pause.toMillis());
      } else {
        pausedUntil = Math.max(pausedUntil, now + pause.toMillis());
      }
    }
    LOG.warn("Provider refused {} for rate limit '{}' inside a successful response; pausing every call of throttle {} for {} ms",
        request.endpoint().name(), refusal.window(), name, pause.toMillis());
  }

  private Optional<Duration> retryAfter(Response response) {
    return RetryAfter.parse(Optional.ofNullable(response.header("Retry-After")), response.headers(), clock);
  }

  @Override
  public String toString() {
    return "InProcessThrottle{" + name + ", " + table.byId().keySet() + "}";
  }

  /**
   * Builds an {@link InProcessThrottle}. Limits come only from a preset or from {@link #limit}; the
   * waiting behaviour has these defaults: {@code maxWait} 2 s, {@code maxWaiters} 256, {@code
   * edgeGuard} 100 ms, pause after a 429 without {@code Retry-After} 1 s, ban after a 418 without
   * {@code Retry-After} 2 min (Binance's shortest ban), system clock, real sleeping.
   */
  public static final class Builder {
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
    private ThrottleMode mode = ThrottleMode.BURST;

    private Builder(String name) {
      this.name = Objects.requireNonNull(name, "name");
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

    /** The clock windows align to: pass the server-corrected clock so windows match the provider's. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * {@link ThrottleMode#BURST} (a window's budget may go at once) or {@link ThrottleMode#PACED}
     * (spread evenly over the window). Default: the preset's ({@link ThrottleMode#defaultFor}), or
     * burst for a throttle built from {@link InProcessThrottle#builder(String)}.
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

    /** The most callers that may be waiting at once; more fail at once. */
    public Builder maxWaiters(int maxWaiters) {
      if (maxWaiters < 0) {
        throw new InvalidRequestException("maxWaiters", "maxWaiters must be >= 0");
      }
      this.maxWaiters = maxWaiters;
      return this;
    }

    /**
     * A request granted this close to the end of a fixed window is charged to the next window too,
     * because it may reach the server after the boundary. Set it above your latency plus clock error.
     */
    public Builder edgeGuard(Duration edgeGuard) {
      this.edgeGuard = nonNegative(edgeGuard, "edgeGuard");
      return this;
    }

    /** How long to pause after a 429 that carries no {@code Retry-After}. */
    public Builder pauseWithoutRetryAfter(Duration pause) {
      this.pauseWithoutRetryAfter = nonNegative(pause, "pauseWithoutRetryAfter");
      return this;
    }

    /** How long to fail fast after a 418 that carries no {@code Retry-After}. */
    public Builder banWithoutRetryAfter(Duration ban) {
      this.banWithoutRetryAfter = nonNegative(ban, "banWithoutRetryAfter");
      return this;
    }

    /** Builds the throttle; at least one limit is required (use {@link Throttle#unlimited()} otherwise). */
    public InProcessThrottle build() {
      if (limits.isEmpty()) {
        throw new InvalidRequestException("limits", 
            "Throttle " + name + " has no limits: add a preset or RateLimit, or use Throttle.unlimited()");
      }
      return new InProcessThrottle(this);
    }

    private static Duration nonNegative(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new InvalidRequestException(what, what + " must not be negative");
      }
      return d;
    }
  }
}
