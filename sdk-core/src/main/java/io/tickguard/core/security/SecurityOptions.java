package io.tickguard.core.security;

import java.util.Objects;

/**
 * How a client reports security events: the listener (default {@link
 * SecurityEventListener#logging()}), the {@link AnomalyPolicy} and where usage goes. Immutable and
 * shareable: each client built with it gets its own {@link SecurityMonitor} (its own windows, kill
 * switch and usage counts).
 */
public final class SecurityOptions {
  private static final SecurityOptions DEFAULTS = builder().build();

  private final SecurityEventListener listener;
  private final AnomalyPolicy anomalyPolicy;
  private final UsageListener usageListener;

  private SecurityOptions(Builder b) {
    this.listener = b.listener;
    this.anomalyPolicy = b.anomalyPolicy;
    this.usageListener = b.usageListener;
  }

  /** Logging listener, default anomaly policy, no usage metrics. */
  public static SecurityOptions defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Where events go. */
  public SecurityEventListener listener() {
    return listener;
  }

  /** When alerts are raised and which engage the kill switch. */
  public AnomalyPolicy anomalyPolicy() {
    return anomalyPolicy;
  }

  /** Where each attempt's usage goes (besides the client's {@code usage()} snapshot). */
  public UsageListener usageListener() {
    return usageListener;
  }

  /** Builds {@link SecurityOptions}. */
  public static final class Builder {
    private SecurityEventListener listener = SecurityEventListener.logging();
    private AnomalyPolicy anomalyPolicy = AnomalyPolicy.defaults();
    private UsageListener usageListener = UsageListener.none();

    private Builder() {}

    /**
     * Where events go; replaces the logging listener (combine with {@code
     * SecurityEventListener.logging().andThen(yours)} to keep the log lines).
     */
    public Builder listener(SecurityEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** Thresholds and kill-switch choice. */
    public Builder anomalyPolicy(AnomalyPolicy policy) {
      this.anomalyPolicy = Objects.requireNonNull(policy, "anomalyPolicy");
      return this;
    }

    /** Where each attempt's usage goes, for metrics. */
    public Builder usageListener(UsageListener listener) {
      this.usageListener = Objects.requireNonNull(listener, "usageListener");
      return this;
    }

    /** Builds the options. */
    public SecurityOptions build() {
      return new SecurityOptions(this);
    }
  }
}
