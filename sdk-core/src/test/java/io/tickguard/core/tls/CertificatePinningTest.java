package io.tickguard.core.tls;

import io.tickguard.core.tls.internal.TlsFailures;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.CertificatePinningException;
import io.tickguard.core.TickGuardException;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificatePinningTest {
  private final TlsFixture pki = new TlsFixture();
  private MockWebServer server;
  private OkHttpClient client;

  private String host;

  @BeforeEach
  void startServer() throws IOException {
    server = TlsFixture.httpsServer(pki.serverSocketFactory());
    // The URL MockWebServer hands out names the loopback host ("localhost"), which is what is pinned.
    host = server.url("/").host();
  }

  @AfterEach
  void stop() {
    server.close();
    if (client != null) {
      TlsFixture.shutdown(client);
    }
  }

  private static String pin(HeldCertificate certificate) {
    // OkHttp's own implementation, as an independent check of ours.
    return CertificatePinner.pin(certificate.certificate());
  }

  private static String unrelatedPin() {
    return pin(new HeldCertificate.Builder().commonName("attacker").build());
  }

  @Test
  void leafPinPasses() throws IOException {
    client = TlsFixture.client(pki.trustingRoot().pin(host, pin(pki.server)).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
  }

  @Test
  void rootPinPassesAlthoughTheServerDoesNotSendTheRoot() throws IOException {
    client = TlsFixture.client(pki.trustingRoot().pin(host, pin(pki.rootCa)).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
  }

  @Test
  void backupPinAllowsKeyRotation() throws IOException {
    // The old key is retired; the backup pin configured beside it is the server's new key.
    client = TlsFixture.client(pki.trustingRoot().pin(host, unrelatedPin(), pin(pki.server)).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
  }

  @Test
  void wrongPinFailsBeforeAnyRequestByteWithThePresentedPinsInTheMessage() {
    client = TlsFixture.client(pki.trustingRoot().pin(host, unrelatedPin()).build());

    Throwable failure = catchIo(() -> TlsFixture.get(client, server));
    TickGuardException translated = TlsFailures.translate(failure, host).orElseThrow();

    assertThat(translated).isInstanceOf(CertificatePinningException.class);
    CertificatePinningException pinning = (CertificatePinningException) translated;
    assertThat(pinning.host()).isEqualTo(host);
    assertThat(pinning.presentedPins())
        .containsExactly(pin(pki.server), pin(pki.intermediateCa), pin(pki.rootCa));
    assertThat(pinning.getMessage()).contains(pin(pki.server), pin(pki.intermediateCa), host);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void pinOfACertificateAppendedOffTheVerifiedPathDoesNotMatch() throws IOException {
    // The server appends a public certificate whose key is pinned, but its own leaf does not chain to it.
    HeldCertificate pinnedButUnrelated = new HeldCertificate.Builder()
        .commonName("Pinned CA").certificateAuthority(0).build();
    server.close();
    server = TlsFixture.httpsServer(TlsFixture.serverPresenting(
        pki.server, pki.intermediateCa.certificate(), pinnedButUnrelated.certificate()));
    client = TlsFixture.client(pki.trustingRoot().pin(host, pin(pinnedButUnrelated)).build());

    Throwable failure = catchIo(() -> TlsFixture.get(client, server));

    assertThat(TlsFailures.translate(failure, host)).get().isInstanceOf(CertificatePinningException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void hostWithoutPinsRefusedWhenPinningRequired() {
    client = TlsFixture.client(
        pki.trustingRoot().pin("api.example.com", pin(pki.server)).pinningRequired(true).build());

    Throwable failure = catchIo(() -> TlsFixture.get(client, server));
    CertificatePinningException pinning =
        (CertificatePinningException) TlsFailures.translate(failure, host).orElseThrow();

    assertThat(pinning.getMessage()).contains("has no pins", pin(pki.server));
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void hostWithoutPinsReachedUnpinnedWhenPinningNotRequired() throws IOException {
    client = TlsFixture.client(pki.trustingRoot().pin("api.example.com", unrelatedPin()).build());

    assertThat(TlsFixture.get(client, server)).isEqualTo("ok");
  }

  @Test
  void webSocketWithWrongPinFailsLikeHttp() throws Exception {
    server.close();
    server = new MockWebServer();
    server.useHttps(pki.serverSocketFactory());
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {}).build());
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    client = TlsFixture.client(pki.trustingRoot().pin(host, unrelatedPin()).build());
    CompletableFuture<Throwable> failure = new CompletableFuture<>();
    CompletableFuture<Response> opened = new CompletableFuture<>();

    WebSocket socket = client.newWebSocket(
        new Request.Builder().url(server.url("/stream")).build(),
        new WebSocketListener() {
          @Override
          public void onOpen(WebSocket webSocket, Response response) {
            opened.complete(response);
          }

          @Override
          public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            failure.complete(t);
          }
        });

    Throwable t = failure.get(10, TimeUnit.SECONDS);
    socket.cancel();
    assertThat(opened).isNotDone();
    assertThat(TlsFailures.translate(t, host)).get().isInstanceOf(CertificatePinningException.class);
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void webSocketWithRightPinOpens() throws Exception {
    server.close();
    server = new MockWebServer();
    server.useHttps(pki.serverSocketFactory());
    server.enqueue(new MockResponse.Builder().webSocketUpgrade(new WebSocketListener() {}).build());
    server.start(java.net.InetAddress.getByName("127.0.0.1"), 0);
    client = TlsFixture.client(pki.trustingRoot().pin(host, pin(pki.rootCa)).build());
    CompletableFuture<Response> opened = new CompletableFuture<>();

    WebSocket socket = client.newWebSocket(
        new Request.Builder().url(server.url("/stream")).build(),
        new WebSocketListener() {
          @Override
          public void onOpen(WebSocket webSocket, Response response) {
            opened.complete(response);
          }

          @Override
          public void onFailure(WebSocket webSocket, Throwable t, Response response) {
            opened.completeExceptionally(t);
          }
        });

    assertThat(opened.get(10, TimeUnit.SECONDS).code()).isEqualTo(101);
    socket.cancel();
  }

  interface IoAction {
    void run() throws IOException;
  }

  static Throwable catchIo(IoAction action) {
    Throwable[] caught = new Throwable[1];
    assertThatThrownBy(() -> {
          try {
            action.run();
          } catch (IOException e) {
            caught[0] = e;
            throw e;
          }
        })
        .isInstanceOf(IOException.class);
    return caught[0];
  }
}
