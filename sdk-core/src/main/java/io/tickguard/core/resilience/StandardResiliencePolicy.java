package io.tickguard.core.resilience;

import io.tickguard.core.InvalidRequestException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.throttle.Sleeper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import okhttp3.Response;

/**
 * Retry, circuit breaker and bulkhead, configured explicitly.
 *
 * <p><b>Retry</b>: only {@link ApiRequest#retryable() retryable} requests (idempotent, or carrying
 * an idempotency key), only after 408, 429, 500, 502, 503, 504 or a transient connection failure;
 * never after another 4xx (401 and 403 are the auth stage's business). Delays are exponential with
 * full jitter ({@code random(0, min(maxDelay, baseDelay * 2^(n-1)))}), replaced by the server's
 * {@code Retry-After} when it sends one. Attempts, total time and a retry budget (about {@code
 * retryBudgetRatio} retries per call) bound the retries; a discarded response is closed. Each
 * attempt re-runs the throttle and authentication, so a retried signed request is signed again with
 * a fresh timestamp.
 *
 * <p><b>Outcome unknown</b>: a request that is not retryable and got a 5xx, or whose connection
 * failed after it may have been sent, ends with {@link io.tickguard.core.OutcomeUnknownException}.
 *
 * <p><b>Circuit breaker</b> per host (Resilience4j): attempts that fail (5xx, connection failures)
 * or are slow open it; while open, calls fail with {@link io.tickguard.core.CircuitOpenException}
 * and nothing is sent; after {@code waitInOpenState} a few probe calls decide whether it closes.
 * 429 and other 4xx are answers, not failures of the host.
 *
 * <p><b>Bulkhead</b> per client: at most {@code maxConcurrentCalls} calls at once (by default 64,
 * what the transport itself keeps in flight); a caller waits for a slot in arrival order until its
 * call's deadline (or {@code maxWaitForSlot}, when set, if sooner), then gets {@link
 * TooManyConcurrentCallsException}.
 *
 * <p>Resilience4j's Retry is not used: it sleeps with {@code Thread.sleep} (no virtual time in
 * tests), has no total-time bound and no retry budget, and retries every exception by default.
 *
 * <p>Use one policy for all clients of a provider so they share each host's breaker; every client
 * {@link #bind binds} it to its host once.
 */
public final class StandardResiliencePolicy implements ResiliencePolicy {
  /** The default bulkhead bound: the transport's own limit of requests in flight per client. */
  static final int DEFAULT_MAX_CONCURRENT_CALLS = 64;

  private final Settings settings;
  private final Map<String, HostBreaker> breakers = new ConcurrentHashMap<>();
  private final ResiliencePolicy unbound;

  private StandardResiliencePolicy(Settings settings) {
    this.settings = settings;
    this.unbound = bind("default", MetricsListener.none());
  }

  /** Starts a policy with the defaults listed on {@link Builder}. */
  public static Builder builder() {
    return new Builder();
  }

  /** Runs {@code attempt} with the breaker of host {@code "default"}; clients use {@link #bind}. */
  @Override
  public Response execute(ApiRequest request, Attempt attempt) throws IOException {
    return unbound.execute(request, attempt);
  }

  @Override
  public ResiliencePolicy bind(String host, MetricsListener metrics) {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(metrics, "metrics");
    HostBreaker breaker = breakers.computeIfAbsent(host, h -> new HostBreaker(h, settings));
    breaker.addListener(metrics);
    return new BoundPolicy(host, breaker, settings);
  }

  /** The state of {@code host}'s breaker ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, ...). */
  public String circuitState(String host) {
    HostBreaker b = breakers.get(host);
    return b == null ? CircuitBreaker.State.CLOSED.name() : b.breaker().getState().name();
  }

  /** The Resilience4j breaker of {@code host}, once a client bound to it (for tests of its wiring). */
  Optional<CircuitBreaker> breakerOf(String host) {
    return Optional.ofNullable(breakers.get(host)).map(HostBreaker::breaker);
  }

