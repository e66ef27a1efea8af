package io.tickguard.core.observe.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickguard.core.security.SecurityEvent;
import io.tickguard.core.security.SecurityEventListener;
import io.tickguard.core.security.UsageListener;
import java.util.Objects;
import java.util.Set;

/**
 * Counts security events and usage in a Micrometer {@link MeterRegistry}:
 *
 * <ul>
 *   <li>{@code tickguard.security.events} (counter), tags {@code kind}, {@code cause}, {@code host};
 *   <li>{@code tickguard.usage.calls} (counter), tags {@code endpoint}, {@code outcome} ({@code ok} or
 *       {@code failed});
 *   <li>{@code tickguard.usage.weight} (counter), tags {@code endpoint}, {@code window};
 *   <li>{@code tickguard.usage.credential.calls} (counter), tag {@code credential} (a redacted key id
 *       or a token hash, never a key, secret or token).
 * </ul>
 *
 * <p>Pass it as both listeners: {@code SecurityOptions.builder().listener(SecurityEventListener.logging()
 * .andThen(m)).usageListener(m)}.
 */
public final class MicrometerSecurityMetrics implements SecurityEventListener, UsageListener {
  private final MeterRegistry registry;

  /** Records into {@code registry}. */
  // "exports": Micrometer is an optional dependency; whoever calls this already has it.
  @SuppressWarnings("exports")
  public MicrometerSecurityMetrics(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void onEvent(SecurityEvent e) {
    Counter.builder("tickguard.security.events")
        .description("TickGuard security events")
        .tag("kind", e.kind().name())
        .tag("cause", e.cause().name())
        .tag("host", e.host().isEmpty() ? "none" : e.host())
        .register(registry)
        .increment();
  }

  @Override
  public void onAttempt(String endpoint, int weight, Set<String> windows, String credential, boolean failed) {
    Counter.builder("tickguard.usage.calls").description("Attempts sent, per endpoint")
        .tag("endpoint", endpoint).tag("outcome", failed ? "failed" : "ok").register(registry).increment();
    for (String window : windows) {
      Counter.builder("tickguard.usage.weight").description("Request weight sent, per endpoint and limit window")
          .tag("endpoint", endpoint).tag("window", window).register(registry).increment(weight);
    }
    if (!credential.isEmpty()) {
      Counter.builder("tickguard.usage.credential.calls").description("Attempts sent, per credential (redacted)")
          .tag("credential", credential).register(registry).increment();
    }
  }
}
