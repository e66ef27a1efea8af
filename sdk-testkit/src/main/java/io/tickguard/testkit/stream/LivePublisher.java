package io.tickguard.testkit.stream;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Drives {@link LiveStreams} on a timer so that the standalone and embedded sandboxes stream a live
 * market: every tick, one book change and one trade per symbol, and a heartbeat. One daemon thread;
 * {@link #close()} stops it. Tests that need exact control call {@link LiveStreams} themselves.
 */
public final class LivePublisher implements AutoCloseable {
  private final List<LiveStreams> streams;
  private final Duration interval;
  private final Object lock = new Object(); // not the instance monitor: callers may hold that
  private ScheduledExecutorService timer;

  /** A publisher of {@code streams} every {@code interval}, not yet started. */
  public LivePublisher(List<LiveStreams> streams, Duration interval) {
    this.streams = List.copyOf(streams);
    this.interval = Objects.requireNonNull(interval, "interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("interval must be positive, was " + interval);
    }
  }

  /** Starts ticking (after the sandbox started: the routes publish through it). Idempotent. */
  public LivePublisher start() {
    synchronized (lock) {
      if (timer == null && !streams.isEmpty()) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "tickguard-sandbox-live");
          t.setDaemon(true);
          return t;
        });
        timer.scheduleAtFixedRate(this::tick, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
      }
      return this;
    }
  }

  /** One tick: what the timer runs. */
  public void tick() {
    for (LiveStreams s : streams) {
      try {
        for (String symbol : s.symbols()) {
          s.publishBook(symbol, 1);
          s.publishTrades(symbol, 1);
        }
        s.heartbeat();
      } catch (RuntimeException e) {
        // A subscriber that went away mid-send; the next tick publishes again.
      }
    }
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (timer != null) {
        timer.shutdownNow();
        try {
          timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        timer = null;
      }
    }
  }
}
