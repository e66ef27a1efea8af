package io.tickguard.examples.chaos;

import io.tickguard.core.TickGuardException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A bot-like workload: several threads calling a fixed rotation of operations, a bounded number of
 * calls each. Every call must end in a value that passes its check or in a {@link
 * TickGuardException}; anything else (another exception, an error, a value that fails its check) is
 * recorded as a violation. The order of operations is fixed, so a run repeats; which thread wins a
 * race is the only freedom, and no assertion depends on it.
 */
final class Workload {
  /** One operation of the bot, with the check its value must pass (a message, or null when sound). */
  record Op(String name, Supplier<Object> call, Function<Object, String> check) {}

  private final List<Op> ops;
  private final Map<String, Integer> outcomes = new TreeMap<>();
  private final List<String> violations = new ArrayList<>();
  private int values;
  private int typed;

  Workload(List<Op> ops) {
    this.ops = List.copyOf(ops);
  }

  /**
   * Runs {@code calls} calls on each of {@code threads} threads and waits for all of them. A call
   * that has not returned after the (generous) bound is a hang, reported as a violation.
   */
  void run(String phase, int threads, int calls) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "chaos-bot");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < calls; i++) {
            call(phase, ops.get((thread * 7 + i) % ops.size()));
          }
        }));
      }
      for (Future<?> f : done) {
        try {
          f.get(5, TimeUnit.MINUTES);
        } catch (TimeoutException e) {
          record(phase + ": a bot thread hangs", null);
        } catch (java.util.concurrent.ExecutionException e) {
          record(phase + ": a bot thread died: " + e.getCause(), null);
        }
      }
    } finally {
      pool.shutdownNow();
      pool.awaitTermination(1, TimeUnit.MINUTES);
    }
  }

  private void call(String phase, Op op) {
    Object value;
    try {
      value = op.call().get();
    } catch (TickGuardException e) {
      record(null, phase + " " + op.name() + " -> " + e.getClass().getSimpleName());
      return;
    } catch (RuntimeException | Error e) {
      record(phase + " " + op.name() + ": untyped " + e, null);
      return;
    }
    String problem = value == null ? "null value" : op.check().apply(value);
    if (problem != null) {
      record(phase + " " + op.name() + ": invalid value delivered: " + problem, null);
    } else {
      record(null, phase + " " + op.name() + " -> value");
    }
  }

  private synchronized void record(String violation, String outcome) {
    if (violation != null) {
      violations.add(violation);
    }
    if (outcome != null) {
      outcomes.merge(outcome, 1, Integer::sum);
      if (outcome.endsWith("-> value")) {
        values++;
      } else {
        typed++;
      }
    }
  }

  synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  /** How often each phase/operation ended in a value or in each typed exception. */
  synchronized Map<String, Integer> outcomes() {
    return new TreeMap<>(outcomes);
  }

  synchronized int values() {
    return values;
  }

  synchronized int typedFailures() {
    return typed;
  }

  /** The typed failures of {@code phase}, by "operation -> exception". */
  synchronized Map<String, Integer> typedIn(String phase) {
    Map<String, Integer> out = new TreeMap<>();
    outcomes.forEach((k, v) -> {
      if (k.startsWith(phase + " ") && !k.endsWith("-> value")) {
        out.put(k.substring(phase.length() + 1), v);
      }
    });
    return out;
  }
}
