package io.tickguard.core.stream;

import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ApiRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a session needs to know about one provider stream, immutable and reusable: how it
 * travels ({@link StreamKind}), the connect request, the provider's {@link StreamProtocol}, limits,
 * reconnect policy, idle timeout, buffer and hooks. A provider client builds it per subscription:
 *
 * <pre>{@code
 * StreamSpec<Price> spec = StreamSpec.ndjson(PRICING_STREAM.request()
 *         .path("accountID", account).query("instruments", "EUR_USD").build(), new PricingProtocol())
 *     .baseUrl("https://stream-fxpractice.oanda.com")
 *     .heartbeat(Duration.ofSeconds(5), 3)          // OANDA sends a heartbeat every 5 s
 *     .buffer(1024, Backpressure.DROP_OLDEST)
 *     .build();
 * }</pre>
 *
 * <p>The connect request runs through the client's pipeline: the Guard validates it against its
 * {@link io.tickguard.core.Endpoint} (the endpoint's method must be {@code GET}), the connect is
 * acquired on {@link StreamLimits#connects()}, the client's authenticator adds credentials to the
 * connect (and HTTP upgrade) request, and TLS (pins included) is the client's. Every connect and
 * disconnect is audited.
 *
 * @param <E> the event type
 */
public final class StreamSpec<E> {
  /** The default largest incoming message: 1 MiB. */
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 1 << 20;

  private final StreamKind kind;
  private final ApiRequest connect;
  private final java.util.function.Function<OpenReason, ApiRequest> connectFor;
  private final StreamProtocol<E> protocol;
  private final String baseUrl;
  private final StreamLimits limits;
  private final ReconnectPolicy reconnect;
  private final Duration heartbeatInterval;
  private final int missedHeartbeats;
  private final int bufferCapacity;
  private final Backpressure backpressure;
  private final int maxMessageBytes;
  private final MessageSigner signer;
  private final Reauthorizer reauthorizer;
  private final Duration reauthorizeEvery;
  private final Clock clock;
  private final StreamScheduler scheduler;

  private StreamSpec(Builder<E> b) {
    this.kind = b.kind;
    this.connect = b.connect;
    this.connectFor = b.connectFor;
    this.protocol = b.protocol;
    this.baseUrl = b.baseUrl;
    this.limits = b.limits;
    this.reconnect = b.reconnect;
    this.heartbeatInterval = b.heartbeatInterval;
    this.missedHeartbeats = b.missedHeartbeats;
    this.bufferCapacity = b.bufferCapacity;
    this.backpressure = b.backpressure;
    this.maxMessageBytes = b.maxMessageBytes;
    this.signer = b.signer;
    this.reauthorizer = b.reauthorizer;
    this.reauthorizeEvery = b.reauthorizeEvery;
    this.clock = b.clock;
    this.scheduler = b.scheduler;
  }

  /** A WebSocket stream opened by {@code connect} (its URL may be {@code https://} or {@code wss://}). */
  public static <E> Builder<E> webSocket(ApiRequest connect, StreamProtocol<E> protocol) {
    return new Builder<>(StreamKind.WEBSOCKET, connect, protocol);
  }

  /** A streamed HTTP response read as NDJSON lines, opened by {@code connect}. */
  public static <E> Builder<E> ndjson(ApiRequest connect, StreamProtocol<E> protocol) {
    return new Builder<>(StreamKind.NDJSON, connect, protocol);
  }

  /** How the stream travels. */
  public StreamKind kind() {
    return kind;
  }

  /** The connect request, validated by the Guard on every connect. */
  public ApiRequest connect() {
    return connect;
  }

  /**
   * The request of a connect made for {@code reason}: {@link #connect()} unless the builder was
   * given {@link Builder#connectFor}, whose answer must be for the same endpoint (a resume point
   * such as Saxo's {@code messageid} on a reconnect). The Guard validates it on that connect.
   */
  public ApiRequest connect(OpenReason reason) {
    Objects.requireNonNull(reason, "reason");
    if (connectFor == null) {
      return connect;
    }
    ApiRequest chosen = Objects.requireNonNull(connectFor.apply(reason), "connectFor answered null");
    if (!chosen.endpoint().equals(connect.endpoint())) {
      throw new io.tickguard.core.InvalidRequestException("connect", "The connect request for " + reason
          + " must be for endpoint " + connect.endpoint().name() + ", was " + chosen.endpoint().name());
    }
    return chosen;
  }

  /** The provider's protocol. */
  public StreamProtocol<E> protocol() {
    return protocol;
  }

  /**
   * The base URL of the stream host when it is not the client's ({@code wss://stream.binance.com:9443});
   * empty for the client's base URL. The client's TLS settings and pins apply to it.
   */
  public Optional<String> baseUrl() {
    return Optional.ofNullable(baseUrl);
  }

  /** The stream's connect and message limits. */
  public StreamLimits limits() {
    return limits;
  }

  /** When and how often to reconnect. */
  public ReconnectPolicy reconnect() {
    return reconnect;
  }

  /** The interval at which the provider promises a message (data or heartbeat). */
  public Duration heartbeatInterval() {
    return heartbeatInterval;
  }

  /** How many heartbeat intervals without any message make the connection dead. */
  public int missedHeartbeats() {
    return missedHeartbeats;
  }

  /** The idle timeout: {@code heartbeatInterval * missedHeartbeats}. */
  public Duration idleTimeout() {
    return heartbeatInterval.multipliedBy(missedHeartbeats);
  }

  /** The buffer's capacity in events. */
  public int bufferCapacity() {
    return bufferCapacity;
  }

  /** What happens when the buffer is full. */
  public Backpressure backpressure() {
    return backpressure;
  }

  /** The largest incoming message (NDJSON line or WebSocket message) in bytes. */
  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  /** Signs each outgoing message. */
  public MessageSigner signer() {
    return signer;
  }

  /** Re-authorizes an open connection. */
  public Reauthorizer reauthorizer() {
    return reauthorizer;
  }

  /** How often the {@link #reauthorizer()} runs on its own; empty: only on {@link StreamSession#reauthorize()}. */
  public Optional<Duration> reauthorizeEvery() {
    return Optional.ofNullable(reauthorizeEvery);
  }

  /** The clock idle detection reads; empty: the client's configured clock. */
  public Optional<Clock> clock() {
    return Optional.ofNullable(clock);
  }

  /** The scheduler of timed work; empty: the client's shared stream scheduler. */
  public Optional<StreamScheduler> scheduler() {
    return Optional.ofNullable(scheduler);
  }

  /** The endpoint name and kind only (parameter values may be account ids). */
  @Override
  public String toString() {
    return "StreamSpec{" + kind + " " + connect.endpoint().name() + "}";
  }

  /**
   * Builds a {@link StreamSpec}. Defaults: no stream limits, {@link ReconnectPolicy#defaults()},
   * heartbeat interval 30 s with 2 missed intervals, a buffer of 1024 events with {@link
   * Backpressure#FAIL}, messages up to 1 MiB, no message signer, no re-authorization.
   *
   * @param <E> the event type
   */
  public static final class Builder<E> {
    private final StreamKind kind;
    private final ApiRequest connect;
    private final StreamProtocol<E> protocol;
    private java.util.function.Function<OpenReason, ApiRequest> connectFor;
    private String baseUrl;
    private StreamLimits limits = StreamLimits.none();
    private ReconnectPolicy reconnect = ReconnectPolicy.defaults();
    private Duration heartbeatInterval = Duration.ofSeconds(30);
    private int missedHeartbeats = 2;
    private int bufferCapacity = 1024;
    private Backpressure backpressure = Backpressure.FAIL;
    private int maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private MessageSigner signer = MessageSigner.none();
    private Reauthorizer reauthorizer = Reauthorizer.none();
    private Duration reauthorizeEvery;
    private Clock clock;
    private StreamScheduler scheduler;

    private Builder(StreamKind kind, ApiRequest connect, StreamProtocol<E> protocol) {
      this.kind = kind;
      this.connect = Objects.requireNonNull(connect, "connect");
      this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /**
     * Chooses the connect request per connect: called with {@link OpenReason#FIRST} or {@link
     * OpenReason#RECONNECT} just before each connect, it may add the protocol's resume point (the
     * last message id seen) to a reconnect. Its answer must be for the same endpoint as the
     * builder's connect request; default: that request every time.
     */
    public Builder<E> connectFor(java.util.function.Function<OpenReason, ApiRequest> chooser) {
      this.connectFor = Objects.requireNonNull(chooser, "connectFor");
      return this;
    }

    /** The stream host's base URL ({@code https://}, {@code wss://}; plain schemes only on loopback with the client's opt-in). */
    public Builder<E> baseUrl(String url) {
      this.baseUrl = Objects.requireNonNull(url, "baseUrl");
      return this;
    }

    /** The stream's own connect and message limits (default none). */
    public Builder<E> limits(StreamLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /** When to reconnect (default {@link ReconnectPolicy#defaults()}). */
    public Builder<E> reconnect(ReconnectPolicy policy) {
      this.reconnect = Objects.requireNonNull(policy, "reconnect");
      return this;
    }

    /**
     * The provider sends something at least every {@code interval}; {@code missed} intervals
     * without any message make the connection dead, and it is replaced.
     */
    public Builder<E> heartbeat(Duration interval, int missed) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new InvalidRequestException("heartbeat", "heartbeat interval must be positive, was " + interval);
      }
      if (missed < 1) {
        throw new InvalidRequestException("missed", "missed heartbeats must be >= 1, was " + missed);
      }
      this.heartbeatInterval = interval;
      this.missedHeartbeats = missed;
      return this;
    }

    /** The bounded buffer between the socket and the consumer, and what happens when it is full. */
    public Builder<E> buffer(int capacity, Backpressure policy) {
      if (capacity < 1) {
        throw new InvalidRequestException("capacity", "buffer capacity must be >= 1, was " + capacity);
      }
      this.bufferCapacity = capacity;
      this.backpressure = Objects.requireNonNull(policy, "backpressure");
      return this;
    }

    /** The largest incoming message in bytes (default 1 MiB); a longer one drops the connection. */
    public Builder<E> maxMessageBytes(int bytes) {
      if (bytes < 1) {
        throw new InvalidRequestException("maxMessageBytes", "maxMessageBytes must be >= 1, was " + bytes);
      }
      this.maxMessageBytes = bytes;
      return this;
    }

    /** Signs every outgoing message just before it is sent (default: none). */
    public Builder<E> messageSigner(MessageSigner signer) {
      this.signer = Objects.requireNonNull(signer, "messageSigner");
      return this;
    }

    /** Re-authorizes an open connection on {@link StreamSession#reauthorize()}. */
    public Builder<E> reauthorizer(Reauthorizer reauthorizer) {
      this.reauthorizer = Objects.requireNonNull(reauthorizer, "reauthorizer");
      return this;
    }

    /** Also runs the re-authorizer every {@code interval} while connected (before a token expires). */
    public Builder<E> reauthorizeEvery(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative() || interval.isZero()) {
        throw new InvalidRequestException("reauthorize", "reauthorize interval must be positive, was " + interval);
      }
      this.reauthorizeEvery = interval;
      return this;
    }

    /** The clock of idle detection (default: the client's configured clock). */
    public Builder<E> clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The scheduler of timed work (default: the client's shared stream scheduler). */
    public Builder<E> scheduler(StreamScheduler scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /** Builds the spec; the connect request's method must be GET. */
    public StreamSpec<E> build() {
      if (connect.endpoint().method() != io.tickguard.core.HttpMethod.GET) {
        throw new InvalidRequestException("connect", 
            "stream endpoint " + connect.endpoint().name() + " must use GET, was " + connect.endpoint().method());
      }
      return new StreamSpec<>(this);
    }
  }
}
