package io.tickguard.core.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Watches a client's security events and raises an {@link SecurityEventKind#ANOMALY} alert when a
 * kind's count within its sliding window reaches the {@link AnomalyPolicy} threshold; the alert may
 * engage the client's {@link KillSwitch}. Time comes from the injected {@link Clock}, so the windows
 * follow virtual time in tests. After an alert the kind's window starts empty again, so a steady
 * stream of failures alerts once per threshold, not once per event. Thread-safe.
 */
public final class AnomalyDetector {
  private final AnomalyPolicy policy;
  private final Clock clock;
  private final KillSwitch killSwitch;
  private final Map<SecurityEventKind, Deque<Instant>> windows = new EnumMap<>(SecurityEventKind.class);

  /** A detector applying {@code policy} on {@code clock}, engaging {@code killSwitch} when told to. */
  public AnomalyDetector(AnomalyPolicy policy, Clock clock, KillSwitch killSwitch) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
  }

  /** The policy applied. */
  public AnomalyPolicy policy() {
    return policy;
  }

  /**
   * Counts {@code event}; returns the alert it raises, if any (and engages the kill switch when the
   * policy says so: then the returned alert is followed by a {@code KILL_SWITCH_ENGAGED} event that
   * {@link #killSwitchEvent} builds).
   */
  public Optional<SecurityEvent> observe(SecurityEvent event) {
    Optional<AnomalyPolicy.Threshold> threshold = policy.threshold(event.kind());
    if (threshold.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    int count;
    synchronized (windows) {
      Deque<Instant> window = windows.computeIfAbsent(event.kind(), k -> new ArrayDeque<>());
      Instant horizon = now.minus(threshold.get().window());
      while (!window.isEmpty() && !window.peekFirst().isAfter(horizon)) {
        window.pollFirst();
      }
      window.addLast(now);
      count = window.size();
      if (count < threshold.get().count()) {
        return Optional.empty();
      }
      window.clear();
    }
    return Optional.of(new SecurityEvent(SecurityEventKind.ANOMALY, now, event.host(), event.endpoint(), event.code(),
        count + " x " + event.kind() + " within " + threshold.get().window() + " (threshold "
            + threshold.get().count() + ")", event.kind()));
  }

  /**
   * Engages the kill switch for {@code alert} when the policy names its cause; returns the {@code
   * KILL_SWITCH_ENGAGED} event when this call engaged it.
   */
  public Optional<SecurityEvent> killSwitchEvent(SecurityEvent alert) {
    if (!policy.killSwitchKinds().contains(alert.cause())) {
      return Optional.empty();
    }
    if (!killSwitch.engage(alert.cause(), alert.at(), alert.detail())) {
      return Optional.empty();
    }
    return Optional.of(new SecurityEvent(SecurityEventKind.KILL_SWITCH_ENGAGED, alert.at(), alert.host(),
        alert.endpoint(), alert.code(), "every call is refused until killSwitch().reset(): " + alert.detail(),
        alert.cause()));
  }
}
