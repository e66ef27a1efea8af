package io.tickguard.core.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.InvalidRequestException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.observe.StreamConnectionEvent;
import io.tickguard.core.stream.StreamFixture.Recorder;
import io.tickguard.core.stream.StreamFixture.TextProtocol;
import io.tickguard.core.testutil.ManualScheduler;
import io.tickguard.core.time.MutableClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A long streamed response read as NDJSON over TLS: chunk boundaries are not line boundaries, a half
 * line is never delivered, a line over the limit is refused typed, the connect is guarded, the end
 * of the stream reconnects, and close leaves no thread behind.
 */
class NdjsonStreamTest {
  private static final Endpoint PRICES = Endpoint.builder("prices", HttpMethod.GET, "/v3/accounts/{id}/pricing/stream")
      .path(ParamSpec.required("id", ParamSpec.WORD, 32))
      .query(ParamSpec.required("instruments", ParamSpec.LIST, 100))
      .build();

  private StreamFixture fx;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T10:00:00Z"));
  private final ManualScheduler scheduler = new ManualScheduler(clock);
  private final List<GatedChunks> bodies = new ArrayList<>();

  /**
   * A chunked body ({@code Transfer-Encoding: chunked}, framed by MockWebServer) written one chunk at a time: chunk {@code i > 0} waits for {@code gate(i)}, and
   * the terminating chunk waits for {@link #end} (released after each test).
   */
  static final class GatedChunks implements MockResponseBody {
    final List<byte[]> chunks;
    final List<CountDownLatch> gates = new ArrayList<>();
    final CountDownLatch end;

    GatedChunks(boolean endAtOnce, byte[]... chunks) {
      this.chunks = List.of(chunks);
      for (int i = 0; i < chunks.length; i++) {
        gates.add(new CountDownLatch(i == 0 ? 0 : 1));
      }
      this.end = new CountDownLatch(endAtOnce ? 0 : 1);
    }

    CountDownLatch gate(int i) {
      return gates.get(i);
    }

