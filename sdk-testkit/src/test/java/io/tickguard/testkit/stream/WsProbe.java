package io.tickguard.testkit.stream;

import io.tickguard.testkit.SandboxServer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.CertificatePinner;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okhttp3.tls.HandshakeCertificates;

/** A raw OkHttp WebSocket to the sandbox over pinned TLS, collecting what the server sends. */
public final class WsProbe implements AutoCloseable {
  /** Generous: a condition, not a timing assertion. */
  private static final Duration WAIT = Duration.ofSeconds(30);

  public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
  public final BlockingQueue<String> closes = new LinkedBlockingQueue<>();
  private final OkHttpClient http;
  private final WebSocket socket;
  private final SandboxServer sandbox;

  public WsProbe(SandboxServer sandbox, String path) {
    this.sandbox = sandbox;
    HandshakeCertificates trust = new HandshakeCertificates.Builder()
        .addTrustedCertificate(sandbox.caCertificate()).build();
    http = new OkHttpClient.Builder()
        .sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
        .certificatePinner(new CertificatePinner.Builder().add("127.0.0.1", sandbox.pin()).build())
        .build();
    socket = http.newWebSocket(new Request.Builder().url(sandbox.url(path)).build(), new WebSocketListener() {
      @Override
      public void onMessage(WebSocket webSocket, String text) {
        messages.add(text);
      }

      @Override
      public void onClosing(WebSocket webSocket, int code, String reason) {
        closes.add(code + " " + reason);
        webSocket.close(1000, null);
      }

      @Override
      public void onFailure(WebSocket webSocket, Throwable t, Response response) {
        closes.add("failure " + t);
      }
    });
  }

  /** A plain GET on the same pinned client; the body as text. */
  public String get(String path) throws java.io.IOException {
    try (Response r = http.newCall(new Request.Builder().url(sandbox.url(path)).build()).execute()) {
      return r.body().string();
    }
  }

  public void send(String text) {
    socket.send(text);
  }

  /** The next message; fails when none comes within a generous bound. */
  public String next() throws InterruptedException {
    String m = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("no message from the sandbox");
    }
    return m;
  }

  public String nextClose() throws InterruptedException {
    String m = closes.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new AssertionError("the sandbox did not close the connection");
    }
    return m;
  }

  @Override
  public void close() {
    socket.cancel();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
