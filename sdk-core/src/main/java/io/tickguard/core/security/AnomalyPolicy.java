package io.tickguard.core.security;

import io.tickguard.core.InvalidRequestException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When the {@link AnomalyDetector} raises an alert: per {@link SecurityEventKind}, a count of events
 * within a sliding window. Defaults: 3 rejected credentials in a minute, any pin mismatch, any
 * refresh-token reuse, 2 IP bans in ten minutes. Which alerts also engage the client's {@link
 * KillSwitch} is a separate choice ({@link Builder#killSwitchOn}); by default none does, so that a
 * deployment opts in to a client that stops itself.
 */
public final class AnomalyPolicy {
  /**
   * A threshold: an alert when {@code count} events fall within {@code window}.
   *
   * @param count events that trip the alert (at least 1)
   * @param window the sliding window (positive)
   */
  public record Threshold(int count, Duration window) {
    /** Checks the values. */
    public Threshold {
      if (count < 1) {
        throw new InvalidRequestException("threshold.count", "An anomaly threshold needs a count of at least 1, was " + count);
      }
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || window.isZero()) {
        throw new InvalidRequestException("threshold.window", "An anomaly window must be positive, was " + window);
      }
    }
  }

  private final Map<SecurityEventKind, Threshold> thresholds;
  private final Set<SecurityEventKind> killSwitchKinds;

  private AnomalyPolicy(Builder b) {
    this.thresholds = Collections.unmodifiableMap(new EnumMap<>(b.thresholds));
    this.killSwitchKinds = Collections.unmodifiableSet(b.killSwitch.isEmpty()
        ? EnumSet.noneOf(SecurityEventKind.class) : EnumSet.copyOf(b.killSwitch));
  }

  /** The default policy (see the class comment). */
  public static AnomalyPolicy defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The threshold for {@code kind}, if one is set. */
  public Optional<Threshold> threshold(SecurityEventKind kind) {
    return Optional.ofNullable(thresholds.get(kind));
  }

  /** Every threshold, by kind. */
  public Map<SecurityEventKind, Threshold> thresholds() {
    return thresholds;
  }

  /** The kinds whose alert engages the kill switch. */
  public Set<SecurityEventKind> killSwitchKinds() {
    return killSwitchKinds;
  }

  @Override
  public String toString() {
    return "AnomalyPolicy{thresholds=" + thresholds + ", killSwitchOn=" + killSwitchKinds + "}";
  }

  /** Builds an {@link AnomalyPolicy}; starts from the defaults. */
  public static final class Builder {
    private final Map<SecurityEventKind, Threshold> thresholds = new EnumMap<>(SecurityEventKind.class);
    private final Set<SecurityEventKind> killSwitch = EnumSet.noneOf(SecurityEventKind.class);

    private Builder() {
      thresholds.put(SecurityEventKind.CREDENTIAL_REJECTED, new Threshold(3, Duration.ofMinutes(1)));
      thresholds.put(SecurityEventKind.PIN_MISMATCH, new Threshold(1, Duration.ofMinutes(1)));
      thresholds.put(SecurityEventKind.REFRESH_TOKEN_REUSE, new Threshold(1, Duration.ofMinutes(1)));
      thresholds.put(SecurityEventKind.IP_BANNED, new Threshold(2, Duration.ofMinutes(10)));
    }

    /** Alerts when {@code count} events of {@code kind} fall within {@code window}. */
    public Builder threshold(SecurityEventKind kind, int count, Duration window) {
      Objects.requireNonNull(kind, "kind");
      checkWatchable(kind);
      thresholds.put(kind, new Threshold(count, window));
      return this;
    }

    /** Never alerts on {@code kind}. */
    public Builder noThreshold(SecurityEventKind kind) {
      thresholds.remove(Objects.requireNonNull(kind, "kind"));
      killSwitch.remove(kind);
      return this;
    }

    /**
     * An alert on any of {@code kinds} also engages the client's kill switch: every later call fails
     * with {@link KillSwitchEngagedException}, sending nothing, until {@link KillSwitch#reset()}.
     */
    public Builder killSwitchOn(SecurityEventKind... kinds) {
      for (SecurityEventKind kind : kinds) {
        Objects.requireNonNull(kind, "kind");
        if (!thresholds.containsKey(kind)) {
          throw new InvalidRequestException("killSwitchOn",
              "killSwitchOn(" + kind + ") needs a threshold for " + kind + "; set threshold(" + kind + ", ...) first");
        }
        killSwitch.add(kind);
      }
      return this;
    }

    /** Builds the policy. */
    public AnomalyPolicy build() {
      return new AnomalyPolicy(this);
    }

    private static void checkWatchable(SecurityEventKind kind) {
      if (kind == SecurityEventKind.ANOMALY || kind == SecurityEventKind.KILL_SWITCH_ENGAGED) {
        throw new InvalidRequestException("threshold", "Alerts are not themselves watched; choose another kind than " + kind);
      }
    }
  }
}
