package io.tickguard.examples.cli;

import io.tickguard.crypto.Symbol;
import io.tickguard.testkit.market.MarketSimulator;
import java.util.List;

/**
 * The embedded sandbox's 24-hour statistics of the symbols a command asks for first, computed on a
 * second thread while the command builds its client: the sandbox answers the first call without
 * scanning a day of simulated seconds on the path to the first output. The answer is the same
 * either way ({@link MarketSimulator#prepareTicker}); when preparing fails the request computes it
 * again and reports what went wrong itself. {@link #close()} waits for the thread, so nothing of it
 * outlives the command.
 */
final class TickerPreparation implements AutoCloseable {
  /** The name of the preparing thread. */
  static final String THREAD_NAME = "tickguard-sandbox-prepare";

  private final Thread thread;

  private TickerPreparation(Thread thread) {
    this.thread = thread;
  }

  /** Starts preparing {@code symbols} that {@code market} simulates; others are left to the request to refuse. */
  static TickerPreparation start(MarketSimulator market, List<Symbol> symbols) {
    List<String> simulated = symbols.stream().map(s -> s.base() + "-" + s.quote())
        .filter(s -> market.instrument(s).isPresent()).distinct().toList();
    Thread thread = new Thread(() -> simulated.forEach(market::prepareTicker), THREAD_NAME);
    thread.setDaemon(true);
    // Preparing only saves the request work: a failure here is the request's to report, not this thread's.
    thread.setUncaughtExceptionHandler((t, e) -> { });
    if (!simulated.isEmpty()) {
      thread.start();
    }
    return new TickerPreparation(thread);
  }

  /** Waits until the preparing thread has ended; keeps an interrupt. */
  @Override
  public void close() {
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
