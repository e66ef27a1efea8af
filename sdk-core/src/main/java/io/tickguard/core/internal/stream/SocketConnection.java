package io.tickguard.core.internal.stream;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.TransportException;
import io.tickguard.core.internal.pipeline.Pipeline;
import io.tickguard.core.stream.MessageTooLargeException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.HttpUrl;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * A WebSocket connection on the client's own OkHttp client, so its TLS settings and pins apply to
 * the handshake. OkHttp's reader thread calls this listener; it only checks the size, decodes and
 * buffers (through the session), so a slow consumer never holds it up. Until the session has sent
 * its subscribe messages, the reader waits in {@link #onOpen}: no message is decoded before the
 * protocol was told about the new connection.
 */
final class SocketConnection extends WebSocketListener implements Connection {
  private final int number;
  private final ApiRequest request;
  private final Pipeline pipeline;
  private final ConnectionListener listener;
  private final int maxMessageBytes;
  private final CompletableFuture<Response> opened = new CompletableFuture<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile Pipeline.OpenedSocket socket;
  private volatile boolean closing;
  private volatile boolean cancelled;
  private volatile int status;
  private String host = "";

  SocketConnection(int number, ApiRequest request, Pipeline pipeline, ConnectionListener listener, int maxMessageBytes) {
    this.number = number;
    this.request = request;
    this.pipeline = pipeline;
    this.listener = listener;
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Opens the socket through the pipeline and waits until the upgrade succeeded or failed.
   *
   * @return how long the connect waited for the connect limit
   * @throws TickGuardException typed: what refused or broke the connect
   */
  Duration open(HttpUrl baseUrl, io.tickguard.core.throttle.Throttle connects, Duration bound) {
    this.host = baseUrl.host();
    Pipeline.OpenedSocket opening = pipeline.openWebSocket(request, baseUrl, connects, this);
    this.socket = opening;
    try {
      Response response = opened.get(bound.toMillis(), TimeUnit.MILLISECONDS);
      status = response.code();
      return opening.throttleWait();
    } catch (ExecutionException e) {
      opening.socket().cancel();
      throw typed(e.getCause());
    } catch (TimeoutException e) {
      opening.socket().cancel();
      throw new TransportException(
          "WebSocket connect to " + host + " for " + request.endpoint().name() + " did not complete within "
              + bound + ": check the network, or raise connectTimeout/readTimeout", e);
    } catch (InterruptedException e) {
      opening.socket().cancel();
      Thread.currentThread().interrupt();
      throw new TransportException("Interrupted while connecting the WebSocket " + request.endpoint().name(), e);
    }
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public boolean send(String text) {
    Pipeline.OpenedSocket s = socket;
    return s != null && !closing && s.socket().send(text);
  }

  @Override
  public void startReading() {
    started.countDown();
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    opened.complete(response);
    try {
      started.await(); // the session sends its subscribe messages first
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void onMessage(WebSocket webSocket, String text) {
    if (closing) {
      return;
    }
    if (text.length() > maxMessageBytes || Utf8.length(text) > maxMessageBytes) {
      lost("a message was too large", tooLarge());
      return;
    }
    listener.onText(this, text);
  }

  @Override
  public void onMessage(WebSocket webSocket, ByteString bytes) {
    if (closing) {
      return;
    }
    if (bytes.size() > maxMessageBytes) {
      lost("a message was too large", tooLarge());
      return;
    }
    listener.onBinary(this, bytes.asByteBuffer());
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(1000, null);
    if (!closing) {
      // The reason is the provider's text: not echoed (it could quote request data).
      lost("the provider closed the WebSocket with code " + code, null);
    }
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    ended.countDown();
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable t, Response response) {
    ended.countDown();
    if (!opened.isDone()) {
      opened.completeExceptionally(t);
      return;
    }
    if (!closing) {
      lost("the WebSocket broke", typed(t));
    }
  }

  private void lost(String reason, TickGuardException cause) {
    closing = true;
    cancelled = true;
    Pipeline.OpenedSocket s = socket;
    if (s != null) {
      s.socket().cancel();
    }
    listener.onLost(this, reason, cause);
  }

  private MessageTooLargeException tooLarge() {
    return new MessageTooLargeException(
        "A WebSocket message is longer than maxMessageBytes " + maxMessageBytes
            + "; the connection is dropped. Raise the stream's maxMessageBytes only if the provider"
            + " documents messages that large", maxMessageBytes);
  }

  private TickGuardException typed(Throwable t) {
    if (t instanceof TickGuardException e) {
      return e;
    }
    if (t instanceof IOException io) {
      return pipeline.translate(io, request, host);
    }
    return new TransportException("WebSocket " + request.endpoint().name() + " failed", t);
  }

  /**
   * Sends a normal close (1000) and waits, up to {@code bound}, for the provider's answer; then
   * cancels whatever is left, so no socket stays open. {@link Duration#ZERO}: cancel at once (a
   * dead or dropped connection).
   */
  void close(Duration bound) {
    closing = true;
    started.countDown();
    Pipeline.OpenedSocket s = socket;
    if (s == null || cancelled) {
      return;
    }
    if (!bound.isZero() && s.socket().close(1000, "client closed the stream")) {
      try {
        ended.await(bound.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    cancelled = true;
    s.socket().cancel();
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }
}
