package io.tickguard.core.stream;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.observe.MetricsListener;
import io.tickguard.core.observe.StreamConnectionEvent;
import io.tickguard.core.testutil.LoopbackTls;
import io.tickguard.core.tls.TlsConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;

/** A TLS MockWebServer on 127.0.0.1 that accepts WebSockets and records what each connection got. */
final class StreamFixture implements AutoCloseable {
  static final Endpoint TRADES = Endpoint.builder("trades-ws", HttpMethod.GET, "/ws/{stream}")
      .path(ParamSpec.required("stream", ParamSpec.WORD, 32)).build();

  final LoopbackTls tls = new LoopbackTls();
  final MockWebServer server;
  /** Server-side sockets, by connection in order of opening. */
  final List<WebSocket> serverSockets = new CopyOnWriteArrayList<>();
  /** "connection-index:message" for every message the server received, and "i:closing <code>". */
  final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  final List<StreamConnectionEvent> connectionEvents = new CopyOnWriteArrayList<>();
  final List<String> pinFailures = new CopyOnWriteArrayList<>();

  StreamFixture() throws IOException {
    server = tls.startServer();
  }

  /** Lets the next connect upgrade to a WebSocket. */
  StreamFixture acceptWebSocket() {
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {
      int index = -1;

      @Override
      public void onOpen(WebSocket webSocket, Response response) {
        serverSockets.add(webSocket);
        index = serverSockets.size() - 1;
      }

      @Override
      public void onMessage(WebSocket webSocket, String text) {
        received.add(index + ":" + text);
      }

      @Override
      public void onClosing(WebSocket webSocket, int code, String reason) {
        received.add(index + ":closing " + code);
        webSocket.close(1000, null);
      }
    }).build());
    return this;
  }

  ClientConfig.Builder config(TlsConfig tlsConfig) {
    MetricsListener metrics = new MetricsListener() {
      @Override
      public void onStreamConnection(StreamConnectionEvent event) {
        connectionEvents.add(event);
      }

      @Override
      public void onPinFailure(String host) {
        pinFailures.add(host);
      }
    };
    return ClientConfig.builder(server.url("/").toString()).tls(tlsConfig).metrics(metrics);
  }

  ApiClient client() {
    return ApiClient.builder(config(tls.trustingRoot().build()).build()).build();
  }

  /** The next message the server received, waiting (bounded only against a hung test). */
  String nextReceived() throws InterruptedException {
    String s = received.poll(1, TimeUnit.MINUTES);
    if (s == null) {
      throw new AssertionError("the server received nothing");
    }
    return s;
  }

  /** The server socket of connection {@code index}, once it opened. */
  WebSocket serverSocket(int index) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (serverSockets.size() <= index) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("connection " + index + " never opened on the server");
      }
      Thread.sleep(1); // polling for an event of the server's thread; no assertion depends on time
    }
    return serverSockets.get(index);
  }

  @Override
  public void close() {
    server.close();
  }

  /**
   * A protocol whose events are the messages' texts, with control words: HB (heartbeat), GAP, RESUB,
   * RECONNECT, BAD (a refused message). It sends {@code subscribe} per reason, and counts and can
   * gate what the reader thread decoded.
   */
  static final class TextProtocol implements StreamProtocol<String> {
    final Map<OpenReason, List<String>> subscribe = new EnumMap<>(OpenReason.class);
    final List<String> decoded = new CopyOnWriteArrayList<>();
    final List<OpenReason> opens = new CopyOnWriteArrayList<>();
    private int processed;

    TextProtocol subscribeWith(OpenReason reason, String... messages) {
      subscribe.put(reason, List.of(messages));
      return this;
    }

    @Override
    public List<String> onOpen(OpenReason reason) {
      opens.add(reason);
      return subscribe.getOrDefault(reason, List.of());
    }

    @Override
    public void onText(String message, StreamEmitter<String> emitter) {
      decoded.add(message);
      switch (message) {
        case "HB" -> emitter.heartbeat();
        case "GAP" -> emitter.gap("sequence jumped");
        case "RESUB" -> emitter.resubscribe("channel dropped");
        case "RECONNECT" -> emitter.reconnect("maintenance");
        case "BAD" -> throw new io.tickguard.core.InvalidResponseException("message", "not a message");
        default -> emitter.event(message);
      }
      synchronized (this) { // counted after the event went into the session's buffer
        processed++;
        notifyAll();
      }
    }

    /** Waits (bounded only against a hung test) until {@code count} messages were fully decoded. */
    synchronized void awaitProcessed(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
      while (processed < count) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new AssertionError("decoded " + processed + " messages, expected " + count);
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Records events and signals in arrival order; can block on one event to play a slow consumer. */
  static final class Recorder implements StreamListener<String> {
    final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    volatile String blockOn;
    final CountDownLatch blocked = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    public void onEvent(String event) {
      items.add(event);
      if (event.equals(blockOn)) {
        blocked.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void onSignal(StreamSignal signal) {
      items.add(signal);
    }

    Object next() throws InterruptedException {
      Object o = items.poll(1, TimeUnit.MINUTES);
      if (o == null) {
        throw new AssertionError("nothing was delivered");
      }
      return o;
    }

    /** Everything up to and including the Closed signal. */
    List<Object> untilClosed() throws InterruptedException {
      List<Object> all = new ArrayList<>();
      Object o;
      do {
        o = next();
        all.add(o);
      } while (!(o instanceof StreamSignal.Closed));
      return all;
    }
  }
}
