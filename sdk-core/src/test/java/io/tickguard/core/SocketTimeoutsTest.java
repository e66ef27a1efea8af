package io.tickguard.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.testutil.LoopbackTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Protocol;
import org.junit.jupiter.api.Test;

/**
 * Reads and writes stay bounded once a client stops using Okio's watchdog for them (see {@code
 * SocketTimeouts}): each assertion fails when its layer (the socket's read timeout, the sweeper's send
 * bound, the HTTP/2 exception) is taken away. No assertion depends on how long anything took.
 */
class SocketTimeoutsTest {
  private static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/api/v3/ticker").build();
  private static final Endpoint UPLOAD = Endpoint.builder("upload", HttpMethod.POST, "/api/v3/upload").build();
  private static final String PRICE = "{\"symbol\":\"BTCUSDT\",\"price\":\"1\"}";

  record Price(String symbol, BigDecimal price) {}

  private static MockResponse price() {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(PRICE).build();
  }

  private static MockResponse priceAfter(long seconds) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(PRICE)
        .headersDelay(seconds, TimeUnit.SECONDS).build();
  }

  private static Throwable rootCause(Throwable t) {
    Throwable root = t;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  @Test
  void anHttp1HostsSilentServerIsCutOffByTheSocketsReadTimeout() throws IOException {
    try (MockWebServer server = new MockWebServer()) {
      server.start(InetAddress.getLoopbackAddress(), 0);
      server.enqueue(price());
      // Without the socket's own timeout this answer would arrive, 30 s later, and the call succeed.
      server.enqueue(priceAfter(30));
      ClientConfig config = ClientConfig.builder(server.url("/").toString()).allowPlaintextLoopback(true)
          .readTimeout(Duration.ofMillis(300)).callTimeout(Duration.ofSeconds(60)).build();
      try (ApiClient client = ApiClient.builder(config).build()) {
        Price first = client.execute(TICKER.request().build(), ResponseDecoder.json(Price.class));
        assertThat(first.price()).isEqualByComparingTo("1");

        assertThatThrownBy(() -> client.execute(TICKER.request().build(), ResponseDecoder.json(Price.class)))
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("timed out")
            // The JDK's socket read timed out (Okio's watchdog says only "timeout").
            .satisfies(e -> assertThat(rootCause(e)).hasMessageContaining("Read timed out"));
      }
    }
  }

  @Test
  void anHttp2HostKeepsOkHttpsTimeouts() throws IOException {
    LoopbackTls tls = new LoopbackTls();
    try (MockWebServer server = tls.startServer()) {
      server.setProtocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1));
      server.enqueue(price());
      server.enqueue(priceAfter(30));
      ClientConfig config = ClientConfig.builder(server.url("/").toString()).tls(tls.trustingRoot().build())
          .readTimeout(Duration.ofMillis(300)).writeTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(60))
          .build();
      try (ApiClient client = ApiClient.builder(config).build()) {
        client.execute(TICKER.request().build(), ResponseDecoder.json(Price.class));

        // HTTP/2 reads are bounded by OkHttp's stream timeout ("timeout"), not by the send bound of
        // writeTimeout + readTimeout that a handed-over exchange would get.
        assertThatThrownBy(() -> client.execute(TICKER.request().build(), ResponseDecoder.json(Price.class)))
            .isInstanceOf(TransportException.class)
            .satisfies(e -> assertThat(rootCause(e)).hasMessage("timeout"));
      }
    }
  }

  @Test
  void aWriteToAPeerThatStoppedReadingIsCutOffByTheSendBound() throws Exception {
    CountDownLatch done = new CountDownLatch(1);
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread peer = new Thread(() -> answerOnceThenStopReading(listener, done), "stalling-peer");
      peer.setDaemon(true);
      peer.start();
      ClientConfig config = ClientConfig.builder("http://127.0.0.1:" + listener.getLocalPort() + "/")
          .allowPlaintextLoopback(true).readTimeout(Duration.ofMillis(200)).writeTimeout(Duration.ofMillis(200))
          .callTimeout(Duration.ofSeconds(60)).build();
      try (ApiClient client = ApiClient.builder(config).build()) {
        client.execute(TICKER.request().build(), ResponseDecoder.json(Price.class)); // the host answers HTTP/1.1

        // Far more than the kernel buffers of both ends hold: the write blocks once they are full.
        byte[] large = new byte[64 << 20];
        Arrays.fill(large, (byte) ' ');
        large[0] = '{';
        large[large.length - 1] = '}';
        // With an idempotency key the failure is told as the timeout it is (without one it is an
        // OutcomeUnknownException, as for any write cut off after it started).
        ApiRequest upload = UPLOAD.request().jsonBody(large).idempotencyKey("upload-1").build();
        assertThatThrownBy(() -> client.execute(upload, ResponseDecoder.json(Price.class)))
            .isInstanceOf(TransportException.class)
            .hasMessageContaining("timed out")
            .satisfies(e -> assertThat(e.getCause()).hasMessageContaining("writeTimeout + readTimeout (PT0.4S)"));
      } finally {
        done.countDown();
      }
    }
  }

  /** Answers the first request on the first connection, then reads nothing more until told to close. */
  private static void answerOnceThenStopReading(ServerSocket listener, CountDownLatch done) {
    try (Socket socket = listener.accept()) {
      InputStream in = socket.getInputStream();
      int matched = 0;
      while (matched < 4) { // up to the blank line ending the GET's headers
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + PRICE.length()
          + "\r\n\r\n" + PRICE).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      done.await();
    } catch (IOException | InterruptedException e) {
      // the test is over
    }
  }
}
