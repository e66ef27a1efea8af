package io.tickguard.examples.snippets;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamEmitter;
import io.tickguard.core.stream.StreamLimits;
import io.tickguard.core.stream.StreamListener;
import io.tickguard.core.stream.StreamProtocol;
import io.tickguard.core.stream.StreamSession;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.core.stream.StreamSpec;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.crypto.Trade;
import io.tickguard.testkit.ManualStreamScheduler;
import io.tickguard.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/** The code of docs/streaming.md, compiled (not run: it talks to Binance). */
@SuppressWarnings("unused")
final class StreamingSnippets {
  private StreamingSnippets() {}

  // tag::protocol[]
  static final class TradesProtocol implements StreamProtocol<Trade> {
    @Override
    public List<String> onOpen(OpenReason reason) {          // FIRST, RECONNECT or RESUBSCRIBE
      return List.of("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\"],\"id\":1}");
    }

    @Override
    public void onText(String message, StreamEmitter<Trade> emitter) {
      // decode strictly; then emitter.event(trade), emitter.heartbeat(), emitter.gap("seq 41 -> 43"),
      // emitter.resubscribe("channel dropped") or emitter.reconnect("maintenance")
    }
  }
  // end::protocol[]

  static void open(ApiClient api, Endpoint TRADES_WS, LimitPreset connectPreset, LimitPreset messagePreset) {
    // tag::open[]
    StreamSpec<Trade> spec = StreamSpec.webSocket(TRADES_WS.request().path("stream", "btcusdt").build(),
            new TradesProtocol())
        .baseUrl("wss://stream.binance.com:9443")          // the stream host; pins for it go in TlsConfig
        .limits(StreamLimits.builder()
            .connects(connectPreset)                        // a LimitPreset: connects per window
            .messagesPerConnection(messagePreset)           // outgoing messages, per connection
            .build())
        .heartbeat(Duration.ofSeconds(30), 2)               // no message for 60 s: dead, replace it
        .reconnect(ReconnectPolicy.builder().maxAttempts(10)
            .baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(30)).build())
        .buffer(1024, Backpressure.FAIL)
        .build();

    try (StreamSession<Trade> trades = api.openStream(spec, new StreamListener<>() {
          @Override
          public void onEvent(Trade trade) { /* on the session's delivery thread */ }

          @Override
          public void onSignal(StreamSignal signal) { /* Connected, Disconnected, Reconnecting, Gap, ... */ }
        })) {
      System.out.println("streaming: " + trades.state());   // ... the bot runs; the session reconnects by itself
    }
    // end::open[]
  }

  static void virtualTime(ApiRequest request, TradesProtocol protocol, RandomGenerator seededRandom, Duration d) {
    // tag::virtual-time[]
    MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
    ManualStreamScheduler scheduler = new ManualStreamScheduler(clock);   // io.tickguard.testkit
    StreamSpec<Trade> spec = StreamSpec.webSocket(request, protocol).clock(clock).scheduler(scheduler)
        .heartbeat(Duration.ofSeconds(10), 3)
        .reconnect(ReconnectPolicy.builder().random(seededRandom).build())
        .build();
    // ... open the session on a client whose sandbox stops answering
    scheduler.advance(Duration.ofSeconds(30));   // idle: the connection is replaced, Reconnecting(1, d)
    scheduler.advance(d);                        // the reconnect runs on the test thread
    // end::virtual-time[]
  }
}
