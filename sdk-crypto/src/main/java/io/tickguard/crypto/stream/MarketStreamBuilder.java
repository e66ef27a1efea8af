package io.tickguard.crypto.stream;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.Endpoint;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamProtocol;
import io.tickguard.core.stream.StreamScheduler;
import io.tickguard.core.stream.StreamSpec;
import java.time.Clock;
import java.util.Objects;

/**
 * The settings every provider's {@link MarketStream} builder shares: where events go (a listener, or
 * a bounded queue for {@link MarketStream#poll}), the buffer between the socket and the consumer and
 * its {@link Backpressure}, reconnects, and (for tests) the clock and scheduler. Each provider's
 * builder extends it with what only that provider has.
 *
 * @param <B> the concrete builder, so that chained calls keep its type
 */
public abstract class MarketStreamBuilder<B extends MarketStreamBuilder<B>> {
  private StreamListener<MarketEvent> listener;
  private int capacity = 4096;
  private Backpressure backpressure = Backpressure.FAIL;
  private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
  private Clock clock;
  private StreamScheduler scheduler;
  private String baseUrl;

  /** For provider builders only. */
  protected MarketStreamBuilder() {}

  /**
   * Delivers events and signals to {@code listener} on the stream's delivery thread (calls are never
   * concurrent, even across connections). Without a listener the stream runs in queue mode.
   */
  public final B listener(StreamListener<MarketEvent> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
    return self();
  }

  /**
   * The bounded buffer between the socket and the consumer (default 4096 events, {@link
   * Backpressure#FAIL}): when the consumer falls behind, either the stream fails rather than lose an
   * event, or the oldest buffered event is dropped and counted. The socket's reader never waits.
   */
  public final B buffer(int capacity, Backpressure backpressure) {
    if (capacity < 1) {
      throw new InvalidRequestException("capacity", "capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.backpressure = Objects.requireNonNull(backpressure, "backpressure");
    return self();
  }

  /** When to reconnect after a lost connection (default {@link ReconnectPolicy#defaults()}). */
  public final B reconnect(ReconnectPolicy policy) {
    this.reconnect = Objects.requireNonNull(policy, "reconnect");
    return self();
  }

  /** The clock connection lifetimes and idle detection read (default: the client's). */
  public final B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /** The scheduler of timed work (default: the client's); tests pass a manual one. */
  public final B scheduler(StreamScheduler scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return self();
  }

  /** The stream host ({@code wss://...}); the default is the provider's production host. */
  public final B baseUrl(String url) {
    this.baseUrl = Objects.requireNonNull(url, "baseUrl");
    return self();
  }

  /** Opens the stream (no connection is made until the first subscription). */
  public abstract MarketStream open();

  /**
   * A WebSocket spec for one connection of {@code protocol} at {@code endpoint} on the stream host
   * ({@code defaultHost} unless {@link #baseUrl} was given), with this builder's reconnect policy,
   * buffer, clock and scheduler (for provider builders, which add their limits and heartbeat).
   */
  protected final StreamSpec.Builder<MarketEvent> webSocket(
      Endpoint endpoint, StreamProtocol<MarketEvent> protocol, String defaultHost) {
    StreamSpec.Builder<MarketEvent> spec = StreamSpec.webSocket(endpoint.request().build(), protocol)
        .baseUrl(baseUrl == null ? defaultHost : baseUrl)
        .reconnect(reconnect)
        .buffer(capacity, backpressure);
    if (clock != null) {
      spec.clock(clock);
    }
    if (scheduler != null) {
      spec.scheduler(scheduler);
    }
    return spec;
  }

  /** This builder. */
  @SuppressWarnings("unchecked")
  protected final B self() {
    return (B) this;
  }

  /** The listener, or null in queue mode (for provider builders). */
  protected final StreamListener<MarketEvent> listenerOrNull() {
    return listener;
  }

  /** The buffer capacity (for provider builders). */
  protected final int capacity() {
    return capacity;
  }

  /** The backpressure policy (for provider builders). */
  protected final Backpressure backpressure() {
    return backpressure;
  }

  /** The clock, or null for the client's (for provider builders). */
  protected final Clock clockOrNull() {
    return clock;
  }

}
