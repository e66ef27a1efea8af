package io.tickguard.testkit.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A sandbox's certificates being made on a thread of their own while the starting thread builds
 * the rest of the sandbox. {@link #await()} hands them over, or throws what making them threw.
 * The thread is a daemon and its work is finite; a start waits for it either way
 * ({@link #awaitQuietly()}), so no thread of a start outlives the start.
 */
public final class CertificateGeneration {
  private final FutureTask<SandboxCertificates> task;
  private final Thread thread;

  private CertificateGeneration(Callable<SandboxCertificates> make) {
    this.task = new FutureTask<>(make);
    this.thread = new Thread(task, "tickguard-sandbox-certificates");
    thread.setDaemon(true);
  }

  /** Starts generating a fresh {@link SandboxCertificates}. */
  public static CertificateGeneration begin() {
    return begin(SandboxCertificates::new);
  }

  /** Starts {@code make} on its own thread (tests pass one that fails). */
  public static CertificateGeneration begin(Callable<SandboxCertificates> make) {
    CertificateGeneration generation = new CertificateGeneration(make);
    generation.thread.start();
    return generation;
  }

  /**
   * The certificates, once made.
   *
   * @throws RuntimeException what making them threw (an unchecked exception as it is, a checked one
   *     wrapped in {@link IllegalStateException}); {@link IllegalStateException} when interrupted
   */
  public SandboxCertificates await() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the sandbox certificates were being generated", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("Cannot generate the sandbox certificates: " + cause, cause);
    }
  }

  /** Waits until the generating thread has ended, whatever its outcome; keeps an interrupt. */
  public void awaitQuietly() {
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

  /** Whether the generating thread is still running. */
  public boolean running() {
    return thread.isAlive();
  }
}
