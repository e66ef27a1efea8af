package io.tickguard.forex.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.TickGuardException;
import io.tickguard.forex.Backpressure;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteListener;
import io.tickguard.forex.QuoteQueue;
import io.tickguard.forex.QuoteStatus;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOverflowException;
import io.tickguard.forex.QuoteStreaming;
import io.tickguard.forex.StreamGap;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class QuoteDispatcherTest {
  private static final Instant T = Instant.parse("2026-11-30T10:00:00Z");
  /** Only a guard against a hung test, never a timing assertion. */
  private static final long HANG_GUARD_SECONDS = 60;

  /** A stream whose "reader" is the test itself: it pushes events into the queue it was given. */
  private static final class ScriptedStreaming implements QuoteStreaming {
    QuoteQueue queue;
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public QuoteStream streamQuotes(Collection<CurrencyPair> pairs, QuoteQueue q) {
      this.queue = q;
      return new QuoteStream() {
        @Override
        public Set<CurrencyPair> pairs() {
          return Set.copyOf(pairs);
        }

        @Override
        public boolean isOpen() {
          return !closed.get();
        }

        @Override
        public long reconnects() {
          return 0;
        }

        @Override
        public void close() {
          if (closed.compareAndSet(false, true)) {
            q.onClosed(Optional.empty());
          }
        }
      };
    }
  }

  private static class Recorder implements QuoteListener {
    final List<Object> events = new ArrayList<>();
    final CountDownLatch closed = new CountDownLatch(1);
    volatile Optional<TickGuardException> cause;

    @Override
    public void onQuote(Quote quote) {
      events.add(quote);
    }

    @Override
    public void onGap(StreamGap gap) {
      events.add(gap);
    }

    @Override
    public void onClosed(Optional<TickGuardException> c) {
      cause = c;
      closed.countDown();
    }
  }

  private static Quote quote(int n) {
    return Quote.of(CurrencyPair.parse("EUR/USD"), new BigDecimal("1.0" + n), new BigDecimal("1.0" + n), T,
        QuoteStatus.TRADEABLE);
  }

  @Test
  void listenerGetsQuotesAndGapsInOrderThenClosedOnce() throws InterruptedException {
    ScriptedStreaming streaming = new ScriptedStreaming();
    Recorder recorder = new Recorder();
    QuoteStream stream = streaming.streamQuotes(List.of(CurrencyPair.parse("EUR/USD")), recorder, Backpressure.fail(10));
    StreamGap gap = new StreamGap(T, T.plusSeconds(12), StreamGap.Cause.MISSED_HEARTBEATS, 2);
    streaming.queue.onQuote(quote(1));
    streaming.queue.onGap(gap);
    streaming.queue.onQuote(quote(2));
    stream.close();
    assertThat(recorder.closed.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.events).containsExactly(quote(1), gap, quote(2));
    assertThat(recorder.cause).isEmpty();
    assertThat(stream.isOpen()).isFalse();
  }

  @Test
  void overflowUnderFailPolicyClosesTheStreamAndTellsTheListener() throws InterruptedException {
    ScriptedStreaming streaming = new ScriptedStreaming();
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch inFirst = new CountDownLatch(1);
    Recorder recorder = new Recorder() {
      @Override
      public void onQuote(Quote quote) {
        super.onQuote(quote);
        inFirst.countDown();
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    streaming.streamQuotes(List.of(CurrencyPair.parse("EUR/USD")), recorder, Backpressure.fail(1));
    streaming.queue.onQuote(quote(1));
    assertThat(inFirst.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    // The listener is stuck in quote 1: quote 2 fills the buffer, quote 3 overflows it.
    assertThat(streaming.queue.offer(new io.tickguard.forex.QuoteEvent.Price(quote(2)))).isTrue();
    assertThat(streaming.queue.offer(new io.tickguard.forex.QuoteEvent.Price(quote(3)))).isFalse();
    release.countDown();
    assertThat(recorder.closed.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.events).containsExactly(quote(1), quote(2));
    assertThat(recorder.cause).get().isInstanceOf(QuoteStreamOverflowException.class);
    assertThat(streaming.closed).isTrue();
  }

  @Test
  void aThrowingListenerEndsTheStreamWithTheCause() throws InterruptedException {
    ScriptedStreaming streaming = new ScriptedStreaming();
    Recorder recorder = new Recorder() {
      @Override
      public void onQuote(Quote quote) {
        throw new IllegalStateException("boom");
      }
    };
    streaming.streamQuotes(List.of(CurrencyPair.parse("EUR/USD")), recorder, Backpressure.dropOldest(4));
    streaming.queue.onQuote(quote(1));
    assertThat(recorder.closed.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).isTrue();
    assertThat(recorder.cause).get().extracting(Throwable::getCause).isInstanceOf(IllegalStateException.class);
    assertThat(streaming.closed).isTrue();
  }
}
