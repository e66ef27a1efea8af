package io.tickguard.core.stream;

import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A stream's own rate limits, separate from the client's request limits: how often a connection may
 * be opened (Binance: 300 connections per 5 minutes per IP) and how many messages one connection may
 * send (Binance: 5 per second). Each connect is acquired on {@link #connects()} and each outgoing
 * message on its connection's {@link #newMessageThrottle()}, both with the stream's connect
 * {@link io.tickguard.core.ApiRequest}.
 *
 * <p>Limits given as a {@link LimitPreset} count every connect or message as one, whatever groups
 * the connect endpoint lists. One {@code StreamLimits} holds one connect budget: share it between
 * the sessions that count against the same provider limit.
 */
public final class StreamLimits {
  private static final StreamLimits NONE = new StreamLimits(Throttle.unlimited(), Throttle::unlimited);

  private final Throttle connects;
  private final Supplier<Throttle> messages;

  private StreamLimits(Throttle connects, Supplier<Throttle> messages) {
    this.connects = connects;
    this.messages = messages;
  }

  /** No client-side stream limits (for providers without documented ones, and tests). */
  public static StreamLimits none() {
    return NONE;
  }

  /** Starts a builder with no limits. */
  public static Builder builder() {
    return new Builder();
  }

  /** The throttle every connect (first and reconnects) is acquired on. */
  public Throttle connects() {
    return connects;
  }

  /** A fresh message throttle for one new connection (message limits are per connection). */
  public Throttle newMessageThrottle() {
    return Objects.requireNonNull(messages.get(), "message throttle supplier returned null");
  }

  /**
   * {@code preset}'s limits, each counting a connect or a message as one whatever the endpoint's
   * groups.
   */
  static Throttle counting(LimitPreset preset) {
    InProcessThrottle.Builder b = InProcessThrottle.builder(preset.name());
    for (RateLimit limit : preset.limits()) {
      b.limit(limit.countingRequests().forEveryRequest());
    }
    return b.build();
  }

  /** Builds {@link StreamLimits}. */
  public static final class Builder {
    private Throttle connects = Throttle.unlimited();
    private Supplier<Throttle> messages = Throttle::unlimited;

    private Builder() {}

    /** Connects counted against {@code preset} (one budget for every session sharing these limits). */
    public Builder connects(LimitPreset preset) {
      this.connects = counting(Objects.requireNonNull(preset, "preset"));
      return this;
    }

    /**
     * Connects acquired on {@code throttle} (for a throttle with an injected clock, or one shared
     * with other clients); it is asked with the stream's connect request.
     */
    public Builder connects(Throttle throttle) {
      this.connects = Objects.requireNonNull(throttle, "throttle");
      return this;
    }

    /** Outgoing messages of each connection counted against {@code preset}, afresh per connection. */
    public Builder messagesPerConnection(LimitPreset preset) {
      Objects.requireNonNull(preset, "preset");
      this.messages = () -> counting(preset);
      return this;
    }

    /**
     * Outgoing messages of each connection acquired on a throttle made by {@code perConnection}, once
     * per connection; each message is asked with the stream's connect request, so its limits should
     * count requests for every request ({@link RateLimit#countingRequests()}, {@link
     * RateLimit#forEveryRequest()}).
     */
    public Builder messagesPerConnection(Supplier<Throttle> perConnection) {
      this.messages = Objects.requireNonNull(perConnection, "perConnection");
      return this;
    }

    /** Builds the limits. */
    public StreamLimits build() {
      return new StreamLimits(connects, messages);
    }
  }
}
