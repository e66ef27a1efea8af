package io.tickguard.core.security;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One client's security state: it forwards events to the listener, feeds them to the {@link
 * AnomalyDetector} (whose alerts and kill-switch engagements are events too), owns the client's
 * {@link KillSwitch} and counts its usage. Every client has one ({@code ApiClient.security()}); a
 * {@code TokenManager} reports into it with {@code securityEvents(client.security())}. Thread-safe.
 */
public final class SecurityMonitor implements SecurityEventListener {
  private final SecurityEventListener listener;
  private final AnomalyDetector detector;
  private final KillSwitch killSwitch = new KillSwitch();
  private final UsageMonitor usage;
  private final Clock clock;
  private final AtomicReference<KeyPermissionReport> keyReport = new AtomicReference<>();

  private SecurityMonitor(SecurityOptions options, Clock clock) {
    this.listener = options.listener();
    this.clock = clock;
    this.detector = new AnomalyDetector(options.anomalyPolicy(), clock, killSwitch);
    this.usage = new UsageMonitor(clock, options.usageListener());
  }

  /** A monitor for one client applying {@code options} on {@code clock}. */
  public static SecurityMonitor create(SecurityOptions options, Clock clock) {
    return new SecurityMonitor(Objects.requireNonNull(options, "options"), Objects.requireNonNull(clock, "clock"));
  }

  /** The clock events are stamped with. */
  public Clock clock() {
    return clock;
  }

  /**
   * Reports {@code event}: to the listener, then to the detector; an alert it raises is reported
   * too, and so is the kill switch's engagement when the alert engages it.
   */
  @Override
  public void onEvent(SecurityEvent event) {
    deliver(event);
    Optional<SecurityEvent> alert = detector.observe(event);
    if (alert.isPresent()) {
      deliver(alert.get());
      detector.killSwitchEvent(alert.get()).ifPresent(this::deliver);
    }
  }

  private void deliver(SecurityEvent event) {
    try {
      listener.onEvent(event);
    } catch (RuntimeException ignored) {
      // A broken listener must not fail the call that produced the event.
    }
  }

  /** The client's kill switch. */
  public KillSwitch killSwitch() {
    return killSwitch;
  }

  /** The detector and its policy. */
  public AnomalyDetector detector() {
    return detector;
  }

  /** The client's usage counters. */
  public UsageMonitor usageMonitor() {
    return usage;
  }

  /** What the client has spent so far. */
  public UsageSnapshot usage() {
    return usage.snapshot();
  }

  /** The key permission report of the start-up audit, once one ran. */
  public Optional<KeyPermissionReport> keyPermissionReport() {
    return Optional.ofNullable(keyReport.get());
  }

  /** Records the start-up audit's report (done once by the provider client). */
  public void keyPermissionReport(KeyPermissionReport report) {
    keyReport.set(Objects.requireNonNull(report, "report"));
  }
}
