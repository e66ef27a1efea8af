package io.tickguard.core.observe.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickguard.core.observe.AttemptEvent;
import io.tickguard.core.observe.MetricsListener;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Records what the pipeline observes in a Micrometer {@link MeterRegistry}:
 *
 * <ul>
 *   <li>{@code tickguard.client.attempts} (timer: latency; count = attempts), tags {@code endpoint},
 *       {@code method}, {@code uri} (path template, never a concrete path), {@code host}, {@code
 *       status} (HTTP status, or {@code NONE} when no response came), {@code outcome} ({@code
 *       SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR}, {@code FAILED}), {@code attempt}
 *       ({@code first} or {@code retry}), {@code exception};
 *   <li>{@code tickguard.throttle.wait} (timer), tags {@code endpoint}, {@code host};
 *   <li>{@code tickguard.token.refreshes} (counter), tag {@code result};
 *   <li>{@code tickguard.tls.pin.failures} (counter), tag {@code host};
 *   <li>{@code tickguard.circuit.state} (gauge, 1 for the current state, else 0), tags {@code host},
 *       {@code state};
 *   <li>{@code tickguard.endpoint.deprecations} (counter), tags {@code endpoint}, {@code sunset}.
 * </ul>
 *
 * <p>Tags hold only templates and names, so their number stays bounded. Pass it with {@code
 * ClientConfig.builder(...).metrics(new MicrometerMetricsListener(registry))}.
 */
public final class MicrometerMetricsListener implements MetricsListener {
  private static final List<String> STATES =
      List.of("CLOSED", "OPEN", "HALF_OPEN", "DISABLED", "FORCED_OPEN", "METRICS_ONLY");

  private final MeterRegistry registry;
  private final Map<String, AtomicReference<String>> circuitStates = new ConcurrentHashMap<>();

  /** Records into {@code registry}. */
  // "exports": Micrometer is an optional dependency; whoever calls this already has it.
  @SuppressWarnings("exports")
  public MicrometerMetricsListener(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onAttempt(AttemptEvent e) {
    Timer.builder("tickguard.client.attempts")
        .description("Attempts of TickGuard API calls")
        .tag("endpoint", e.endpoint())
        .tag("method", e.method())
        .tag("uri", e.pathTemplate())
        .tag("host", e.host())
        .tag("status", e.status() == 0 ? "NONE" : Integer.toString(e.status()))
        .tag("outcome", outcome(e))
        .tag("attempt", e.attempt() <= 1 ? "first" : "retry")
        .tag("exception", e.failure().orElse("none"))
        .register(registry)
        .record(e.latency());
    Timer.builder("tickguard.throttle.wait")
        .description("Time spent waiting for client-side rate-limit permits")
        .tag("endpoint", e.endpoint())
        .tag("host", e.host())
        .register(registry)
        .record(e.throttleWait());
  }

  @Override
  public void onDeprecation(String endpoint, String deprecation, String sunset, String link) {
    Counter.builder("tickguard.endpoint.deprecations")
        .description("Endpoints the provider announced as deprecated")
        .tag("endpoint", endpoint)
        .tag("sunset", sunset.isEmpty() ? "unknown" : sunset)
        .register(registry)
        .increment();
  }

  @Override
  public void onPinFailure(String host) {
    Counter.builder("tickguard.tls.pin.failures").tag("host", host).register(registry).increment();
  }

  @Override
  public void onTokenRefresh(boolean success) {
    Counter.builder("tickguard.token.refreshes").tag("result", success ? "success" : "failure")
        .register(registry).increment();
  }

  @Override
  public void onCircuitStateChange(String host, String state) {
    circuitStates.computeIfAbsent(host, h -> {
      AtomicReference<String> current = new AtomicReference<>("CLOSED");
      for (String s : STATES) {
        Gauge.builder("tickguard.circuit.state", current, c -> s.equals(c.get()) ? 1 : 0)
            .tag("host", h).tag("state", s).register(registry);
      }
      return current;
    }).set(state);
  }

  private static String outcome(AttemptEvent e) {
    int s = e.status();
    if (s == 0) {
      return "FAILED";
    }
    return s < 400 ? "SUCCESS" : s < 500 ? "CLIENT_ERROR" : "SERVER_ERROR";
  }
}
