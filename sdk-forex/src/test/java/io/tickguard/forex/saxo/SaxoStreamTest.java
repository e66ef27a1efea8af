package io.tickguard.forex.saxo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.OpenReason;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.token.InMemoryTokenStore;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteListener;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.forex.StreamGap;
import io.tickguard.testkit.ManualStreamScheduler;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.saxo.SaxoStreaming;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Saxo's stream on the core stream session, against the sandbox over pinned TLS: the connect passes
 * the pipeline (audited, throttled, refused over the limit), snapshot then deltas, {@code
 * _resetsubscriptions} answered with a new subscription and a gap saying so, a dropped connection
 * and {@code _disconnect} resumed with the last message id, and a token refresh that re-authorizes
 * the socket without dropping it. Timers run on a manual scheduler whose clock is not the sandbox's:
 * backoff and resubscription run when the test says; the test waits for events (never for a
 * duration) with a bound that only stops a hung test.
 */
class SaxoStreamTest {
  private static final CurrencyPair EURUSD = CurrencyPair.of("EUR", "USD");
  private static final long HANG_GUARD_SECONDS = 60;

  private final SaxoSandbox sandbox = new SaxoSandbox();
  private final ManualStreamScheduler scheduler = new ManualStreamScheduler(new MutableClock(Instant.parse("2024-01-01T00:00:00Z")));
  private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
  private final QuoteStreamOptions options = QuoteStreamOptions.defaults().withBuffer(10_000, Backpressure.FAIL)
      .withReconnect(ReconnectPolicy.builder().baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(2))
          .random(new SplittableRandom(7)).build());
  private SaxoClient saxo;

  private final QuoteListener recorder = new QuoteListener() {
    @Override
    public void onQuote(Quote quote) {
      seen.add(quote);
    }

    @Override
    public void onGap(StreamGap gap) {
      seen.add(gap);
    }

    @Override
    public void onSignal(StreamSignal signal) {
      seen.add(signal);
    }
  };

  private SaxoClient client(SaxoClient.Builder builder) {
    saxo = builder.streamScheduler(scheduler).build();
    saxo.login(sandbox.browser());
    return saxo;
  }

  private SaxoClient client() {
    return client(sandbox.builder(new InMemoryTokenStore()));
  }

  @AfterEach
  void close() {
    if (saxo != null) {
      saxo.close();
    }
    sandbox.close();
  }

  private Object next() throws InterruptedException {
    Object o = seen.poll(HANG_GUARD_SECONDS, TimeUnit.SECONDS);
    assertThat(o).as("the stream delivered nothing more").isNotNull();
    return o;
  }

  private <T> T next(Class<T> type) throws InterruptedException {
    Object o = next();
    assertThat(o).isInstanceOf(type);
    return type.cast(o);
  }

  private SaxoStreaming server() {
    return sandbox.routes.streaming();
  }

  private String onlyContext() {
    assertThat(server().contextIds()).hasSize(1);
    return server().contextIds().get(0);
  }

  /** Moves the market a second at a time until the sandbox has a price change to send. */
  private int publishAChange() {
    for (int i = 0; i < 100; i++) {
      sandbox.clock.advance(Duration.ofSeconds(1));
      int frames = server().publish();
      if (frames > 0) {
        return frames;
      }
    }
    throw new AssertionError("the simulated market did not move in 100 s");
  }

  /** Opens a stream and takes its snapshot and its first Connected signal. */
  private QuoteStream open() throws InterruptedException {
    QuoteStream stream = client().streamQuotes(List.of(EURUSD), options, recorder);
    assertThat(next(Quote.class).pair()).as("the snapshot precedes the first decoded message").isEqualTo(EURUSD);
    assertThat(next(StreamSignal.Connected.class)).isEqualTo(new StreamSignal.Connected(1, OpenReason.FIRST));
    return stream;
  }

  @Test
  void snapshotThenDeltasAreMergedIntoFullQuotes() throws Exception {
    try (QuoteStream stream = open()) {
      publishAChange();
      Quote delta = next(Quote.class);
      assertThat(delta.pair()).isEqualTo(EURUSD);
      assertThat(delta.bid().scale()).isEqualTo(5);
      assertThat(server().subscriptions(onlyContext())).containsExactly("q1");
      assertThat(stream.connections()).isEqualTo(1);
    }
    assertThat(server().subscriptions(onlyContext())).as("closing removes the subscription").isEmpty();
  }

  @Test
  void connectIsAuditedAndThrottledAndAConnectOverTheLimitIsRefusedBeforeReachingSaxo() throws Exception {
    // Saxo's published limits, with the streaming service group cut to one request a minute.
    LimitPreset oneStreamingCall = new LimitPreset("saxo-test", List.of(
        RateLimit.fixedWindow(SaxoLimits.TRADE, 120, Duration.ofMinutes(1)).countingRequests(),
        RateLimit.fixedWindow(SaxoLimits.REF, 120, Duration.ofMinutes(1)).countingRequests(),
        RateLimit.fixedWindow(SaxoLimits.STREAMING, 1, Duration.ofMinutes(1)).countingRequests()), List.of(), "test");
    Logger audit = (Logger) LoggerFactory.getLogger("io.tickguard.audit");
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Level previous = audit.getLevel();
    audit.setLevel(Level.INFO);
    audit.addAppender(lines);
    try {
      client(sandbox.builder(new InMemoryTokenStore())
          .throttle(InProcessThrottle.builder(oneStreamingCall).clock(sandbox.clock).maxWait(Duration.ZERO).build()));
      try (QuoteStream first = saxo.streamQuotes(List.of(EURUSD), options, recorder)) {
        assertThat(next(Quote.class).pair()).isIn(first.pairs());
        assertThatThrownBy(() -> saxo.streamQuotes(List.of(EURUSD), options, recorder))
            .isInstanceOf(RateLimitedException.class);
        assertThat(server().contextIds()).as("the refused connect never reached the server").hasSize(1);
        assertThat(server().connects(onlyContext())).isEqualTo(1);
      }
    } finally {
      audit.detachAppender(lines);
      audit.setLevel(previous);
    }
    List<String> connects = new ArrayList<>();
    synchronized (lines) {
      for (ILoggingEvent e : lines.list) {
        if (e.getKeyValuePairs() != null && e.getKeyValuePairs().stream().anyMatch(kv -> "saxo.streaming.connect".equals(kv.value))) {
          connects.add(e.getKeyValuePairs().stream().filter(kv -> kv.key.equals("stream")).map(kv -> String.valueOf(kv.value))
              .findFirst().orElse("?"));
        }
      }
    }
    assertThat(connects).as("audit lines of the connect endpoint").startsWith("CONNECTED").contains("CONNECT_FAILED");
  }

  @Test
  void resetSubscriptionsWithAnEmptyListRecreatesTheSubscriptionAndReportsAGapWithItsCause() throws Exception {
    try (QuoteStream stream = open()) {
      String context = onlyContext();
      int timers = scheduler.pending();
      server().resetSubscriptions(context, List.of());
      scheduler.awaitPending(timers + 1);
      scheduler.runDue();

      StreamGap gap = next(StreamGap.class);
      assertThat(gap.cause()).isEqualTo(StreamGap.Cause.SUBSCRIPTION_RESET);
      assertThat(gap.connection()).isEqualTo(1);
      assertThat(next(Quote.class).pair()).as("the new subscription's snapshot").isEqualTo(EURUSD);
      assertThat(next(StreamSignal.Resubscribed.class).reason()).contains("_resetsubscriptions");
      assertThat(server().subscriptions(context)).containsExactly("q2");

      publishAChange();
      assertThat(next(Quote.class).pair()).isEqualTo(EURUSD);
      assertThat(server().connects(context)).as("a reset needs no new connection").isEqualTo(1);
      assertThat(stream.connections()).isEqualTo(1);
    }
  }

  @Test
  void resetOfAnotherSubscriptionLeavesOursAlone() throws Exception {
    try (QuoteStream stream = open()) {
      int timers = scheduler.pending();
      server().resetSubscriptions(onlyContext(), List.of("someone-else"));
      publishAChange();
      assertThat(next(Quote.class).pair()).isEqualTo(EURUSD);
      assertThat(scheduler.pending()).as("no resubscription was scheduled").isEqualTo(timers);
      assertThat(server().subscriptions(onlyContext())).containsExactly("q1");
      assertThat(stream.droppedEvents()).isZero();
    }
  }

  @Test
  void droppedConnectionResumesFromTheLastMessageIdAndNoPriceIsLostOrRepeated() throws Exception {
    try (QuoteStream stream = open()) {
      List<Quote> before = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        publishAChange();
        before.add(next(Quote.class));
      }
      String context = onlyContext();
      long lastSeen = server().lastMessageId(context);

      server().dropConnection(context);
      assertThat(next(StreamSignal.Disconnected.class).connection()).isEqualTo(1);
      StreamSignal.Reconnecting wait = next(StreamSignal.Reconnecting.class);
      // Produced while the client is away: the server keeps them for the resume.
      int produced = publishAChange() + publishAChange();
      scheduler.advance(wait.delay());

      StreamGap gap = next(StreamGap.class); // emitted as the connection opens, before its Connected signal
      assertThat(gap.cause()).isEqualTo(StreamGap.Cause.CONNECTION_LOST);
      assertThat(gap.connection()).isEqualTo(2);
      assertThat(next(StreamSignal.Connected.class)).isEqualTo(new StreamSignal.Connected(2, OpenReason.RECONNECT));
      List<Quote> after = new ArrayList<>();
      while (after.size() < produced) {
        after.add(next(Quote.class));
      }
      assertThat(server().resumedFrom(context)).containsExactly(lastSeen);
      assertThat(server().connects(context)).isEqualTo(2);
      assertThat(after).extracting(Quote::time).isSorted().doesNotHaveDuplicates();
      assertThat(after.get(0).time()).isAfter(before.get(before.size() - 1).time());

      publishAChange();
      assertThat(next(Quote.class).time()).isAfter(after.get(after.size() - 1).time());
      assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).as("nothing delivered twice").isNull();
      assertThat(stream.connections()).isEqualTo(2);
    }
  }

  @Test
  void disconnectControlMessageReconnectsFromItsOwnMessageIdAndTheGapSaysSaxoAskedForIt() throws Exception {
    try (QuoteStream stream = open()) {
      publishAChange();
      next(Quote.class);
      String context = onlyContext();
      long lastSeen = server().lastMessageId(context);

      server().disconnect(context);
      assertThat(next(StreamSignal.Disconnected.class).reason()).contains("_disconnect");
      scheduler.advance(next(StreamSignal.Reconnecting.class).delay());
      StreamGap gap = next(StreamGap.class);
      assertThat(gap.cause()).isEqualTo(StreamGap.Cause.PROVIDER_DISCONNECT);
      assertThat(next(StreamSignal.Connected.class).connection()).isEqualTo(2);
      publishAChange();
      assertThat(next(Quote.class).pair()).isEqualTo(EURUSD);
      assertThat(server().resumedFrom(context)).as("the _disconnect message itself was the last one seen")
          .containsExactly(lastSeen + 1);
      assertThat(stream.connections()).isEqualTo(2);
    }
  }

  @Test
  void tokenRefreshReauthorizesTheOpenSocketWhichOutlivesTheOldToken() throws Exception {
    try (QuoteStream stream = open()) {
      String context = onlyContext();
      int timers = scheduler.pending();
      sandbox.clock.advance(Duration.ofMinutes(18).plusSeconds(1)); // inside the 2-minute refresh margin
      saxo.quote(EURUSD); // refreshes the token; the stream's token listener asks the session to re-authorize
      scheduler.awaitPending(timers + 1);
      scheduler.runDue();
      assertThat(server().reauthorizations(context)).isEqualTo(1);

      sandbox.clock.advance(Duration.ofMinutes(2)); // the token the socket connected with has expired
      publishAChange();
      assertThat(next(Quote.class).pair()).isEqualTo(EURUSD);
      assertThat(server().disconnectsSent(context)).isZero();
      assertThat(server().connects(context)).isEqualTo(1);
      assertThat(stream.connections()).isEqualTo(1);
    }
  }

  @Test
  void reconnectPolicyOfTheOptionsIsHonouredAStreamWithNoReconnectsEndsAtTheFirstDrop() throws Exception {
    QuoteStream stream = client().streamQuotes(List.of(EURUSD), options.withReconnect(ReconnectPolicy.none()), recorder);
    next(Quote.class);
    next(StreamSignal.Connected.class);
    server().dropConnection(onlyContext());
    assertThat(next(StreamSignal.Disconnected.class).connection()).isEqualTo(1);
    StreamSignal.Closed closed = next(StreamSignal.Closed.class);
    assertThat(closed.failure()).isPresent();
    assertThat(stream.state().isFinal()).isTrue();
    assertThat(server().connects(onlyContext())).isEqualTo(1);
    stream.close();
  }
}