    @Override
    public long getContentLength() {
      return -1;
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      try {
        for (int i = 0; i < chunks.size(); i++) {
          gates.get(i).await();
          byte[] c = chunks.get(i);
          sink.write(c).flush(); // MockWebServer frames each flushed write as one HTTP chunk
        }
        end.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @BeforeEach
  void start() throws IOException {
    fx = new StreamFixture();
  }

  @AfterEach
  void stop() {
    bodies.forEach(b -> {
      b.gates.forEach(CountDownLatch::countDown);
      b.end.countDown();
    });
    fx.close();
  }

  private GatedChunks serve(GatedChunks body) {
    bodies.add(body);
    fx.server.enqueue(new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/x-ndjson").addHeader("Transfer-Encoding", "chunked")
        .body(body).build());
    return body;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ApiRequest prices(String account) {
    return PRICES.request().path("id", account).query("instruments", "EUR_USD,USD_JPY").build();
  }

  private StreamSpec.Builder<String> spec(ApiRequest request) {
    return StreamSpec.ndjson(request, new TextProtocol()).clock(clock).scheduler(scheduler);
  }

  @Test
  void linesSplitAcrossChunksMidLineAndMidCharacterArriveWholeAndOnlyWhole() throws Exception {
    byte[] all = utf8("{\"p\":\"1.10\"}\n{\"p\":\"2€\"}\n");
    int cut = utf8("{\"p\":\"1.10\"}\n{\"p\":\"2").length + 1; // after the first byte of the euro sign
    GatedChunks body = serve(new GatedChunks(false, Arrays.copyOfRange(all, 0, cut), Arrays.copyOfRange(all, cut, all.length)));
    Recorder recorder = new Recorder();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec(prices("A1")).build(), recorder)) {
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
      assertThat(recorder.next()).isEqualTo("{\"p\":\"1.10\"}");
      assertThat(recorder.items).as("half a line is never delivered").isEmpty();
      body.gate(1).countDown();
      assertThat(recorder.next()).isEqualTo("{\"p\":\"2€\"}");
      assertThat(session.state()).isEqualTo(StreamState.OPEN);
    }
    assertThat(recorder.untilClosed()).containsExactly(new StreamSignal.Closed(Optional.empty()));
    var request = fx.server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v3/accounts/A1/pricing/stream");
    assertThat(request.getUrl().queryParameter("instruments")).isEqualTo("EUR_USD,USD_JPY");
  }

  @Test
  void aLineLongerThanTheLimitDropsTheConnectionWithATypedError() throws Exception {
    serve(new GatedChunks(false, utf8("{\"ok\":1}\n" + "x".repeat(40) + "\n")));
    Recorder recorder = new Recorder();
    StreamSpec<String> spec = spec(prices("A1")).maxMessageBytes(16).reconnect(ReconnectPolicy.none()).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      List<Object> all = recorder.untilClosed();
      assertThat(all).hasSize(4);
      assertThat(all.get(1)).isEqualTo("{\"ok\":1}");
      assertThat(all.get(2)).isInstanceOfSatisfying(StreamSignal.Disconnected.class, d ->
          assertThat(d.cause()).get().isInstanceOfSatisfying(MessageTooLargeException.class,
              e -> assertThat(e.limit()).isEqualTo(16)));
      assertThat(session.state()).isEqualTo(StreamState.FAILED);
      assertThat(session.failure()).get().isInstanceOf(MessageTooLargeException.class);
    }
    assertThat(fx.connectionEvents).extracting(StreamConnectionEvent::kind, e -> e.failure().orElse("-"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(StreamConnectionEvent.Kind.CONNECTED, "-"),
            org.assertj.core.groups.Tuple.tuple(StreamConnectionEvent.Kind.DISCONNECTED, "MessageTooLargeException"));
  }

  @Test
  void theConnectIsGuardedBeforeAnyByteIsSent() {
    try (ApiClient api = fx.client()) {
      assertThatThrownBy(() -> api.openStream(spec(prices("../admin")).build(), new Recorder()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("id"));
      assertThatThrownBy(() -> api.openStream(spec(prices("A1")).baseUrl("ws://stream.example.com").build(), new Recorder()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("wss://"));
    }
    assertThat(fx.server.getRequestCount()).isZero();
  }

  @Test
  void theEndOfTheStreamReconnectsAfterItsBackoff() throws Exception {
    serve(new GatedChunks(true, utf8("first\n")));
    serve(new GatedChunks(false, utf8("second\n")));
    Recorder recorder = new Recorder();
    StreamSpec<String> spec = spec(prices("A1"))
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build()).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
      assertThat(recorder.next()).isEqualTo("first");
      assertThat(recorder.next()).isEqualTo(
          new StreamSignal.Disconnected(1, "the provider ended the stream", Optional.empty()));
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Reconnecting(1, Duration.ZERO));
      scheduler.awaitScheduled(1);
      scheduler.advance(Duration.ZERO);
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(2, OpenReason.RECONNECT));
      assertThat(recorder.next()).isEqualTo("second");
      assertThat(session.connections()).isEqualTo(2);
    }
    assertThat(fx.server.getRequestCount()).isEqualTo(2);
  }

  /** A protocol whose resume point is the last line seen, and which emits a marker as each connection opens. */
  static final class ResumingProtocol implements StreamProtocol<String> {
    volatile String lastLine = "";

    @Override
    public List<String> onOpen(OpenReason reason, StreamEmitter<String> emitter) {
      emitter.event("opened:" + reason);
      return List.of();
    }

    @Override
    public void onText(String message, StreamEmitter<String> emitter) {
      lastLine = message;
      emitter.event(message);
    }
  }

