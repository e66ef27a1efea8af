package io.tickguard.crypto;

import io.tickguard.core.ClientConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/** A MockWebServer on 127.0.0.1 plus a plain-HTTP loopback client configuration for it. */
public final class MockApi implements AutoCloseable {
  /** The fixed "now" of every client test: 2024-01-01T00:00:00Z, after every documentation sample. */
  public static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  private final MockWebServer server = new MockWebServer();

  /** Starts the server. */
  public MockApi() {
    try {
      server.start(InetAddress.getByName("127.0.0.1"), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A loopback configuration with the clock fixed at {@link #NOW} and one attempt per call: the tests
   * script one answer per request, so the default policy's retries would wait for answers never queued.
   */
  public ClientConfig config() {
    return ClientConfig.builder(server.url("/").toString())
        .allowPlaintextLoopback(true)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .resilience(io.tickguard.core.resilience.ResiliencePolicy.none())
        .build();
  }

  /** The server's root URL, {@code http://127.0.0.1:port/}. */
  public String url() {
    return server.url("/").toString();
  }

  /** Queues a JSON answer. */
  public void json(int status, String body) {
    server.enqueue(new MockResponse.Builder().code(status).addHeader("Content-Type", "application/json").body(body).build());
  }

  /** Queues an answer with extra headers. */
  public void enqueue(MockResponse response) {
    server.enqueue(response);
  }

  /** The next request the server received. */
  public RecordedRequest take() {
    try {
      RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
      if (r == null) {
        throw new AssertionError("No request reached the server");
      }
      return r;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** How many requests the server received. */
  public int requestCount() {
    return server.getRequestCount();
  }

  @Override
  public void close() {
    server.close();
  }
}