  /** The settings, immutable, shared by every binding. */
  record Settings(
      int maxAttempts,
      Duration baseDelay,
      Duration maxDelay,
      Duration maxTotalTime,
      double retryBudgetRatio,
      int retryBudgetCapacity,
      float failureRateThreshold,
      float slowCallRateThreshold,
      Duration slowCallDuration,
      int slidingWindowSize,
      int minimumNumberOfCalls,
      Duration waitInOpenState,
      int halfOpenCalls,
      int maxConcurrentCalls,
      Optional<Duration> maxWaitForSlot,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random) {

    CircuitBreakerConfig breakerConfig() {
      return CircuitBreakerConfig.custom()
          .failureRateThreshold(failureRateThreshold)
          .slowCallRateThreshold(slowCallRateThreshold)
          .slowCallDurationThreshold(slowCallDuration)
          // Lock-free: every call of every client of the host records its outcome here, and with the
          // synchronized window callers on a busy machine park behind a descheduled holder
          // (docs/performance.md, round 6b). Same counts, one small node allocated per outcome.
          .slidingWindow(slidingWindowSize, minimumNumberOfCalls, CircuitBreakerConfig.SlidingWindowType.COUNT_BASED,
              CircuitBreakerConfig.SlidingWindowSynchronizationStrategy.LOCK_FREE)
          .waitDurationInOpenState(waitInOpenState)
          .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
          // Probes decide; a half-open breaker never reopens by timer alone.
          .maxWaitDurationInHalfOpenState(Duration.ZERO)
          // Only attempts we report as failures count; we report them explicitly.
          .recordException(e -> true)
          .automaticTransitionFromOpenToHalfOpenEnabled(false)
          .writableStackTraceEnabled(false)
          .clock(clock)
          .build();
    }
  }

  /**
   * Builds a {@link StandardResiliencePolicy}. Defaults: 3 attempts; backoff base 200 ms, cap 2 s;
   * total time 10 s; retry budget 10% of calls with a reserve of 10 retries; breaker opens at 50%
   * failures or when all of them took longer than 60 s, over the last 20 attempts (after at least 10),
   * stays open 30 s, then lets 3 probes through; at most 64 concurrent calls per client (the transport's own
   * limit of requests in flight), a caller waiting for a slot until its call's deadline
   * ({@code callTimeout}); system clock and real sleeping.
   */
  public static final class Builder {
    private int maxAttempts = 3;
    private Duration baseDelay = Duration.ofMillis(200);
    private Duration maxDelay = Duration.ofSeconds(2);
    private Duration maxTotalTime = Duration.ofSeconds(10);
    private double retryBudgetRatio = 0.1;
    private int retryBudgetCapacity = 10;
    private float failureRateThreshold = 50;
    // Slowness alone opens the breaker only when every judged attempt took a minute (Resilience4j's
    // own default): on a busy client the time is often spent on this machine, not on the host.
    private float slowCallRateThreshold = 100;
    private Duration slowCallDuration = Duration.ofSeconds(60);
    private int slidingWindowSize = 20;
    private int minimumNumberOfCalls = 10;
    private Duration waitInOpenState = Duration.ofSeconds(30);
    private int halfOpenCalls = 3;
    private int maxConcurrentCalls = DEFAULT_MAX_CONCURRENT_CALLS;
    private Optional<Duration> maxWaitForSlot = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private DoubleSupplier random = () -> ThreadLocalRandom.current().nextDouble();

    private Builder() {}

    /** Attempts per call, the first included; 1 disables retries. */
    public Builder maxAttempts(int maxAttempts) {
      this.maxAttempts = atLeast(maxAttempts, 1, "maxAttempts");
      return this;
    }

