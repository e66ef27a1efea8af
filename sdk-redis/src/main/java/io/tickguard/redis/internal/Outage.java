package io.tickguard.redis.internal;

import io.lettuce.core.RedisException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Redis is reachable for one component, as its own calls found it: one WARN line when it
 * is lost, one INFO line when it returns, and while it is lost, a new attempt only every {@code
 * recheck} (so a partition does not cost every call a command timeout).
 */
public final class Outage {
  private static final Logger LOG = LoggerFactory.getLogger("io.tickguard.redis");

  private final String component;
  private final Clock clock;
  private final long recheckMillis;
  private final BiConsumer<String, String> onLost;
  private final BiConsumer<String, Duration> onBack;
  private final Consumer<String> onDegraded;

  private volatile boolean down;
  private long since; // guarded by this
  private long nextAttempt; // guarded by this

  /** Tracks {@code component}; the callbacks get the component name. */
  public Outage(String component, Clock clock, Duration recheck, BiConsumer<String, String> onLost,
      BiConsumer<String, Duration> onBack, Consumer<String> onDegraded) {
    this.component = Objects.requireNonNull(component, "component");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.recheckMillis = recheck.toMillis();
    this.onLost = onLost;
    this.onBack = onBack;
    this.onDegraded = onDegraded;
  }

  /** Whether the last attempt failed. */
  public boolean down() {
    return down;
  }

  /** Whether to try Redis now: always while it is up, every {@code recheck} while it is down. */
  public boolean shouldTry() {
    if (!down) {
      return true;
    }
    synchronized (this) {
      long now = clock.millis();
      if (now >= nextAttempt) {
        nextAttempt = now + recheckMillis;
        return true;
      }
      return false;
    }
  }

  /** A Redis call failed with {@code failure}. */
  public void failed(RuntimeException failure) {
    boolean first;
    synchronized (this) {
      first = !down;
      long now = clock.millis();
      if (first) {
        since = now;
        down = true;
      }
      nextAttempt = now + recheckMillis;
    }
    if (first) {
      String reason = failure.getClass().getSimpleName();
      LOG.warn("Redis unreachable for {} ({}); degraded until it answers again, retried every {} ms",
          component, reason, recheckMillis);
      quietly(() -> onLost.accept(component, reason));
    }
  }

  /**
   * Runs one Redis step of this component: success marks Redis reachable, a Lettuce {@link
   * RedisException} marks it lost and is rethrown for the caller to degrade or fail as its policy says.
   */
  public <T> T run(Supplier<T> step) {
    T result;
    try {
      result = step.get();
    } catch (RedisException e) {
      failed(e);
      throw e;
    }
    succeeded();
    return result;
  }

  /** A Redis call succeeded. */
  public void succeeded() {
    if (!down) {
      return;
    }
    long outage;
    synchronized (this) {
      if (!down) {
        return;
      }
      down = false;
      outage = Math.max(0, clock.millis() - since);
    }
    LOG.info("Redis reachable again for {} after {} ms; shared state in use again", component, outage);
    quietly(() -> onBack.accept(component, Duration.ofMillis(outage)));
  }

  /** One call was refused or served by a fallback because Redis is down. */
  public void degradedCall() {
    quietly(() -> onDegraded.accept(component));
  }

  private static void quietly(Runnable listener) {
    try {
      listener.run();
    } catch (RuntimeException ignored) {
      // A broken listener must not break rate limiting or authentication.
    }
  }
}
