package io.tickguard.testkit.internal;

import io.tickguard.testkit.Fault;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The scheduled faults: rules for "the next N calls" (first, in the order added) and rules bound to
 * one route ({@code GET /path}), each with a remaining count or unlimited. Thread-safe.
 */
public final class FaultPlan {
  /** Count of a rule that never runs out. */
  public static final int UNLIMITED = -1;

  private final List<Rule> rules = new ArrayList<>();

  private static final class Rule {
    final String route;
    final Fault fault;
    int remaining;

    Rule(String route, Fault fault, int remaining) {
      this.route = route;
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  /** Adds a rule; {@code route} {@code null} matches every call. */
  public synchronized void add(String route, int count, Fault fault) {
    rules.add(new Rule(route, fault, count));
  }

  /** The fault for a call to {@code routeKey}, consuming one use of its rule; "next N" rules go first. */
  public synchronized Optional<Fault> take(String routeKey) {
    Rule hit = find(null);
    if (hit == null) {
      hit = find(routeKey);
    }
    if (hit == null) {
      return Optional.empty();
    }
    if (hit.remaining != UNLIMITED && --hit.remaining == 0) {
      rules.remove(hit);
    }
    return Optional.of(hit.fault);
  }

  private Rule find(String routeKey) {
    for (Rule r : rules) {
      if (routeKey == null ? r.route == null : routeKey.equals(r.route)) {
        return r;
      }
    }
    return null;
  }

  /** Number of faults still scheduled with a finite count. */
  public synchronized int pending() {
    int n = 0;
    for (Rule r : rules) {
      n += r.remaining == UNLIMITED ? 0 : r.remaining;
    }
    return n;
  }

  /** Removes every rule. */
  public synchronized void clear() {
    rules.clear();
  }

  /** Removes the rules of {@code route}. */
  public synchronized void clear(String route) {
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      if (route.equals(it.next().route)) {
        it.remove();
      }
    }
  }
}
