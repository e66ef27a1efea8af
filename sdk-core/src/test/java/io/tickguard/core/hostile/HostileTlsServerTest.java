package io.tickguard.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiClient;
import io.tickguard.core.ApiRequest;
import io.tickguard.core.ApiResponse;
import io.tickguard.core.ClientConfig;
import io.tickguard.core.Endpoint;
import io.tickguard.core.HttpMethod;
import io.tickguard.core.OutcomeUnknownException;
import io.tickguard.core.ParamSpec;
import io.tickguard.core.TransportException;
import io.tickguard.core.resilience.ResiliencePolicy;
import io.tickguard.core.testutil.LoopbackTls;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.core.tls.TlsHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hand-made TLS server on loopback that misbehaves at a chosen point of the exchange: during the
 * handshake, after the request was read (a corrupt TLS record as the answer), or not at all (a stalled
 * handshake). What a write's failure may claim depends on whether its request was written.
 */
class HostileTlsServerTest {
  static final Endpoint ORDER = Endpoint.builder("order", HttpMethod.POST, "/api/order")
      .form(ParamSpec.required("symbol", ParamSpec.SYMBOL, 20)).build();
  static final Endpoint TICKER = Endpoint.builder("ticker", HttpMethod.GET, "/api/ticker").build();

  final LoopbackTls tls = new LoopbackTls();
  final AtomicInteger requestsRead = new AtomicInteger();
  final CountDownLatch release = new CountDownLatch(1);
  ServerSocket listener;
  Thread serverThread;

  enum Misbehaviour { GARBAGE_IN_HANDSHAKE, CORRUPT_RECORD_AFTER_REQUEST, STALL_HANDSHAKE }

  @AfterEach
  void stop() throws Exception {
    release.countDown();
    if (listener != null) {
      listener.close();
    }
    if (serverThread != null) {
      serverThread.join();
    }
  }

  String start(Misbehaviour how) throws IOException {
    listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    SSLSocketFactory serverTls = new HandshakeCertificates.Builder().heldCertificate(tls.server).build().sslSocketFactory();
    serverThread = new Thread(() -> serve(how, serverTls), "hostile-tls");
    serverThread.setDaemon(true);
    serverThread.start();
    return "https://127.0.0.1:" + listener.getLocalPort() + "/";
  }

  private void serve(Misbehaviour how, SSLSocketFactory serverTls) {
    try (Socket raw = listener.accept()) {
      OutputStream rawOut = raw.getOutputStream();
      switch (how) {
        case GARBAGE_IN_HANDSHAKE -> {
          raw.getInputStream().read(new byte[512]); // the ClientHello
          rawOut.write("HTTP/1.1 400 Not TLS\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
          rawOut.flush();
        }
        case STALL_HANDSHAKE -> release.await();
        case CORRUPT_RECORD_AFTER_REQUEST -> {
          SSLSocket ssl = (SSLSocket) serverTls.createSocket(raw, "127.0.0.1", raw.getPort(), false);
          ssl.setUseClientMode(false);
          ssl.startHandshake();
          readRequest(ssl.getInputStream());
          requestsRead.incrementAndGet();
          // A record with a valid header and a body that no key decrypts.
          byte[] record = new byte[5 + 64];
          record[0] = 0x17;
          record[1] = 0x03;
          record[2] = 0x03;
          record[4] = 64;
          for (int i = 5; i < record.length; i++) {
            record[i] = (byte) (i * 31);
          }
          rawOut.write(record);
          rawOut.flush();
          release.await();
        }
        default -> throw new IllegalStateException();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away; the assertions are on the client's side
    }
  }

  /** Reads headers and a Content-Length body. */
  private static void readRequest(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("request cut short");
      }
      head.append((char) b);
    }
    int length = 0;
    for (String line : head.toString().split("\r\n")) {
      if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
    }
    in.readNBytes(length);
  }

  ClientConfig.Builder config(String url) {
    return ClientConfig.builder(url).tls(tls.trustingRoot().build()).throttle(Throttle.unlimited());
  }

  static ApiRequest order() {
    return ORDER.request().form("symbol", "BTCUSDT").build();
  }

  static Stream<ResiliencePolicy> policies() {
    return Stream.of(ResiliencePolicy.none(), io.tickguard.core.resilience.StandardResiliencePolicy.builder().build());
  }

  @ParameterizedTest
  @MethodSource("policies")
  void corruptTlsRecordAnsweringAWrittenWriteIsOutcomeUnknownNotAHandshakeFailure(ResiliencePolicy policy)
      throws IOException {
    String url = start(Misbehaviour.CORRUPT_RECORD_AFTER_REQUEST);
    try (ApiClient api = ApiClient.builder(config(url).resilience(policy).build()).build()) {
      assertThatThrownBy(() -> api.execute(order(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e).isInstanceOf(OutcomeUnknownException.class).isNotInstanceOf(TlsHandshakeException.class);
            assertThat(e.outcomeUnknown()).isTrue();
          });
    }
    assertThat(requestsRead).hasValue(1);
  }

  @Test
  void corruptTlsRecordAnsweringARetryableReadIsNotCalledAHandshakeFailure() throws IOException {
    String url = start(Misbehaviour.CORRUPT_RECORD_AFTER_REQUEST);
    try (ApiClient api = ApiClient.builder(config(url).resilience(ResiliencePolicy.none()).build()).build()) {
      assertThatThrownBy(() -> api.execute(TICKER.request().build(), ApiResponse::bodyText))
          .isInstanceOf(TransportException.class).isNotInstanceOf(TlsHandshakeException.class);
    }
  }

  @Test
  void garbageDuringTheHandshakeOfAWriteSaysNothingWasSent() throws IOException {
    String url = start(Misbehaviour.GARBAGE_IN_HANDSHAKE);
    try (ApiClient api = ApiClient.builder(config(url).resilience(ResiliencePolicy.none()).build()).build()) {
      assertThatThrownBy(() -> api.execute(order(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(TlsHandshakeException.class, e -> assertThat(e.outcomeUnknown()).isFalse());
    }
  }

  @Test
  void aStalledHandshakeEndsAtTheConnectTimeoutNotTheReadOrCallTimeout() throws IOException {
    String url = start(Misbehaviour.STALL_HANDSHAKE);
    // Were the handshake bounded by the read timeout (10 min) the call timeout (60 s) would end it,
    // with a message naming callTimeout: the assertion is on which bound fired, not on elapsed time.
    try (ApiClient api = ApiClient.builder(config(url).connectTimeout(Duration.ofMillis(300))
        .readTimeout(Duration.ofMinutes(10)).callTimeout(Duration.ofSeconds(60))
        .resilience(ResiliencePolicy.none()).build()).build()) {
      assertThatThrownBy(() -> api.execute(order(), ApiResponse::bodyText))
          .isInstanceOfSatisfying(TransportException.class, e -> {
            assertThat(e.outcomeUnknown()).isFalse();
            assertThat(e).hasRootCauseInstanceOf(SocketTimeoutException.class);
            assertThat(e.getMessage()).doesNotContain("callTimeout");
          });
    }
  }
}
