package io.tickguard.core.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.CircuitOpenException;
import io.tickguard.core.internal.RetryAfter;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.resilience.internal.Failures;
import io.tickguard.core.resilience.internal.RetryBudget;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link StandardResiliencePolicy} bound to one client: its host's breaker, its own bulkhead. */
final class BoundPolicy implements ResiliencePolicy {
  private static final Logger LOG = LoggerFactory.getLogger(BoundPolicy.class);

  private final String host;
  private final HostBreaker hostBreaker;
  private final CircuitBreaker breaker;
  private final Semaphore bulkhead;
  private final StandardResiliencePolicy.Settings s;
  private final RetryBudget budget;

  BoundPolicy(String host, HostBreaker hostBreaker, StandardResiliencePolicy.Settings settings) {
    this.host = host;
    this.hostBreaker = hostBreaker;
    this.breaker = hostBreaker.breaker();
    this.s = settings;
    this.budget = new RetryBudget(settings.retryBudgetRatio(), settings.retryBudgetCapacity());
    // Fair: callers get slots in arrival order, as the throttle serves permits.
    this.bulkhead = new Semaphore(settings.maxConcurrentCalls(), true);
  }

  /** Already bound: keeps its host, breaker and bulkhead (a user may pass a bound policy to a client). */
  @Override
  public ResiliencePolicy bind(String otherHost, io.tickguard.core.observe.MetricsListener metrics) {
    return this;
  }

  @Override
  public Response execute(ApiRequest request, Attempt attempt) throws IOException {
    acquireSlot(attempt);
    try {
      return attempts(request, attempt);
    } finally {
      bulkhead.release();
    }
  }

  /**
   * Waits for a bulkhead slot, never past the call's deadline ({@code callTimeout} bounds the whole
   * call, this wait included) nor past {@code maxWaitForSlot} when one was set.
   */
  private void acquireSlot(Attempt attempt) throws IOException {
    Optional<Duration> left = attempt.timeLeft();
    Duration wait = s.maxWaitForSlot().orElse(null);
    if (left.isPresent() && (wait == null || left.get().compareTo(wait) < 0)) {
      wait = left.get();
    }
    try {
      boolean got = wait == null ? acquireUninterruptiblyBounded() : bulkhead.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
      if (!got) {
        throw new TooManyConcurrentCallsException(s.maxConcurrentCalls(), wait);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("Interrupted while waiting for a bulkhead slot");
    }
  }

  /** A call without a deadline (a policy used outside a client) waits until a slot frees. */
  private boolean acquireUninterruptiblyBounded() throws InterruptedException {
    bulkhead.acquire();
    return true;
  }

  private Response attempts(ApiRequest request, Attempt attempt) throws IOException {
    long deadline = s.clock().millis() + s.maxTotalTime().toMillis();
    budget.onCall();
    for (int n = 1; ; n++) {
      boolean permitted = breaker.tryAcquirePermission();
      hostBreaker.noteState(); // an open breaker whose wait is over turns half-open here
      if (!permitted) {
        throw new CircuitOpenException(host, hostBreaker.untilProbe(s.clock().millis()));
      }
      long started = s.clock().millis();
      Response response;
      try {
        response = attempt.run(n);
      } catch (IOException e) {
        breaker.onError(hostTime(started, attempt), TimeUnit.MILLISECONDS, e);
        hostBreaker.noteState();
        if (!request.retryable()) {
          throw e; // the Resilience stage tells a write that may have been sent from one that was not
        }
        Duration delay = backoff(n);
        if (!Failures.retryable(e) || !mayRetry(request, n, delay, deadline, attempt)) {
          throw e;
        }
        LOG.debug("Attempt {} of {} failed ({}); retrying", n, request.endpoint().name(), e.getClass().getSimpleName());
        sleep(delay);
        continue;
      } catch (RuntimeException | Error e) {
        // Refused before sending (throttle, auth, guard): not the host's fault.
        breaker.releasePermission();
        throw e;
      }
      int code = response.code();
      long took = hostTime(started, attempt);
      if (code >= 500) {
        breaker.onError(took, TimeUnit.MILLISECONDS, new ServerError(code));
      } else if (!hostBreaker.successChangesNothing(took)) {
        breaker.onSuccess(took, TimeUnit.MILLISECONDS);
      }
      hostBreaker.noteState();
      if (!Failures.retryableStatus(code)) {
        return response;
      }
      if (!request.retryable()) {
        return response; // a 5xx to a write becomes OutcomeUnknownException in the Resilience stage
      }
      Optional<Duration> serverDelay = RetryAfter.parse(
          Optional.ofNullable(response.header("Retry-After")), response.headers(), s.clock());
      Duration delay = serverDelay.isPresent() ? serverDelay.get() : backoff(n);
      if (!mayRetry(request, n, delay, deadline, attempt)) {
        return response;
      }
      response.close();
      LOG.debug("Attempt {} of {} got HTTP {}; retrying in {} ms", n, request.endpoint().name(), code, delay.toMillis());
      sleep(delay);
    }
  }

  private boolean mayRetry(ApiRequest request, int attemptsMade, Duration delay, long deadline, Attempt attempt) {
    if (attemptsMade >= s.maxAttempts()) {
      return false;
    }
    Optional<Duration> left = attempt.timeLeft();
    if (left.isPresent() && delay.compareTo(left.get()) >= 0) {
      // The call's deadline would cancel it during the wait: answer now with what the server said.
      LOG.debug("Not retrying {}: waiting {} ms would pass the call timeout", request.endpoint().name(), delay.toMillis());
      return false;
    }
    if (breaker.getState() == CircuitBreaker.State.OPEN) {
      // The failure just opened the breaker: the caller gets the server's own answer, not a refusal.
      return false;
    }
    if (s.clock().millis() + delay.toMillis() > deadline) {
      return false;
    }
    if (!budget.tryRetry()) {
      LOG.warn("Retry budget exhausted; not retrying {}", request.endpoint().name());
      return false;
    }
    return true;
  }

  /** The attempt's duration without its wait on this client (throttle): what the host took. */
  private long hostTime(long startedMillis, Attempt attempt) {
    return Math.max(0, s.clock().millis() - startedMillis - attempt.clientWait().toMillis());
  }

  /** Full jitter: uniform in [0, min(cap, base * 2^(n-1))]. */
  private Duration backoff(int attemptsMade) {
    long base = s.baseDelay().toMillis();
    long cap = s.maxDelay().toMillis();
    long ceiling = attemptsMade >= 31 ? cap : Math.min(cap, base << (attemptsMade - 1));
    return Duration.ofMillis((long) (s.random().getAsDouble() * ceiling));
  }

  private void sleep(Duration delay) throws IOException {
    try {
      s.sleeper().sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("Interrupted during retry backoff");
    }
  }

  /** Reported to the breaker for a 5xx answer; carries no stack trace. */
  static final class ServerError extends TickGuardException {
    private static final long serialVersionUID = 1L;

    ServerError(int code) {
      super("HTTP " + code, io.tickguard.core.ErrorDetails.ofStatus(code, null), null);
      setStackTrace(new StackTraceElement[0]);
    }
  }
}
