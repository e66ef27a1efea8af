package io.tickguard.forex.oanda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickguard.core.ApiRequest;
import io.tickguard.core.RateLimitedException;
import io.tickguard.core.stream.StreamState;
import io.tickguard.core.throttle.InProcessThrottle;
import io.tickguard.core.throttle.LimitPreset;
import io.tickguard.core.throttle.RateLimit;
import io.tickguard.core.throttle.Throttle;
import io.tickguard.forex.CurrencyPair;
import io.tickguard.forex.QuoteStream;
import io.tickguard.forex.QuoteStreamOptions;
import io.tickguard.forex.oanda.internal.OandaEndpoints;
import io.tickguard.testkit.ManualStreamScheduler;
import io.tickguard.testkit.MutableClock;
import io.tickguard.testkit.SandboxServer;
import io.tickguard.testkit.oanda.OandaRoutes;
import io.tickguard.testkit.oanda.PricingScript;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * OANDA's published limits as the client applies them, on virtual time: 120 REST requests per
 * second ({@link OandaLimits#rest()}), at most 20 open streams (the 21st refused before connecting),
 * and 2 new stream connections per second (a third connect within the second waits for its permit).
 * The streams run against the sandbox's {@link OandaRoutes}, which counts the connects it accepted.
 */
class OandaLimitsTest {
  private static final CurrencyPair EUR_USD = CurrencyPair.parse("EUR/USD");

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:10Z"));
  private final ManualStreamScheduler scheduler = new ManualStreamScheduler(clock);
  private final OandaRoutes routes = new OandaRoutes().scriptedStreams();
  /** Every wait of the stream-connect throttle; waiting advances the virtual clock instead of sleeping. */
  private final List<Duration> connectWaits = new CopyOnWriteArrayList<>();
  private SandboxServer sandbox;
  private OandaClient client;

  @BeforeEach
  void start() {
    sandbox = SandboxServer.builder().clock(clock).demoRoutes(false).routes(routes).start();
    Throttle connects = InProcessThrottle.builder("oanda-stream-connects").limit(OandaLimits.streamConnectLimit())
        .clock(clock).sleeper(d -> {
          connectWaits.add(d);
          clock.advance(d);
        }).maxWait(Duration.ofSeconds(30)).build();
    client = OandaClient.builder().config(sandbox.clientConfigBuilder().clock(clock).build())
        .credentials(OandaKeys.token(OandaRoutes.DEMO_TOKEN)).accountId(OandaRoutes.DEMO_ACCOUNT)
        .streamScheduler(scheduler).streamConnects(connects).build();
  }

  @AfterEach
  void stop() {
    routes.stopStreams();
    client.close();
    sandbox.close();
  }

  private QuoteStream open() {
    routes.enqueue(PricingScript.create().price("EUR_USD").stall());
    return client.streamQuotes(List.of(EUR_USD), QuoteStreamOptions.defaults());
  }

  @Test
  void restPresetIs120RequestsPerSecondAndThe121stWaitsForTheNextSecond() {
    LimitPreset rest = OandaLimits.rest();
    assertThat(rest.limits()).singleElement().satisfies(l -> {
      assertThat(l.limit()).isEqualTo(120L);
      assertThat(l.interval()).isEqualTo(Duration.ofSeconds(1));
    });
    InProcessThrottle throttle = InProcessThrottle.builder(rest).clock(clock).maxWait(Duration.ZERO).build();
    ApiRequest pricing = OandaEndpoints.PRICING.request().path("accountID", OandaRoutes.DEMO_ACCOUNT)
        .query("instruments", "EUR_USD").build();
    ApiRequest candles = OandaEndpoints.CANDLES.request().path("instrument", "EUR_USD").query("price", "M")
        .query("granularity", "M1").build();
    for (int i = 0; i < 60; i++) {
      assertThat(throttle.acquire(pricing)).isZero();
      assertThat(throttle.acquire(candles)).as("every endpoint counts against the one budget").isZero();
    }
    assertThatThrownBy(() -> throttle.acquire(pricing)).isInstanceOfSatisfying(RateLimitedException.class, e -> {
      assertThat(e.clientSide()).isTrue();
      assertThat(e.window()).isEqualTo(OandaLimits.REQUESTS + "/1s");
    });
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.acquire(pricing)).isZero();
  }

  @Test
  void twentyStreamsOpenAndThe21stIsRefusedBeforeConnecting() {
    List<QuoteStream> streams = new ArrayList<>();
    try {
      for (int i = 0; i < OandaLimits.MAX_STREAMS; i++) {
        streams.add(open());
      }
      assertThat(streams).allSatisfy(s -> assertThat(s.state()).isEqualTo(StreamState.OPEN));
      assertThat(client.openStreams()).isEqualTo(20);

      routes.enqueue(PricingScript.create().price("EUR_USD").stall());
      assertThatThrownBy(() -> client.streamQuotes(List.of(EUR_USD), QuoteStreamOptions.defaults()))
          .isInstanceOfSatisfying(RateLimitedException.class, e -> {
            assertThat(e.clientSide()).isTrue();
            assertThat(e.window()).isEqualTo("STREAMS");
            assertThat(e.getMessage()).contains("20 open streams");
          });
      assertThat(routes.streamConnections()).as("the refused stream never connected").isEqualTo(20);

      streams.remove(0).close(); // a closed stream frees its place
      assertThat(client.openStreams()).isEqualTo(19);
      streams.add(client.streamQuotes(List.of(EUR_USD), QuoteStreamOptions.defaults()));
      assertThat(routes.streamConnections()).isEqualTo(21);
    } finally {
      streams.forEach(QuoteStream::close);
    }
    assertThat(client.openStreams()).isZero();
  }

  @Test
  void aThirdStreamConnectWithinOneSecondWaitsForItsPermit() {
    Instant start = clock.instant();
    try (QuoteStream first = open(); QuoteStream second = open()) {
      assertThat(List.of(first.state(), second.state())).containsOnly(StreamState.OPEN);
      assertThat(connectWaits).as("two connects a second are free").isEmpty();
      try (QuoteStream third = open()) {
        assertThat(third.state()).isEqualTo(StreamState.OPEN);
        assertThat(connectWaits).singleElement().satisfies(d -> assertThat(d).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(clock.instant()).as("the third connect went out in the next second").isAfterOrEqualTo(start.plusSeconds(1));
        assertThat(routes.streamConnections()).isEqualTo(3);
      }
    }
  }

  @Test
  void theDefaultConnectLimitIsTwoPerSecond() {
    RateLimit limit = OandaLimits.streamConnectLimit();
    assertThat(limit.limit()).isEqualTo((long) OandaLimits.NEW_CONNECTIONS_PER_SECOND).isEqualTo(2L);
    assertThat(limit.interval()).isEqualTo(Duration.ofSeconds(1));
  }
}
