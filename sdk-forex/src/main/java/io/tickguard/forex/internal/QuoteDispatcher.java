package io.tickguard.forex.internal;

import io.tickguard.core.TickGuardException;
import io.tickguard.forex.Backpressure;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteListener;
import io.tickguard.forex.QuoteQueue;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOverflowException;
import io.tickguard.forex.QuoteStreaming;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * Delivers a stream's {@link QuoteQueue} to a {@link QuoteListener} on one daemon thread, so the
 * listener is never called on the socket's reader thread. A listener that throws ends the stream:
 * nothing after a failed delivery could be trusted to be in order.
 */
public final class QuoteDispatcher implements QuoteStream {
  private final QuoteStream stream;
  private final QuoteQueue queue;
  private final QuoteListener listener;

  private QuoteDispatcher(QuoteStream stream, QuoteQueue queue, QuoteListener listener) {
    this.stream = stream;
    this.queue = queue;
    this.listener = listener;
  }

  /** Opens {@code pairs} on {@code streaming} and starts delivering to {@code listener}. */
  public static QuoteStream start(
      QuoteStreaming streaming, Collection<CurrencyPair> pairs, QuoteListener listener, Backpressure backpressure) {
    Checks.present(listener, "listener");
    QuoteQueue queue = new QuoteQueue(Checks.present(backpressure, "backpressure"));
    QuoteStream stream = streaming.streamQuotes(pairs, queue);
    QuoteDispatcher dispatcher = new QuoteDispatcher(stream, queue, listener);
    Thread thread = new Thread(dispatcher::run, "tickguard-quote-dispatch");
    thread.setDaemon(true);
    thread.start();
    return dispatcher;
  }

  private void run() {
    try {
      while (true) {
        QuoteEvent event = queue.take();
        if (event instanceof QuoteEvent.Price p) {
          listener.onQuote(p.quote());
        } else if (event instanceof QuoteEvent.Gap g) {
          listener.onGap(g.gap());
        } else if (event instanceof QuoteEvent.End e) {
          listener.onClosed(e.cause());
          return;
        }
      }
    } catch (QuoteStreamOverflowException e) {
      stream.close();
      listener.onClosed(Optional.of(e));
    } catch (InterruptedException e) {
      stream.close();
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      stream.close();
      listener.onClosed(Optional.of(new TickGuardException(
          "QuoteListener threw " + e.getClass().getName() + "; the stream was closed", e)));
    }
  }

  @Override
  public Set<CurrencyPair> pairs() {
    return stream.pairs();
  }

  @Override
  public boolean isOpen() {
    return stream.isOpen();
  }

  @Override
  public long reconnects() {
    return stream.reconnects();
  }

  @Override
  public void close() {
    stream.close();
  }
}
