package io.tickguard.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Phaser;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The caller threads of the round-trip harnesses: started together, joined, and the first failure
 * reported. A caller that fails leaves the barrier the callers keep step with, so the others finish
 * their work instead of waiting for it forever.
 */
final class CallerThreads {
  private CallerThreads() {}

  /** Refuses a comparison whose two sides do not give the same answer. */
  static void requireSameAnswer(Supplier<?> tickGuard, Supplier<?> handWritten) {
    Object viaTickGuard = tickGuard.get();
    Object viaHand = handWritten.get();
    if (!Objects.equals(viaTickGuard, viaHand)) {
      throw new IllegalStateException("The two sides disagree: " + viaTickGuard + " vs " + viaHand);
    }
  }

  /**
   * Runs {@code body} on {@code threads} threads named {@code name-0}, {@code name-1}, ...; each is
   * given its index. Returns when all have ended.
   *
   * @param barrier the phaser the callers keep step with (registered for every caller)
   * @throws IllegalStateException when a caller failed, with its failure as the cause
   */
  static void run(String name, int threads, Phaser barrier, IntConsumer body) throws InterruptedException {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int index = t;
      Thread caller = new Thread(() -> {
        try {
          body.accept(index);
        } catch (RuntimeException e) {
          failure.compareAndSet(null, e);
          barrier.arriveAndDeregister(); // the others go on without this caller, then the failure is reported
        }
      }, name + "-" + t);
      callers.add(caller);
      caller.start();
    }
    for (Thread caller : callers) {
      caller.join();
    }
    if (failure.get() != null) {
      throw new IllegalStateException("A caller failed", failure.get());
    }
  }
}
