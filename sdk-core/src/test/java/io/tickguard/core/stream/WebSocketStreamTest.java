package io.tickguard.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.auth.RequestAuthenticator;
import io.tickguard.core.auth.Scope;
import io.tickguard.core.observe.StreamConnectionEvent;
import io.tickguard.core.stream.StreamFixture.Recorder;
import io.tickguard.core.stream.StreamFixture.TextProtocol;
import io.tickguard.core.testing.LogCapture;
import io.tickguard.core.testutil.ManualScheduler;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.time.MutableClock;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import okhttp3.CertificatePinner;
import okhttp3.Request;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * WebSocket sessions over real TLS on 127.0.0.1: the connect runs through guard, throttle, auth,
 * pins and audit; outgoing messages are throttled and signed; idle detection, reconnect and
 * resubscription run on virtual time; a slow consumer never holds up the reader; close leaves
 * nothing behind.
 */
class WebSocketStreamTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private StreamFixture fx;
  private final MutableClock clock = new MutableClock(T0);
  private final ManualScheduler scheduler = new ManualScheduler(clock);

  /** Every reconnect delay is half its full-jitter cap. */
  private static final RandomGenerator HALF = new RandomGenerator() {
    @Override
    public long nextLong() {
      throw new UnsupportedOperationException();
    }

    @Override
    public long nextLong(long bound) {
      return bound / 2;
    }
  };

  @BeforeEach
  void start() throws IOException {
    fx = new StreamFixture();
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static ApiRequest trades() {
    return StreamFixture.TRADES.request().path("stream", "btcusdt").build();
  }

  private StreamSpec.Builder<String> spec(TextProtocol protocol) {
    return StreamSpec.webSocket(trades(), protocol).clock(clock).scheduler(scheduler)
        .reconnect(ReconnectPolicy.builder().random(HALF).build());
  }

  @Test
  void wrongPinRefusesTheWebSocketWithCertificatePinningException() {
    fx.acceptWebSocket();
    String host = fx.server.url("/").host();
    String attackerPin = CertificatePinner.pin(new HeldCertificate.Builder().commonName("attacker").build().certificate());
    try (LogCapture log = new LogCapture();
        ApiClient api = ApiClient.builder(fx.config(fx.tls.trustingRoot().pin(host, attackerPin).build()).build()).build()) {
      assertThatThrownBy(() -> api.openStream(spec(new TextProtocol()).build(), new Recorder()))
          .isInstanceOfSatisfying(CertificatePinningException.class,
              e -> assertThat(e.presentedPins()).contains(fx.tls.serverPin()));
      assertThat(log.text()).contains("tickguard stream connect_failed trades-ws WEBSOCKET")
          .contains("failure CertificatePinningException");
    }
    assertThat(fx.server.getRequestCount()).as("the handshake failed before any request").isZero();
    assertThat(fx.pinFailures).containsExactly(host);
    assertThat(fx.connectionEvents).extracting(StreamConnectionEvent::kind)
        .containsExactly(StreamConnectionEvent.Kind.CONNECT_FAILED);
  }

  @Test
  void theRightPinOpensTheWebSocketAndTheConnectCarriesTheAuthenticatorsCredentials() throws Exception {
    fx.acceptWebSocket();
    String host = fx.server.url("/").host();
    RequestAuthenticator auth = new RequestAuthenticator() {
      @Override
      public Set<Scope> grantedScopes() {
        return Set.of(Scope.MARKET_DATA);
      }

      @Override
      public Request authenticate(Request request, ApiRequest apiRequest) {
        return request.newBuilder().header("X-Test-Key", "key-1").build();
      }
    };
    try (ApiClient api = ApiClient.builder(fx.config(fx.tls.trustingRoot().pin(host, fx.tls.serverPin()).build()).build())
            .authenticator(auth).build();
        StreamSession<String> session = api.openStream(spec(new TextProtocol()).build(), new Recorder())) {
      assertThat(session.state()).isEqualTo(StreamState.OPEN);
      var upgrade = fx.server.takeRequest();
      assertThat(upgrade.getUrl().encodedPath()).isEqualTo("/ws/btcusdt");
      assertThat(upgrade.getHeaders().get("X-Test-Key")).isEqualTo("key-1");
      assertThat(upgrade.getHeaders().get("Upgrade")).isEqualTo("websocket");
    }
  }

  @Test
  void aConnectBeyondTheStreamsConnectLimitIsRefusedAndEveryConnectIsAudited() {
    fx.acceptWebSocket().acceptWebSocket();
    StreamLimits limits = StreamLimits.builder().connects(InProcessThrottle.builder("ws-connects")
        .limit(RateLimit.fixedWindow("CONNECTS", 1, Duration.ofMinutes(1)).countingRequests().forEveryRequest())
        .clock(clock).maxWait(Duration.ZERO).build()).build();
    StreamSpec<String> spec = spec(new TextProtocol()).limits(limits).build();
    try (LogCapture log = new LogCapture(); ApiClient api = fx.client();
        StreamSession<String> first = api.openStream(spec, new Recorder())) {
      assertThat(first.state()).isEqualTo(StreamState.OPEN);
      assertThatThrownBy(() -> api.openStream(spec, new Recorder()))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isTrue();
            assertThat(e.window()).isEqualTo("CONNECTS/1m");
          });
      assertThat(log.text())
          .contains("tickguard stream connected trades-ws WEBSOCKET localhost/ws/{stream} connection 1 -> 101")
          .contains("tickguard stream connect_failed trades-ws WEBSOCKET localhost/ws/{stream} connection 1")
          .contains("failure RateLimitedException")
          .doesNotContain("btcusdt");
    }
    assertThat(fx.server.getRequestCount()).as("the refused connect sent nothing").isEqualTo(1);
  }

  @Test
  void aConnectWithinTheLimitWaitsForItsPermitAndTheAuditShowsTheWait() {
    fx.acceptWebSocket().acceptWebSocket();
    List<Duration> slept = new CopyOnWriteArrayList<>();
    Throttle connects = InProcessThrottle.builder("ws-connects")
        .limit(RateLimit.fixedWindow("CONNECTS", 1, Duration.ofMinutes(1)).countingRequests().forEveryRequest())
        .clock(clock).sleeper(d -> {
          slept.add(d);
          clock.advance(d);
        }).maxWait(Duration.ofMinutes(2)).build();
    StreamSpec<String> spec = spec(new TextProtocol()).limits(StreamLimits.builder().connects(connects).build()).build();
    try (ApiClient api = fx.client();
        StreamSession<String> first = api.openStream(spec, new Recorder());
        StreamSession<String> second = api.openStream(spec, new Recorder())) {
      assertThat(first.state()).isEqualTo(StreamState.OPEN);
      assertThat(second.state()).isEqualTo(StreamState.OPEN);
    }
    assertThat(slept).hasSize(1);
    assertThat(slept.get(0)).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(fx.connectionEvents).filteredOn(e -> e.kind() == StreamConnectionEvent.Kind.CONNECTED)
        .extracting(StreamConnectionEvent::throttleWait).containsExactly(Duration.ZERO, slept.get(0));
  }

  @Test
  void outgoingMessagesAreSignedAndThrottledPerConnection() throws Exception {
    fx.acceptWebSocket();
    StreamLimits limits = StreamLimits.builder().messagesPerConnection(() -> InProcessThrottle.builder("ws-messages")
        .limit(RateLimit.fixedWindow("MESSAGES", 2, Duration.ofSeconds(1)).countingRequests().forEveryRequest())
        .clock(clock).maxWait(Duration.ZERO).build()).build();
    TextProtocol protocol = new TextProtocol().subscribeWith(OpenReason.FIRST, "subscribe");
    StreamSpec<String> spec = spec(protocol).limits(limits).messageSigner(m -> m + "|sig").build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, new Recorder())) {
      assertThat(fx.nextReceived()).isEqualTo("0:subscribe|sig");
      session.send("ping");
      assertThat(fx.nextReceived()).isEqualTo("0:ping|sig");
      assertThatThrownBy(() -> session.send("one too many"))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.window()).isEqualTo("MESSAGES/1s"));
      clock.advance(Duration.ofSeconds(1)); // the next window
      session.send("later");
      assertThat(fx.nextReceived()).isEqualTo("0:later|sig");
    }
    assertThat(fx.nextReceived()).isEqualTo("0:closing 1000");
    assertThat(fx.received).isEmpty();
  }

  @Test
  void anIdleConnectionIsReplacedAfterItsMissedHeartbeatsAndResubscribes() throws Exception {
    fx.acceptWebSocket().acceptWebSocket();
    TextProtocol protocol = new TextProtocol()
        .subscribeWith(OpenReason.FIRST, "sub-first").subscribeWith(OpenReason.RECONNECT, "sub-again");
    Recorder recorder = new Recorder();
    StreamSpec<String> spec = spec(protocol).heartbeat(Duration.ofSeconds(10), 3).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
      assertThat(fx.nextReceived()).isEqualTo("0:sub-first");

      clock.advance(Duration.ofSeconds(29));
      fx.serverSocket(0).send("HB");
      protocol.awaitProcessed(1);
      scheduler.advance(Duration.ofSeconds(2)); // 31 s after connect, 2 s after the heartbeat: alive
      assertThat(session.state()).isEqualTo(StreamState.OPEN);

      scheduler.advance(Duration.ofSeconds(28)); // 30 s of silence since the heartbeat: dead
      Object lost = recorder.next();
      assertThat(lost).isInstanceOfSatisfying(StreamSignal.Disconnected.class, d -> {
        assertThat(d.connection()).isEqualTo(1);
        assertThat(d.cause()).get().isInstanceOfSatisfying(StreamIdleException.class,
            e -> assertThat(e.silence()).isEqualTo(Duration.ofSeconds(30)));
      });
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Reconnecting(1, Duration.ofMillis(250)));
      assertThat(session.state()).isEqualTo(StreamState.RECONNECTING);

      scheduler.advance(Duration.ofMillis(250)); // the backoff elapses: reconnect on this thread
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(2, OpenReason.RECONNECT));
      assertThat(fx.nextReceived()).isEqualTo("1:sub-again");
      assertThat(session.state()).isEqualTo(StreamState.OPEN);
      assertThat(session.connections()).isEqualTo(2);
      assertThat(protocol.opens).containsExactly(OpenReason.FIRST, OpenReason.RECONNECT);
    }
  }

  @Test
  void gapResubscribeAndReconnectRequestsReachTheListenerInOrderWithTheEvents() throws Exception {
    fx.acceptWebSocket().acceptWebSocket();
    TextProtocol protocol = new TextProtocol()
        .subscribeWith(OpenReason.FIRST, "sub").subscribeWith(OpenReason.RESUBSCRIBE, "sub-again")
        .subscribeWith(OpenReason.RECONNECT, "sub-new");
    Recorder recorder = new Recorder();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec(protocol).build(), recorder)) {
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
      assertThat(fx.nextReceived()).isEqualTo("0:sub");
      fx.serverSocket(0).send("a");
      fx.serverSocket(0).send("GAP");
      fx.serverSocket(0).send("b");
      fx.serverSocket(0).send("RESUB");
      assertThat(recorder.next()).isEqualTo("a");
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Gap("sequence jumped"));
      assertThat(recorder.next()).isEqualTo("b");
      scheduler.awaitScheduled(2); // the idle check and the resubscription
      scheduler.advance(Duration.ZERO);
      assertThat(fx.nextReceived()).isEqualTo("0:sub-again");
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Resubscribed("channel dropped"));

      fx.serverSocket(0).send("RECONNECT");
      assertThat(recorder.next()).isInstanceOfSatisfying(StreamSignal.Disconnected.class,
          d -> assertThat(d.reason()).isEqualTo("the provider asked to reconnect: maintenance"));
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Reconnecting(1, Duration.ofMillis(250)));
      scheduler.advance(Duration.ofMillis(250));
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(2, OpenReason.RECONNECT));
      assertThat(fx.nextReceived()).isEqualTo("1:sub-new");
      assertThat(session.connections()).isEqualTo(2);
    }
  }

  @Test
  void aSlowConsumerWithDropOldestCountsDropsWhileTheReaderKeepsReading() throws Exception {
    fx.acceptWebSocket();
    TextProtocol protocol = new TextProtocol();
    Recorder recorder = new Recorder();
    recorder.blockOn = "e1";
    StreamSpec<String> spec = spec(protocol).buffer(2, Backpressure.DROP_OLDEST).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      try {
        fx.serverSocket(0).send("e1");
        assertThat(recorder.blocked.await(1, TimeUnit.MINUTES)).isTrue(); // the consumer is stuck in e1
        for (int i = 2; i <= 6; i++) {
          fx.serverSocket(0).send("e" + i);
        }
        protocol.awaitProcessed(6); // the reader decoded every message while the consumer was stuck
        assertThat(session.droppedEvents()).isEqualTo(3);
        assertThat(session.state()).isEqualTo(StreamState.OPEN);
      } finally {
        recorder.release.countDown();
      }
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
      assertThat(recorder.next()).isEqualTo("e1");
      assertThat(recorder.next()).isEqualTo("e5");
      assertThat(recorder.next()).isEqualTo("e6");
    }
    assertThat(recorder.next()).isEqualTo(new StreamSignal.Closed(Optional.empty()));
  }

  @Test
  void aSlowConsumerWithFailFailsTheSessionWhileTheReaderKeepsReading() throws Exception {
    fx.acceptWebSocket();
    TextProtocol protocol = new TextProtocol();
    Recorder recorder = new Recorder();
    recorder.blockOn = "e1";
    StreamSpec<String> spec = spec(protocol).buffer(2, Backpressure.FAIL).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      try {
        fx.serverSocket(0).send("e1");
        assertThat(recorder.blocked.await(1, TimeUnit.MINUTES)).isTrue();
        for (int i = 2; i <= 4; i++) {
          fx.serverSocket(0).send("e" + i);
        }
        protocol.awaitProcessed(4); // e4 overflowed the buffer on the reader thread
        assertThat(session.state()).isEqualTo(StreamState.FAILED);
        assertThat(session.failure()).get().isInstanceOfSatisfying(StreamOverflowException.class,
            e -> assertThat(e.capacity()).isEqualTo(2));
        assertThatThrownBy(() -> session.send("x")).isInstanceOf(StreamClosedException.class);
      } finally {
        recorder.release.countDown();
      }
      List<Object> rest = recorder.untilClosed();
      assertThat(rest).containsExactly(new StreamSignal.Connected(1, OpenReason.FIRST), "e1", "e2", "e3",
          new StreamSignal.Closed(session.failure()));
    }
    assertThat(fx.connectionEvents).extracting(StreamConnectionEvent::kind, e -> e.failure().orElse("-"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(StreamConnectionEvent.Kind.CONNECTED, "-"),
            org.assertj.core.groups.Tuple.tuple(StreamConnectionEvent.Kind.DISCONNECTED, "StreamOverflowException"));
  }

  @Test
  void closeEndsTheSocketAndLeavesNoThreadOfTheSessionBehind() throws Exception {
    fx.acceptWebSocket();
    Recorder recorder = new Recorder();
    try (ApiClient api = fx.client()) {
      StreamSession<String> session = api.openStream(spec(new TextProtocol()).build(), recorder);
      assertThat(sessionThreads()).as("the delivery thread runs while open").isNotEmpty();
      session.close();
      assertThat(sessionThreads()).isEmpty();
      assertThat(session.state()).isEqualTo(StreamState.CLOSED);
      assertThat(fx.nextReceived()).isEqualTo("0:closing 1000");
      assertThat(recorder.untilClosed()).last().isEqualTo(new StreamSignal.Closed(Optional.empty()));
      session.close(); // idempotent
      assertThatThrownBy(() -> session.send("late")).isInstanceOf(StreamClosedException.class);
    }
    assertThat(fx.connectionEvents).extracting(StreamConnectionEvent::kind)
        .containsExactly(StreamConnectionEvent.Kind.CONNECTED, StreamConnectionEvent.Kind.DISCONNECTED);
  }

  @Test
  void theReauthorizerRunsOnDemandAndPeriodicallyAndAFailingOneReplacesTheConnection() throws Exception {
    fx.acceptWebSocket().acceptWebSocket();
    List<String> reauthorized = new CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicBoolean refuse = new java.util.concurrent.atomic.AtomicBoolean();
    Recorder recorder = new Recorder();
    StreamSpec<String> spec = spec(new TextProtocol()).heartbeat(Duration.ofHours(1), 1)
        .reauthorizer(() -> {
          reauthorized.add(clock.instant().toString());
          if (refuse.get()) {
            throw new io.tickguard.core.AuthenticationException("token refused");
          }
        })
        .reauthorizeEvery(Duration.ofMinutes(15)).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
      scheduler.advance(Duration.ofMinutes(15));
      assertThat(reauthorized).containsExactly("2026-01-05T10:15:00Z");
      session.reauthorize(); // after a token refresh
      scheduler.advance(Duration.ZERO);
      assertThat(reauthorized).hasSize(2);

      refuse.set(true);
      scheduler.advance(Duration.ofMinutes(15));
      assertThat(recorder.next()).isInstanceOfSatisfying(StreamSignal.Disconnected.class, d -> {
        assertThat(d.reason()).isEqualTo("re-authorization failed");
        assertThat(d.cause()).get().isInstanceOf(io.tickguard.core.AuthenticationException.class);
      });
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Reconnecting(1, Duration.ofMillis(250)));
      refuse.set(false);
      scheduler.advance(Duration.ofMillis(250));
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(2, OpenReason.RECONNECT));
    }
  }

  @Test
  void binaryMessagesAreDecodedByTheProtocolsBinaryDecoder() throws Exception {
    fx.acceptWebSocket();
    StreamProtocol<String> binary = new StreamProtocol<>() {
      @Override
      public void onText(String message, StreamEmitter<String> emitter) {
        emitter.event("text:" + message);
      }

      @Override
      public void onBinary(java.nio.ByteBuffer message, StreamEmitter<String> emitter) {
        emitter.event("binary:" + message.remaining() + " bytes, first " + message.get(0));
      }
    };
    Recorder recorder = new Recorder();
    StreamSpec<String> spec = StreamSpec.webSocket(trades(), binary).clock(clock).scheduler(scheduler).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      assertThat(recorder.next()).isInstanceOf(StreamSignal.Connected.class);
      fx.serverSocket(0).send(okio.ByteString.of((byte) 7, (byte) 1, (byte) 2));
      assertThat(recorder.next()).isEqualTo("binary:3 bytes, first 7");
      assertThat(session.state()).isEqualTo(StreamState.OPEN);
    }
  }

  private static List<String> sessionThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("tickguard-stream-trades-ws-")).toList();
  }
}
