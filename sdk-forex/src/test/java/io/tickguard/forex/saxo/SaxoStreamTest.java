package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.testkit.saxo.SaxoStreaming;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saxo's streaming control flow against the sandbox: snapshot then deltas, {@code
 * _resetsubscriptions} answered with a new subscription, and a dropped connection resumed with the
 * last message id so that every price arrives exactly once. The sandbox sends only when the test
 * says; the test waits for events (never for a duration) with a generous bound.
 */
class SaxoStreamTest {
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");
  private static final Duration BOUND = Duration.ofSeconds(30);

  private final SaxoSandbox sandbox = new SaxoSandbox();
  private final SaxoClient saxo = sandbox.client(new InMemoryTokenStore());
  private final QuoteStreamOptions options = QuoteStreamOptions.defaults().withBuffer(10_000, Backpressure.FAIL);
  private SaxoStreaming server;
  private SaxoPriceStream stream;

  @BeforeEach
  void open() {
    saxo.login(sandbox.browser());
    server = sandbox.routes.streaming();
    stream = saxo.openStream(List.of(EURUSD), options, Optional.empty());
  }

  @AfterEach
  void close() {
    saxo.close();
    sandbox.close();
  }

  private QuoteEvent next() throws InterruptedException {
    return stream.poll(BOUND).orElseThrow(() -> new AssertionError("no stream event within " + BOUND));
  }

  private Quote nextPrice() throws InterruptedException {
    QuoteEvent e = next();
    assertThat(e).isInstanceOf(QuoteEvent.Price.class);
    return ((QuoteEvent.Price) e).quote();
  }

  /** Moves the market a second at a time until the sandbox has a price change to send. */
  private int publishAChange() {
    for (int i = 0; i < 100; i++) {
      sandbox.clock.advance(Duration.ofSeconds(1));
      int frames = server.publish();
      if (frames > 0) {
        return frames;
      }
    }
    throw new AssertionError("the simulated market did not move in 100 s");
  }

  @Test
  void snapshotThenDeltasAreMergedIntoFullQuotes() throws Exception {
    Quote snapshot = nextPrice();
    assertThat(snapshot.pair()).isEqualTo(EURUSD);

    publishAChange();
    Quote delta = nextPrice();
    assertThat(delta.time()).isAfter(snapshot.time());
    assertThat(delta.bid().scale()).isEqualTo(5);
    assertThat(server.subscriptions(stream.contextId())).containsExactly("q1");
  }

  @Test
  void resetSubscriptionsWithAnEmptyListRecreatesTheSubscriptionAndDeliversItsSnapshot() throws Exception {
    nextPrice();

    server.resetSubscriptions(stream.contextId(), List.of());
    Quote resnapshot = nextPrice();
    assertThat(resnapshot.pair()).isEqualTo(EURUSD);
    assertThat(server.subscriptions(stream.contextId())).containsExactly("q2");

    publishAChange();
    assertThat(nextPrice().pair()).isEqualTo(EURUSD);
    assertThat(server.connects(stream.contextId())).as("a reset needs no new connection").isEqualTo(1);
  }

  @Test
  void resetOfAnotherSubscriptionLeavesOursAlone() throws Exception {
    nextPrice();
    server.resetSubscriptions(stream.contextId(), List.of("someone-else"));
    publishAChange();
    nextPrice();
    assertThat(server.subscriptions(stream.contextId())).containsExactly("q1");
  }

  @Test
  void droppedConnectionResumesFromTheLastMessageIdAndNoPriceIsLostOrRepeated() throws Exception {
    nextPrice();
    for (int i = 0; i < 3; i++) {
      publishAChange();
      nextPrice();
    }
    String context = stream.contextId();
    long lastSeen = server.lastMessageId(context);

    server.dropConnection(context);
    // Produced while the client may still be away: the server keeps them for the resume.
    int produced = publishAChange() + publishAChange();

    QuoteEvent first = next();
    List<Quote> after = new ArrayList<>();
    if (first instanceof QuoteEvent.Price p) {
      after.add(p.quote()); // the client was already back: delivered live, not replayed
    } else {
      assertThat(first).isInstanceOfSatisfying(QuoteEvent.Gap.class,
          g -> assertThat(g.gap().connection()).isEqualTo(2));
      assertThat(stream.lastLoss()).contains(SaxoPriceStream.Loss.SERVER_CLOSED);
    }
    while (after.size() < produced) {
      QuoteEvent e = next();
      if (e instanceof QuoteEvent.Price p) {
        after.add(p.quote());
      }
    }
    assertThat(server.resumedFrom(context)).containsExactly(lastSeen);
    assertThat(server.connects(context)).isEqualTo(2);
    assertThat(after).extracting(Quote::time).isSorted().doesNotHaveDuplicates();
    assertThat(stream.reconnects()).isEqualTo(1);

    publishAChange();
    assertThat(nextPrice().time()).isAfter(after.get(after.size() - 1).time());
    assertThat(stream.poll(Duration.ZERO)).as("nothing delivered twice").isEmpty();
  }

  @Test
  void disconnectControlMessageMakesTheClientReconnectWithAFreshTokenAndTheLastMessageId() throws Exception {
    nextPrice();
    publishAChange();
    nextPrice();
    String context = stream.contextId();
    long lastSeen = server.lastMessageId(context);

    server.disconnect(context);

    QuoteEvent gap = next();
    assertThat(gap).isInstanceOfSatisfying(QuoteEvent.Gap.class,
        g -> assertThat(g.gap().connection()).isEqualTo(2));
    assertThat(stream.lastLoss()).contains(SaxoPriceStream.Loss.SERVER_CLOSED);
    publishAChange();
    assertThat(nextPrice().pair()).isEqualTo(EURUSD);
    assertThat(server.resumedFrom(context)).as("the _disconnect message itself was the last one seen")
        .containsExactly(lastSeen + 1);
  }

  @Test
  void aListenerGetsTheSnapshotOnTheDeliveryThreadAndTheEndAsAClosedSignal() throws Exception {
    java.util.concurrent.BlockingQueue<Object> seen = new java.util.concurrent.LinkedBlockingQueue<>();
    io.tickguard.forex.QuoteListener listener = new io.tickguard.forex.QuoteListener() {
      @Override
      public void onQuote(Quote quote) {
        seen.add(quote);
      }

      @Override
      public void onSignal(io.tickguard.core.stream.StreamSignal signal) {
        seen.add(signal);
      }
    };
    io.tickguard.forex.QuoteStream prices = saxo.streamQuotes(List.of(EURUSD), options, listener);

    Object first = seen.poll(BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    assertThat(first).isInstanceOfSatisfying(Quote.class, q -> assertThat(q.pair()).isEqualTo(EURUSD));
    assertThat(prices.state()).isEqualTo(io.tickguard.core.stream.StreamState.OPEN);
    assertThat(prices.connections()).isEqualTo(1);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> prices.poll(Duration.ZERO))
        .isInstanceOf(IllegalStateException.class);

    prices.close();
    Object next = seen.poll(BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    while (next instanceof Quote) {
      next = seen.poll(BOUND.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
    }
    assertThat(next).isEqualTo(new io.tickguard.core.stream.StreamSignal.Closed(Optional.empty()));
    assertThat(prices.state()).isEqualTo(io.tickguard.core.stream.StreamState.CLOSED);
  }
}
