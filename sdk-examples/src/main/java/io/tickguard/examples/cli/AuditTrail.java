package io.tickguard.examples.cli;

import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What the pipeline reports about each call, printed to stderr with {@code --verbose} (endpoint
 * template, status, attempt, latency, throttle wait, request id: the audit log's facts, which never
 * hold a parameter value, header or secret) and kept for {@code doctor}.
 */
final class AuditTrail implements MetricsListener {
  private final PrintStream err;
  private final boolean print;
  private final List<String> deprecations = new ArrayList<>();

  AuditTrail(PrintStream err, boolean print) {
    this.err = err;
    this.print = print;
  }

  @Override
  public void onAttempt(AttemptEvent e) {
    if (print) {
      err.println(Text.clean(String.format("audit: %s %s %s%s  status %s  attempt %d  %d ms  throttle %d ms%s%s",
          e.method(), e.host(), e.pathTemplate(), " (" + e.endpoint() + ")", e.status() == 0 ? "-" : e.status(),
          e.attempt(), e.latency().toMillis(), e.throttleWait().toMillis(),
          e.requestId().map(id -> "  request-id " + id).orElse(""), e.failure().map(f -> "  failed " + f).orElse(""))));
    }
  }

  @Override
  public synchronized void onDeprecation(String endpoint, String deprecation, String sunset, String link) {
    String text = Text.clean(endpoint + ": deprecated " + (deprecation.isEmpty() ? "(no date)" : deprecation)
        + (sunset.isEmpty() ? "" : ", sunset " + sunset) + (link.isEmpty() ? "" : ", see " + link));
    deprecations.add(text);
    if (print) {
      err.println("audit: " + text);
    }
  }

  @Override
  public void onPinFailure(String host) {
    if (print) {
      err.println("audit: certificate pin check failed for " + Text.clean(host));
    }
  }

  /** The deprecations announced so far. */
  synchronized List<String> deprecations() {
    return List.copyOf(deprecations);
  }
}
