package io.tickguard.forex.oanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.stream.Backpressure;
import io.tickguard.core.stream.ReconnectPolicy;
import io.tickguard.core.stream.StreamClosedException;
import io.tickguard.core.stream.StreamIdleException;
import io.tickguard.core.stream.StreamOverflowException;
import io.tickguard.core.stream.StreamSignal;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.Quote;
import io.tickguard.forex.QuoteEvent;
import io.tickguard.forex.QuoteListener;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.forex.StreamGap;
import io.tickguard.testkit.ManualStreamScheduler;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.market.Instrument;
import io.tickguard.testkit.market.MarketSimulator;
import io.tickguard.testkit.oanda.OandaRoutes;
import io.tickguard.testkit.oanda.PricingScript;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OANDA pricing stream through the core session against the sandbox's scripted stream over
 * pinned TLS, on virtual time: a line split across chunks behind a gate, a stalled connection
 * (three missed heartbeats), a cut connection, and OANDA's reconnect snapshot repeating a price.
 * The script is the oracle: every price it sent arrives exactly once, whole, in order, and each
 * dead connection is reported as one gap. A consumer too slow for its buffer loses the oldest quotes
 * counted ({@code DROP_OLDEST}) or ends the stream typed ({@code FAIL}).
 */
class OandaStreamSandboxTest {
  /** Only a guard against a hung test; no assertion depends on it. */
  private static final long HANG_GUARD_SECONDS = 60;
  private static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");
  private static final CurrencyPair USD_JPY = CurrencyPair.parse("USD/JPY");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private final ManualStreamScheduler scheduler = new ManualStreamScheduler(clock);
  private final OandaRoutes routes = new OandaRoutes().scriptedStreams();
  private final BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
  private SandboxServer sandbox;
  private OandaClient client;

