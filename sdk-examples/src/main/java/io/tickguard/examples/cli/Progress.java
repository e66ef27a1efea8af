package io.tickguard.examples.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A progress indicator on stderr for a step that takes longer than the context's delay (one second
 * in the real tool): on a terminal a spinner with the elapsed time, erased when the step ends;
 * elsewhere one line. Steps that finish in time print nothing.
 */
final class Progress implements AutoCloseable {
  private static final String FRAMES = "|/-\\";

  private final PrintStream err;
  private final boolean terminal;
  private final String what;
  private final long started = System.nanoTime();
  private final ScheduledExecutorService timer;
  private final ScheduledFuture<?> task;
  private boolean shown;
  private boolean closed;
  private int frame;

  private Progress(CliContext context, String what) {
    this.err = context.err();
    this.terminal = context.terminal();
    this.what = what;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "tickguard-progress");
      t.setDaemon(true);
      return t;
    });
    long delay = context.progressDelay().toMillis();
    this.task = terminal
        ? timer.scheduleAtFixedRate(this::tick, delay, 100, TimeUnit.MILLISECONDS)
        : timer.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
  }

  /** Starts watching a step described by {@code what} ("starting the embedded sandbox"). */
  static Progress start(CliContext context, String what) {
    return new Progress(context, what);
  }

  /** Runs {@code step}, showing progress if it takes longer than the context's delay. */
  static <T> T during(CliContext context, String what, java.util.function.Supplier<T> step) {
    try (Progress progress = start(context, what)) {
      return progress.run(step);
    }
  }

  private <T> T run(java.util.function.Supplier<T> step) {
    return step.get();
  }

  private synchronized void tick() {
    if (closed) {
      return;
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    if (terminal) {
      err.print("\r" + FRAMES.charAt(frame++ % FRAMES.length()) + " " + what + " (" + seconds(elapsed) + ")");
    } else if (!shown) {
      err.println("tickguard: " + what + " ...");
    }
    shown = true;
    err.flush();
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** Ends the step: the spinner is erased. */
  @Override
  public void close() {
    task.cancel(false);
    timer.shutdownNow();
    synchronized (this) {
      closed = true;
      if (shown && terminal) {
        err.print("\r\u001b[K");
        err.flush();
      }
      shown = false;
    }
  }
}
