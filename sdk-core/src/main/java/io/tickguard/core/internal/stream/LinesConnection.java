package io.tickguard.core.internal.stream;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.TickGuardException;
import io.tickguard.core.internal.pipeline.Pipeline;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An NDJSON connection: a streamed response whose body one reader thread of its own cuts into lines
 * ({@link LineSplitter}) and hands to the session. The reader only decodes and buffers, so a slow
 * consumer never holds it up. It has no outgoing direction.
 */
final class LinesConnection implements Connection {
  private final int number;
  private final Response response;
  private final okhttp3.Call call;
  private final ApiRequest request;
  private final Pipeline pipeline;
  private final ConnectionListener listener;
  private final int maxLineBytes;
  private final Thread reader;
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile boolean closing;

  LinesConnection(
      int number, Response response, okhttp3.Call call, ApiRequest request, Pipeline pipeline, ConnectionListener listener,
      int maxLineBytes, String threadName) {
    this.number = number;
    this.response = response;
    this.call = call;
    this.request = request;
    this.pipeline = pipeline;
    this.listener = listener;
    this.maxLineBytes = maxLineBytes;
    this.reader = new Thread(this::read, threadName);
    this.reader.setDaemon(true);
    this.reader.start();
  }

  @Override
  public int number() {
    return number;
  }

  @Override
  public int status() {
    return response.code();
  }

  @Override
  public boolean send(String text) {
    return false;
  }

  @Override
  public void startReading() {
    started.countDown();
  }

  private void read() {
    ResponseBody body = response.body();
    try {
      started.await();
      LineSplitter lines = new LineSplitter(body.source(), maxLineBytes);
      String line;
      while (!closing && (line = lines.next()) != null) {
        if (!line.isEmpty()) {
          listener.onText(this, line);
        }
      }
      if (!closing) {
        listener.onLost(this, "the provider ended the stream", null);
      }
    } catch (TickGuardException e) {
      if (!closing) {
        listener.onLost(this, "a streamed line was refused", e);
      }
    } catch (IOException e) {
      if (!closing) {
        listener.onLost(this, "the stream broke", pipeline.translate(e, request, response.request().url().host()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      response.close();
    }
  }

  /** Ends the connection without waiting for its reader (which may be the calling thread). */
  void abort() {
    closing = true;
    started.countDown();
    call.cancel();
  }

  @Override
  public void close() {
    closing = true;
    started.countDown();
    if (Thread.currentThread() != reader) {
      call.cancel(); // closes the socket: a read in progress ends with an IOException
      try {
        reader.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