  @BeforeEach
  void start() {
    List<Instrument> instruments = new ArrayList<>(MarketSimulator.defaultInstruments());
    instruments.add(new Instrument("USD-JPY", new BigDecimal("149.500"), new BigDecimal("0.001"), new BigDecimal("1000"), 5_000, 0.007));
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).instruments(instruments).routes(routes).start();
    client = OandaClient.builder().config(sandbox.clientConfigBuilder().clock(clock).build())
        .credentials(OandaKeys.token(OandaRoutes.DEMO_TOKEN)).accountId(OandaRoutes.DEMO_ACCOUNT)
        .streamScheduler(scheduler).build();
  }

  @AfterEach
  void stop() {
    routes.stopStreams();
    client.close();
    sandbox.close();
  }

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

  private static String priceLine(Quote q, String instrument) {
    return "{\"type\":\"PRICE\",\"time\":\"" + RFC3339.format(q.time()) + "\",\"bids\":[{\"price\":\""
        + q.bid().toPlainString() + "\",\"liquidity\":10000000}],\"asks\":[{\"price\":\"" + q.ask().toPlainString()
        + "\",\"liquidity\":10000000}],\"closeoutBid\":\"" + q.bid().toPlainString() + "\",\"closeoutAsk\":\""
        + q.ask().toPlainString() + "\",\"status\":\"tradeable\",\"tradeable\":true,\"instrument\":\"" + instrument + "\"}\n";
  }

  @Test
  void streamSurvivesASplitLineMissedHeartbeatsAndADropWithoutDuplicatedLostOrHalfParsedPrices() throws Exception {
    CountDownLatch secondHalf = new CountDownLatch(1);
    routes.enqueue(PricingScript.create().price("EUR_USD").heartbeat().splitPrice("USD_JPY", 37, secondHalf).stall());
    QuoteStreamOptions options = QuoteStreamOptions.defaults().withBuffer(64, Backpressure.FAIL).withReconnect(
        ReconnectPolicy.builder().baseDelay(Duration.ofMillis(500)).maxDelay(Duration.ofSeconds(2))
            .random(new SplittableRandom(12)).build());
    List<Quote> quotes = new ArrayList<>();
    try (QuoteStream stream = client.streamQuotes(List.of(EUR_USD, USD_JPY), options, recorder)) {
      assertThat(next(StreamSignal.Connected.class).connection()).isEqualTo(1);
      Instant t0 = clock.instant();
      quotes.add(next(Quote.class));
      assertThat(quotes.get(0).pair()).isEqualTo(EUR_USD);
      assertThat(quotes.get(0).time()).isEqualTo(t0);
      // Half of the USD/JPY line is on the wire: nothing may come out of it yet.
      assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).isNull();
      secondHalf.countDown();
      quotes.add(next(Quote.class));
      assertThat(quotes.get(1).pair()).isEqualTo(USD_JPY);
      assertThat(quotes.get(1).bid()).isEqualTo(sandbox.market().ticker("USD-JPY").bid());

      // Connection 1 stalls. Three heartbeat intervals of silence declare it dead.
      routes.enqueue(PricingScript.create().price("EUR_USD").cut());
      scheduler.advance(Duration.ofSeconds(14));
      assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).as("14 s of silence is not yet dead").isNull();
      scheduler.advance(Duration.ofSeconds(1));
      StreamSignal.Disconnected idle = next(StreamSignal.Disconnected.class);
      assertThat(idle.cause()).get().isInstanceOf(StreamIdleException.class);
      StreamSignal.Reconnecting wait1 = next(StreamSignal.Reconnecting.class);
      scheduler.advance(wait1.delay());
      assertThat(next(StreamSignal.Connected.class).connection()).isEqualTo(2);
      StreamGap gap1 = next(StreamGap.class);
      assertThat(gap1.connection()).isEqualTo(2);
      assertThat(gap1.lastMessage()).isEqualTo(t0);
      assertThat(gap1.resumed()).isEqualTo(clock.instant());
      Quote eur2 = next(Quote.class);
      quotes.add(eur2);
      assertThat(eur2.time()).isAfter(t0);

      // Connection 2 is cut mid-stream. Connection 3 opens with OANDA's snapshot, which repeats the
      // EUR/USD price connection 2 already delivered, then goes on.
      routes.enqueue(PricingScript.create().raw(priceLine(eur2, "EUR_USD")).heartbeat().price("USD_JPY").stall());
      StreamSignal.Disconnected cut = next(StreamSignal.Disconnected.class);
      assertThat(cut.connection()).isEqualTo(2);
      StreamSignal.Reconnecting wait2 = next(StreamSignal.Reconnecting.class);
      scheduler.advance(wait2.delay());
      assertThat(next(StreamSignal.Connected.class).connection()).isEqualTo(3);
      StreamGap gap2 = next(StreamGap.class);
      assertThat(gap2.connection()).isEqualTo(3);
      assertThat(gap2.lastMessage()).isEqualTo(eur2.time());
      Quote jpy3 = next(Quote.class);
      quotes.add(jpy3);
      assertThat(jpy3.pair()).as("the repeated EUR/USD snapshot is not delivered twice").isEqualTo(USD_JPY);
      assertThat(seen.poll(200, TimeUnit.MILLISECONDS)).isNull();
      assertThat(stream.connections()).isEqualTo(3);
      assertThat(stream.droppedEvents()).isZero();
    }
    assertThat(quotes).extracting(Quote::pair).containsExactly(EUR_USD, USD_JPY, EUR_USD, USD_JPY);
    assertThat(quotes).allSatisfy(q -> assertThat(q.bid()).isLessThanOrEqualTo(q.ask()));
    assertThat(routes.streamConnections()).isEqualTo(3);
    assertThat(client.openStreams()).isZero();
  }

  @Test
  void reconnectPolicyOfTheOptionsIsHonouredAStreamWithNoReconnectsEndsAtTheFirstCut() throws Exception {
    routes.enqueue(PricingScript.create().price("EUR_USD").cut());
    QuoteStreamOptions options = QuoteStreamOptions.defaults().withReconnect(ReconnectPolicy.none());
    try (QuoteStream stream = client.streamQuotes(List.of(EUR_USD), options, recorder)) {
      assertThat(next(StreamSignal.Connected.class).connection()).isEqualTo(1);
      assertThat(next(Quote.class).pair()).isEqualTo(EUR_USD);
      assertThat(next(StreamSignal.Disconnected.class).connection()).isEqualTo(1);
      assertThat(next(StreamSignal.Closed.class).failure()).as("no reconnect allowed: the stream ends failed").isPresent();
      assertThat(stream.state().isFinal()).isTrue();
      assertThat(stream.connections()).isEqualTo(1);
    }
    assertThat(routes.streamConnections()).isEqualTo(1);
  }

  /** Waits for the stream's reader to reach {@code done}; only a hang guard bounds it, no assertion depends on time. */
  private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
    long guard = System.nanoTime() + TimeUnit.SECONDS.toNanos(HANG_GUARD_SECONDS);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime() - guard).as("still waiting for " + what).isNegative();
      Thread.sleep(5);
    }
  }

  private static Quote quoteOf(java.util.Optional<QuoteEvent> event) {
    assertThat(event).get().isInstanceOf(QuoteEvent.Price.class);
    return ((QuoteEvent.Price) event.get()).quote();
  }

  private static CurrencyPair pairOf(java.util.Optional<QuoteEvent> event) {
    return quoteOf(event).pair();
  }

  @Test
  void slowConsumerWithDropOldestKeepsTheNewestQuotesAndCountsEveryDrop() throws Exception {
    // Five EUR/USD prices, each newer than the last (OANDA's snapshot repeats are skipped, not dropped).
    PricingScript script = PricingScript.create();
    List<Quote> sent = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Quote q = Quote.of(EUR_USD, new BigDecimal("1.0800" + i), new BigDecimal("1.0810" + i),
          clock.instant().minusSeconds(6 - i), io.tickguard.forex.QuoteStatus.TRADEABLE);
      sent.add(q);
      script.raw(priceLine(q, "EUR_USD"));
    }
    routes.enqueue(script.heartbeat().stall());
    QuoteStreamOptions options = QuoteStreamOptions.defaults().withBuffer(2, Backpressure.DROP_OLDEST);
    try (QuoteStream stream = client.streamQuotes(List.of(EUR_USD), options)) {
      // The consumer takes nothing while five quotes arrive: the three oldest cannot be kept.
      await(() -> stream.droppedEvents() == 3, "three dropped quotes");
      Quote first = quoteOf(stream.poll(Duration.ofSeconds(HANG_GUARD_SECONDS)));
      Quote second = quoteOf(stream.poll(Duration.ofSeconds(HANG_GUARD_SECONDS)));
      assertThat(List.of(first.bid(), second.bid())).as("the two newest, in order")
          .containsExactly(sent.get(3).bid(), sent.get(4).bid());
      assertThat(List.of(first.time(), second.time())).containsExactly(sent.get(3).time(), sent.get(4).time());
      assertThat(stream.poll(Duration.ofMillis(200))).as("nothing else was kept").isEmpty();
      assertThat(stream.droppedEvents()).isEqualTo(3);
      assertThat(stream.state()).as("dropping is not failing").isEqualTo(io.tickguard.core.stream.StreamState.OPEN);
    }
    assertThat(routes.streamConnections()).isEqualTo(1);
  }

  @Test
  void slowConsumerWithFailEndsTheStreamTypedAndLosesNothingSilently() throws Exception {
    CurrencyPair gbpUsd = CurrencyPair.parse("GBP/USD");
    routes.enqueue(PricingScript.create().price("EUR_USD").price("GBP_USD").price("USD_JPY").stall());
    QuoteStreamOptions options = QuoteStreamOptions.defaults().withBuffer(2, Backpressure.FAIL);
    try (QuoteStream stream = client.streamQuotes(List.of(EUR_USD, gbpUsd, USD_JPY), options)) {
      await(() -> stream.state() == io.tickguard.core.stream.StreamState.FAILED, "the overflow");
      assertThat(stream.failure()).get().isInstanceOfSatisfying(StreamOverflowException.class,
          e -> assertThat(e.getMessage()).contains("Backpressure.FAIL"));
      assertThat(stream.droppedEvents()).as("FAIL never drops").isZero();
      // What was buffered before the overflow is still delivered, in order; then the stream says it ended.
      assertThat(pairOf(stream.poll(Duration.ofSeconds(HANG_GUARD_SECONDS)))).isEqualTo(EUR_USD);
      assertThat(pairOf(stream.poll(Duration.ofSeconds(HANG_GUARD_SECONDS)))).isEqualTo(gbpUsd);
      assertThatThrownBy(() -> stream.poll(Duration.ofSeconds(1))).isInstanceOf(StreamClosedException.class);
      assertThat(stream.connections()).as("an overflow is not a reason to reconnect").isEqualTo(1);
    }
    assertThat(routes.streamConnections()).isEqualTo(1);
  }
}