  @Test
  void aReconnectUsesTheConnectRequestChosenForItsReasonWithTheProtocolsResumePoint() throws Exception {
    serve(new GatedChunks(true, utf8("first\n")));
    serve(new GatedChunks(false, utf8("second\n")));
    ResumingProtocol protocol = new ResumingProtocol();
    Recorder recorder = new Recorder();
    StreamSpec<String> spec = StreamSpec.ndjson(prices("A1"), protocol).clock(clock).scheduler(scheduler)
        .connectFor(reason -> reason == OpenReason.FIRST ? prices("A1") : prices("A1" + protocol.lastLine))
        .reconnect(ReconnectPolicy.builder().baseDelay(Duration.ZERO).maxDelay(Duration.ZERO).build()).build();
    try (ApiClient api = fx.client(); StreamSession<String> session = api.openStream(spec, recorder)) {
      assertThat(recorder.next()).as("emitted by onOpen, before Connected").isEqualTo("opened:FIRST");
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
      assertThat(recorder.next()).isEqualTo("first");
      assertThat(recorder.next()).isInstanceOf(StreamSignal.Disconnected.class);
      assertThat(recorder.next()).isInstanceOf(StreamSignal.Reconnecting.class);
      scheduler.awaitScheduled(1);
      scheduler.advance(Duration.ZERO);
      assertThat(recorder.next()).isEqualTo("opened:RECONNECT");
      assertThat(recorder.next()).isEqualTo(new StreamSignal.Connected(2, OpenReason.RECONNECT));
      assertThat(recorder.next()).isEqualTo("second");
      assertThat(session.connections()).isEqualTo(2);
    }
    assertThat(fx.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v3/accounts/A1/pricing/stream");
    assertThat(fx.server.takeRequest().getUrl().encodedPath()).as("the reconnect resumed after the last line")
        .isEqualTo("/v3/accounts/A1first/pricing/stream");
  }

  @Test
  void aConnectRequestChosenForAnotherEndpointIsRefusedBeforeAnyByteIsSent() {
    Endpoint other = Endpoint.builder("other", HttpMethod.GET, "/other").build();
    StreamSpec<String> spec = spec(prices("A1")).connectFor(reason -> other.request().build()).build();
    try (ApiClient api = fx.client()) {
      assertThatThrownBy(() -> api.openStream(spec, new Recorder()))
          .isInstanceOfSatisfying(InvalidRequestException.class, e -> assertThat(e.getMessage()).contains("prices"));
    }
    assertThat(fx.server.getRequestCount()).isZero();
  }

  @Test
  void queueModeHandsEventsToPollAndEndsWithStreamClosedException() throws Exception {
    serve(new GatedChunks(false, utf8("a\nb\n")));
    try (ApiClient api = fx.client()) {
      StreamSession<String> session = api.openStream(spec(prices("A1")).build());
      assertThat(session.poll(Duration.ofMinutes(1))).contains("a");
      assertThat(session.poll(Duration.ofMinutes(1))).contains("b");
      assertThatThrownBy(() -> session.send("x")).isInstanceOf(InvalidRequestException.class);
      session.close();
      assertThatThrownBy(() -> session.poll(Duration.ZERO)).isInstanceOf(StreamClosedException.class);
    }
  }

  @Test
  void closeEndsTheReaderAndTheDeliveryThreads() throws Exception {
    serve(new GatedChunks(false, utf8("a\n")));
    Recorder recorder = new Recorder();
    try (ApiClient api = fx.client()) {
      StreamSession<String> session = api.openStream(spec(prices("A1")).build(), recorder);
      assertThat(recorder.next()).isInstanceOf(StreamSignal.Connected.class);
      assertThat(recorder.next()).isEqualTo("a");
      assertThat(sessionThreads()).anyMatch(n -> n.endsWith("-delivery")).anyMatch(n -> n.contains("-reader-1"));
      session.close();
      assertThat(sessionThreads()).isEmpty();
    }
  }

  private static List<String> sessionThreads() {
    return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
        .filter(n -> n.startsWith("tickguard-stream-prices-")).toList();
  }
}
