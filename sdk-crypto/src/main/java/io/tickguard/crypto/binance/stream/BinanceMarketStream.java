package io.tickguard.crypto.binance.stream;

import io.tickguard.core.ApiClient;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.stream.StreamLimits;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.crypto.stream.MarketStream;
import io.tickguard.crypto.stream.MarketStreamBuilder;
import io.tickguard.crypto.stream.internal.FeedStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Binance spot market streams ({@code wss://stream.binance.com:9443/stream}): one connection per
 * 1024 streams, subscribe messages throttled to Binance's 5 incoming messages a second per
 * connection and connects to its 300 per 5 minutes, books kept by Binance's documented procedure
 * with REST snapshots through the same client, connections replaced on {@code serverShutdown} and
 * before the 24-hour limit. Get a builder from {@code BinanceClient.streams()} or {@link
 * #builder(ApiClient, Executor)}.
 */
public final class BinanceMarketStream {
  /** The production stream host. */
  public static final String DEFAULT_BASE_URL = "wss://stream.binance.com:9443";

  /** The combined-stream endpoint, subscribed live with {@code SUBSCRIBE} messages. */
  public static final Endpoint STREAM = Endpoint.builder("stream", HttpMethod.GET, "/stream").build();

  /** Binance's WebSocket limits: 5 incoming messages a second per connection, 300 connects per 5 minutes per IP. */
  public static final LimitPreset MESSAGES = new LimitPreset(
      "binance-ws-messages", List.of(RateLimit.fixedWindow("WS_MESSAGES", 5, Duration.ofSeconds(1))), List.of(),
      "https://github.com/binance/binance-spot-api-docs/blob/master/web-socket-streams.md#websocket-limits");

  /** Connects per IP. */
  public static final LimitPreset CONNECTS = new LimitPreset(
      "binance-ws-connects", List.of(RateLimit.fixedWindow("WS_CONNECTS", 300, Duration.ofMinutes(5))), List.of(),
      "https://github.com/binance/binance-spot-api-docs/blob/master/web-socket-streams.md#websocket-limits");

  private BinanceMarketStream() {}

  /** A builder opening connections on {@code api}; REST snapshots run on {@code executor}. */
  public static Builder builder(ApiClient api, Executor executor) {
    return new Builder(api, executor);
  }

  /** Builds a Binance {@link MarketStream}. */
  public static final class Builder extends MarketStreamBuilder<Builder> {
    private final ApiClient api;
    private final Executor executor;
    private BinanceDepthSnapshots snapshots;
    private StreamLimits limits = StreamLimits.builder().connects(CONNECTS).messagesPerConnection(MESSAGES).build();

    private Builder(ApiClient api, Executor executor) {
      this.api = Objects.requireNonNull(api, "api");
      this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Where REST depth snapshots come from (default {@link BinanceRestSnapshots} through the same client). */
    public Builder snapshots(BinanceDepthSnapshots snapshots) {
      this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
      return this;
    }

    /** The stream's connect and message limits (default Binance's published ones). */
    public Builder limits(StreamLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    @Override
    public MarketStream open() {
      BinanceDepthSnapshots s = snapshots != null ? snapshots : new BinanceRestSnapshots(api, executor);
      Clock clock = clockOrNull() != null ? clockOrNull() : Clock.systemUTC();
      return new FeedStream(api, () -> new BinanceFeed(s, clock), protocol -> webSocket(STREAM, protocol, DEFAULT_BASE_URL)
          .limits(limits)
          .heartbeat(Duration.ofSeconds(20), 9) // Binance pings every 20 s; depth streams push at least every second
          .build(), listenerOrNull(), capacity(), backpressure());
    }
  }
}