    /** The exponential backoff's first step and its cap (before full jitter). */
    public Builder backoff(Duration base, Duration cap) {
      this.baseDelay = positive(base, "base");
      this.maxDelay = positive(cap, "cap");
      if (cap.compareTo(base) < 0) {
        throw new InvalidRequestException("cap", "backoff cap must be >= base");
      }
      return this;
    }

    /** No retry starts later than this after the call started (keep it under the call timeout). */
    public Builder maxTotalTime(Duration maxTotalTime) {
      this.maxTotalTime = positive(maxTotalTime, "maxTotalTime");
      return this;
    }

    /** Retries allowed per call on average ({@code ratio}), plus a reserve of {@code capacity}. */
    public Builder retryBudget(double ratio, int capacity) {
      if (!(ratio >= 0 && ratio <= 1)) {
        throw new InvalidRequestException("ratio", "retry budget ratio must be in [0, 1]");
      }
      this.retryBudgetRatio = ratio;
      this.retryBudgetCapacity = atLeast(capacity, 0, "capacity");
      return this;
    }

    /** The breaker opens when this percentage of the window's attempts failed. */
    public Builder failureRateThreshold(float percent) {
      this.failureRateThreshold = percentage(percent, "failureRateThreshold");
      return this;
    }

    /** The breaker opens when this percentage of the window's attempts took longer than {@code slow}. */
    public Builder slowCalls(float percent, Duration slow) {
      this.slowCallRateThreshold = percentage(percent, "slowCallRateThreshold");
      this.slowCallDuration = positive(slow, "slow");
      return this;
    }

    /** The breaker judges the last {@code size} attempts, once it has seen {@code minimumCalls}. */
    public Builder slidingWindow(int size, int minimumCalls) {
      this.slidingWindowSize = atLeast(size, 1, "size");
      this.minimumNumberOfCalls = atLeast(minimumCalls, 1, "minimumCalls");
      return this;
    }

    /** How long an open breaker refuses calls before letting {@code probes} through. */
    public Builder openState(Duration wait, int probes) {
      this.waitInOpenState = positive(wait, "wait");
      this.halfOpenCalls = atLeast(probes, 1, "probes");
      return this;
    }

    /**
     * At most {@code max} concurrent calls per client; a caller waits up to {@code maxWait} for a
     * slot, and never past its call's deadline ({@code callTimeout}). Without this setting a caller
     * waits until its deadline.
     */
    public Builder bulkhead(int max, Duration maxWait) {
      this.maxConcurrentCalls = atLeast(max, 1, "maxConcurrentCalls");
      Objects.requireNonNull(maxWait, "maxWait");
      if (maxWait.isNegative()) {
        throw new InvalidRequestException("maxWait", "maxWait must not be negative");
      }
      this.maxWaitForSlot = Optional.of(maxWait);
      return this;
    }

    /** The clock for total time, slow calls and the breaker's open state. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How backoff waits; tests pass one that advances a virtual clock. */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The jitter source, in [0, 1); tests fix it. */
    Builder random(DoubleSupplier random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /** Builds the policy. */
    public StandardResiliencePolicy build() {
      return new StandardResiliencePolicy(new Settings(maxAttempts, baseDelay, maxDelay, maxTotalTime,
          retryBudgetRatio, retryBudgetCapacity, failureRateThreshold, slowCallRateThreshold, slowCallDuration,
          slidingWindowSize, minimumNumberOfCalls, waitInOpenState, halfOpenCalls, maxConcurrentCalls,
          maxWaitForSlot, clock, sleeper, random));
    }

    private static int atLeast(int value, int min, String what) {
      if (value < min) {
        throw new InvalidRequestException(what, what + " must be >= " + min);
      }
      return value;
    }

    private static float percentage(float value, String what) {
      if (!(value > 0 && value <= 100)) {
        throw new InvalidRequestException(what, what + " must be in (0, 100]");
      }
      return value;
    }

    private static Duration positive(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative() || d.isZero()) {
        throw new InvalidRequestException(what, what + " must be positive");
      }
      return d;
    }
  }
}
